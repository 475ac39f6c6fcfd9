/** The open-data routes' schemas live in the API contract (src/contract/open-data.ts). */
export * from '../../../contract/open-data.ts';
