export * from './apply-push.js';
export * from './pull.js';
export * from './push-database.js';
