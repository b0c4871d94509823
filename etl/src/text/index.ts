export * from './vietnamese.js';
export * from './legacy-encoding.js';
