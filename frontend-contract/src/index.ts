// Hand-written entry point of @duban/frontend-contract: the typed client, its errors and the schema types.
// Token helpers for tests live in ./auth.ts (import '@duban/frontend-contract/auth').
export * from './client.js';
