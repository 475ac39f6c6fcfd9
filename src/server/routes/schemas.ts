/** The shared route schemas live in the API contract (src/contract/common.ts), shared with the console. */
export * from '../../contract/common.ts';

import { errorBody } from '../../contract/common.ts';

/** The error answers of a staff write: bad input, not signed in, not allowed, not found, a conflict. */
export const writeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The error answers of a staff read: not signed in, not allowed, not found. */
export const readErrors = { 401: errorBody, 403: errorBody, 404: errorBody };
