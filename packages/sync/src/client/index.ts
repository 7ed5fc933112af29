export * from './backoff.js';
export * from './push-outcomes.js';
export * from './rebase.js';
