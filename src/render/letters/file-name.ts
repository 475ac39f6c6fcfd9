/** The file name a letter is stored and downloaded under. */
import { LETTER_KIND_INFO, type LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';

const UNSAFE = /[\\/:*?"<>|]/g;

/** The name with control characters dropped and the characters no file system accepts replaced. */
const safe = (name: string): string =>
  [...name]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f')
    .join('')
    .replace(UNSAFE, '_');

/**
 * “临港依申请〔2021〕3号-补正告知书.docx”: the registration number and the kind's name, with the
 * characters no file system accepts replaced by “_”.
 */
export function letterFileName(
  kind: LetterKind,
  data: LetterData,
  extension: 'docx' | 'html' | 'pdf' = 'docx',
): string {
  const name = safe(`${data.case.registrationNo.trim()}-${LETTER_KIND_INFO[kind].name}`);
  return `${name}.${extension}`;
}
