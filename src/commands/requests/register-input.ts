/** The input of a request registration lives in the API contract (src/contract/register-request.ts). */
export * from '../../contract/register-request.ts';
