/** The paragraphs of an evaluated template: split at blank lines, lines joined, marks read. */
import { PARAGRAPH_MARKS } from './template-syntax.ts';

/** How a paragraph is set: indented body text, flush left, or right-aligned. */
export type ParagraphAlign = 'body' | 'left' | 'right';

/** One paragraph of a filled letter, as plain text. */
export interface LetterParagraph {
  align: ParagraphAlign;
  text: string;
}

const ASCII_WORD = /[A-Za-z0-9]/;

/** Joins the lines of a paragraph: directly in Chinese, with a space between two Latin words. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line;
    const gap = ASCII_WORD.test(text.at(-1) ?? '') && ASCII_WORD.test(line[0]) ? ' ' : '';
    return text + gap + line;
  }, '');
}

/** Splits evaluated text into paragraphs at blank lines, reading the paragraph marks. */
export function paragraphsOf(text: string): LetterParagraph[] {
  return text.split(/\n[ \t\u3000]*\n/).flatMap((block): LetterParagraph[] => {
    const head = block.trimStart();
    const align: ParagraphAlign = head.startsWith(PARAGRAPH_MARKS.left)
      ? 'left'
      : head.startsWith(PARAGRAPH_MARKS.right)
        ? 'right'
        : 'body';
    const lines = block
      .replaceAll(PARAGRAPH_MARKS.left, '')
      .replaceAll(PARAGRAPH_MARKS.right, '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return lines.length > 0 ? [{ align, text: joinLines(lines) }] : [];
  });
}
