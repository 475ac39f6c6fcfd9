/** The name of a letter kind as staff see it (“补正告知书”, “答复书（不予公开）”). */
import { LETTER_KINDS, type LetterKind, letterKindLabel } from '../../../domain/letters/kinds.ts';

/** The label of a letter kind; an unknown kind shows its code. */
export function letterName(kind: string): string {
  return (LETTER_KINDS as readonly string[]).includes(kind) ? letterKindLabel(kind as LetterKind) : kind;
}
