/** A letter ready to typeset: title, number line and paragraphs, the same for HTML and DOCX. */

import { slotLabel } from '../requests/decision-fields.ts';
import { letterFields } from './fields.ts';
import { AGENCY_CONSULTATION_TITLE, INSPECTION_TITLE, LETTER_KIND_INFO, type LetterKind } from './kinds.ts';
import type { LetterData } from './letter-data.ts';
import type { LetterParagraph } from './paragraphs.ts';
import { tidyLetterData } from './punctuation.ts';
import {
  defaultTemplate,
  fillTemplate,
  LetterIncompleteError,
  LetterTemplateError,
  validateTemplate,
} from './templates.ts';

/** A letter's content, before typesetting. */
export interface ComposedLetter {
  kind: LetterKind;
  title: string;
  /** the 文号-like line under the title: the registration number */
  docNo: string;
  paragraphs: LetterParagraph[];
  /** placeholders of the records (agency, case, applicant) without a value, printed as blanks */
  missing: string[];
}

/**
 * Placeholders that may print as a blank: what the records hold about the agency (its address,
 * phone…, which its administrator completes in the agency's settings), the case and the applicant
 * (a case imported from before the platform has no registration number). Everything the step
 * itself states — the decision, its remedies, the correction, consultation, extension or fee — must
 * be there.
 */
const RECORD_PATHS = /^(agency|case|applicant)\./;
const mayBeBlank = (path: string): boolean => RECORD_PATHS.test(path);

/**
 * The printed title; a consultation of another agency (第三十四条) is not a third-party letter, and a
 * provision by 查阅、抄录 (第四十条) is a 查阅、抄录通知书.
 */
export function letterTitle(kind: LetterKind, data: LetterData): string {
  if (kind === 'consultation' && data.consultation?.toAgency) return AGENCY_CONSULTATION_TITLE;
  if (kind === 'provision' && data.provision?.inspection) return INSPECTION_TITLE;
  return LETTER_KIND_INFO[kind].title;
}

/** How a hole is named to staff: the placeholder's label, or the slot's (“{reason}” → “理由”). */
function holeLabel(kind: LetterKind, hole: string): string {
  if (hole.startsWith('{')) return slotLabel(hole.slice(1, -1));
  return letterFields(kind).find((f) => f.path === hole)?.label ?? hole;
}

/**
 * Fills a kind's template (the agency's own, else the default) from a case. Throws
 * LetterTemplateError when the template does not pass validateTemplate for the kind, and
 * LetterIncompleteError when a placeholder of the step's own section has no value or a sentence
 * keeps an open `{slot}`: a letter never leaves with a hole in it.
 */
export function composeLetter(kind: LetterKind, data: LetterData, template?: string): ComposedLetter {
  const text = template ?? defaultTemplate(kind);
  const check = validateTemplate(kind, text);
  if (!check.ok) throw new LetterTemplateError(check.messages);
  const { paragraphs, missing, unfilled } = fillTemplate(text, tidyLetterData(data));
  const holes = [...missing.filter((path) => !mayBeBlank(path)), ...unfilled];
  if (holes.length > 0)
    throw new LetterIncompleteError(
      holes,
      holes.map((hole) => holeLabel(kind, hole)),
    );
  return { kind, title: letterTitle(kind, data), docNo: data.case.registrationNo, paragraphs, missing };
}
