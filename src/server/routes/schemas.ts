/** The shared route schemas live in the API contract (src/contract/common.ts), shared with the console. */
export * from '../../contract/common.ts';
