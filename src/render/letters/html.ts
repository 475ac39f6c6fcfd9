/**
 * A letter as one self-contained HTML5 document (no script, no external resource) that prints
 * like an official document: the report's page and type (html-style.ts) with the letter's layout.
 */
import { composeLetter } from '../../domain/letters/compose.ts';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import type { ParagraphAlign } from '../../domain/letters/paragraphs.ts';
import { escapeHtml } from '../escape.ts';
import { htmlPage, REPORT_CSS } from '../html-style.ts';
import { LETTER_CSS } from './letter-style.ts';
import { rightIndents } from './signature.ts';

const PARAGRAPH_CLASS: Record<ParagraphAlign, string> = {
  body: 'gk-body',
  left: 'gk-left',
  right: 'gk-right',
};

/**
 * Renders a letter of a kind from a case, with the agency's template or the default. Every value
 * is escaped. Throws LetterTemplateError when the template is not valid for the kind.
 */
export function renderLetterHtml(kind: LetterKind, data: LetterData, template?: string): string {
  const letter = composeLetter(kind, data, template);
  const indents = rightIndents(letter.paragraphs);
  const paragraphs = letter.paragraphs
    .map((p, i) => {
      const style = p.align === 'right' ? ` style="padding-right: ${indents[i]}em"` : '';
      return `<p class="${PARAGRAPH_CLASS[p.align]}"${style}>${escapeHtml(p.text)}</p>`;
    })
    .join('\n');
  return htmlPage(
    `${letter.docNo} ${letter.title}`,
    REPORT_CSS + LETTER_CSS,
    [
      `<article class="gk-report gk-letter" data-kind="${escapeHtml(kind)}">`,
      `<header class="gk-title"><h1>${escapeHtml(letter.title)}</h1></header>`,
      `<p class="gk-docno">${escapeHtml(letter.docNo)}</p>`,
      paragraphs,
      '</article>',
    ].join('\n'),
  );
}
