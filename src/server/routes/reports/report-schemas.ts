/** The report routes' schemas live in the API contract (src/contract/reports.ts). */
export * from '../../../contract/reports.ts';
