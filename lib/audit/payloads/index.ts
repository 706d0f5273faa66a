// Zod schemas of the audit payloads the catalogue in ../actions.ts names, one file per feature
// (see ./common.ts for the rules they follow).
export * from './common';
export * from './auth';
export * from './ingest';
export * from './workspace';
export * from './queues';
export * from './cases';
export * from './evidence';
export * from './notes';
export * from './retention';
export * from './access';
