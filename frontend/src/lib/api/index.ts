/** The typed API client: every call the pages make goes through these modules. */
export * from './http';
export * from './analytics';
export * from './units';
export * from './models';
export * from './uploads';
export * from './review';
export * from './auth';
export * from './audit';
