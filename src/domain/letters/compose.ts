/** A letter ready to typeset: title, number line and paragraphs, the same for HTML and DOCX. */
import { AGENCY_CONSULTATION_TITLE, LETTER_KIND_INFO, type LetterKind } from './kinds.ts';
import type { LetterData } from './letter-data.ts';
import type { LetterParagraph } from './paragraphs.ts';
import { defaultTemplate, fillTemplate, LetterTemplateError, validateTemplate } from './templates.ts';

/** A letter's content, before typesetting. */
export interface ComposedLetter {
  kind: LetterKind;
  title: string;
  /** the 文号-like line under the title: the registration number */
  docNo: string;
  paragraphs: LetterParagraph[];
  /** placeholders without a value, printed as blanks */
  missing: string[];
}

/** The printed title; a consultation of another agency (第三十四条) is not a third-party letter. */
export function letterTitle(kind: LetterKind, data: LetterData): string {
  if (kind === 'consultation' && data.consultation?.toAgency) return AGENCY_CONSULTATION_TITLE;
  return LETTER_KIND_INFO[kind].title;
}

/**
 * Fills a kind's template (the agency's own, else the default) from a case. Throws
 * LetterTemplateError when the template does not pass validateTemplate for the kind.
 */
export function composeLetter(kind: LetterKind, data: LetterData, template?: string): ComposedLetter {
  const text = template ?? defaultTemplate(kind);
  const check = validateTemplate(kind, text);
  if (!check.ok) throw new LetterTemplateError(check.messages);
  const { paragraphs, missing } = fillTemplate(text, data);
  return { kind, title: letterTitle(kind, data), docNo: data.case.registrationNo, paragraphs, missing };
}
