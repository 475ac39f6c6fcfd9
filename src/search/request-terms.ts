import { comparableTerms } from '../domain/requests/proposals/similarity.ts';
import { indexTerms } from './segment.ts';

/**
 * The terms a request's information sought is compared by (条例 第四十四条 proposals): the search
 * index's jieba terms (segment.ts), without request boilerplate and single characters.
 */
export function requestTerms(information: string | null): string[] {
  return information ? comparableTerms(indexTerms(information)) : [];
}
