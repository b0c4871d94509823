export * from './dates.js';
export * from './fields.js';
export * from './status.js';
export * from './owner.js';
export * from './numbers.js';
export * from './levels.js';
