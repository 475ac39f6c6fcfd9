import { comparableTerms } from '../domain/requests/proposals/similarity.ts';
import { segmentWords } from './segment.ts';

/**
 * The terms a request's information sought is compared by (条例 第四十四条 proposals): the search
 * index's jieba terms (segment.ts), without request boilerplate. jieba (without HMM) cuts a name it
 * does not know into single characters (草庙子镇 → 草 庙 子 镇); such a run of touching single Han
 * characters is one term here (草庙子镇), so a village's name still tells its requests apart, where
 * dropping single characters would make “2026年草庙子镇土地征收批复” the same as every village's.
 */
export function requestTerms(information: string | null): string[] {
  if (!information) return [];
  const terms: string[] = [];
  let run = '';
  let runEnd = -1;
  const flush = () => {
    if ([...run].length >= 2) terms.push(run);
    run = '';
  };
  for (const word of segmentWords(information)) {
    // a unit after a number (2026年) keeps its own term (segment.ts), it is no part of a name
    const single = word.kind === 'han' && [...word.text].length === 1 && word.terms[0] === word.text;
    if (single) {
      if (word.start !== runEnd) flush();
      run += word.text;
      runEnd = word.end;
      continue;
    }
    flush();
    terms.push(...word.terms);
  }
  flush();
  return comparableTerms(terms);
}
