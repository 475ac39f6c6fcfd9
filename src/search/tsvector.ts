import { quoteLexeme } from './postgres-facets.ts';
import { indexText } from './segment.ts';

/**
 * PostgreSQL's tsvector literal of an item, built from its index terms — pure, so the bulk
 * indexer builds it in the segmentation workers (segment-pool.ts) with the terms, and the main
 * thread only appends the item's facet lexemes and sends the rows.
 */

/** tsvector limits: positions above 16383 are clamped, at most 256 positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;

/** The positional part of the literal: title terms at 1…n (A), body terms after a gap (B). */
export function positionalLexemes(titleText: string, bodyText: string): string {
  // One string and one count per term (not an array of positions): this runs for every item indexed.
  const lexemes = new Map<string, { positions: string; count: number }>();
  let position = 0;
  const add = (term: string, weight: string) => {
    const at = `${Math.min(position, MAX_POSITION)}${weight}`;
    const lexeme = lexemes.get(term);
    if (!lexeme) lexemes.set(term, { positions: at, count: 1 });
    else if (lexeme.count < MAX_POSITIONS_PER_LEXEME) {
      lexeme.positions += `,${at}`;
      lexeme.count++;
    }
  };
  for (const term of titleText ? titleText.split(' ') : []) {
    position++;
    add(term, 'A');
  }
  position++;
  for (const term of bodyText ? bodyText.split(' ') : []) {
    position++;
    add(term, 'B');
  }
  let out = '';
  for (const [term, { positions }] of lexemes) out += `${out ? ' ' : ''}${quoteLexeme(term)}:${positions}`;
  return out;
}

/** What the facet lexemes (postgres-facets.ts, no positions) add after a positional part. */
export function facetSuffix(afterPositional: boolean, facets: readonly string[]): string {
  let out = '';
  for (const facet of facets) out += `${afterPositional || out ? ' ' : ''}${quoteLexeme(facet)}`;
  return out;
}

/** The facet lexemes after a positional part. */
export const withFacets = (positional: string, facets: readonly string[]): string =>
  positional + facetSuffix(positional !== '', facets);

/**
 * The tsvector literal of an item: title terms at 1…n (A), body terms after a gap (B), then the
 * facet lexemes (its month and filter values, postgres-facets.ts) without positions.
 */
export function tsvectorLiteral(titleText: string, bodyText: string, facets: readonly string[] = []): string {
  return withFacets(positionalLexemes(titleText, bodyText), facets);
}

/**
 * A text as an element of a PostgreSQL array literal, without its quotes: what node-postgres
 * does to each string of an array parameter (backslashes and double quotes escaped), so a
 * statement can take the whole array as one prepared text. Escaping is per character, so the
 * escaped parts of a text may be joined.
 */
export const arrayElementText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** What bulk indexing asks the segmentation of an item's title and body to give. */
export type IndexForm = 'terms' | 'tsvector';

/**
 * Each (title, body) pair of `sources` (title₁, body₁, title₂, body₂…) in the form asked: `terms`,
 * the two index texts (space-joined terms); `tsvector`, one text, the item's positional lexemes
 * escaped as an array element (arrayElementText).
 */
export function indexForms(sources: readonly string[], form: IndexForm): string[] {
  if (form === 'terms') return sources.map(indexText);
  const out: string[] = [];
  for (let k = 0; k + 1 < sources.length; k += 2) {
    out.push(arrayElementText(positionalLexemes(indexText(sources[k]), indexText(sources[k + 1]))));
  }
  return out;
}
