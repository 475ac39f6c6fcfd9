/** The user routes' schemas live in the API contract (src/contract/users.ts). */
export * from '../../../contract/users.ts';
