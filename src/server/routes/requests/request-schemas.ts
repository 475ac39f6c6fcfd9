/** The request routes' schemas live in the API contract (src/contract/requests.ts). */
export * from '../../../contract/requests.ts';
