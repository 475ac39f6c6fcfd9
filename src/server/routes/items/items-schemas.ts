/** The item routes' schemas live in the API contract (src/contract/items.ts). */
export * from '../../../contract/items.ts';
