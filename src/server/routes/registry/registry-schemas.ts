/** The registry routes' schemas live in the API contract (src/contract/registry.ts). */
export * from '../../../contract/registry.ts';
