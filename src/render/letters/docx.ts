/**
 * A letter as a Word document (DOCX) after GB/T 9704—2012, with the report's page, fonts and
 * paragraph kinds (docx-style.ts): title 2号 小标宋, the registration number under it, body 3号
 * 仿宋 on the fixed line, salutation flush left, signature and date right-aligned four characters in.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx';
import { composeLetter } from '../../domain/letters/compose.ts';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import type { LetterParagraph } from '../../domain/letters/paragraphs.ts';
import {
  bodyParagraph,
  FONTS,
  fontTableXml,
  LINE,
  officialSection,
  run,
  SIZES,
  titleParagraph,
} from '../docx-style.ts';
import { rightIndents } from './signature.ts';

/** One character of 3号 type, in twips. */
const CHAR = SIZES.body * 10;

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface LineOptions {
  before?: number;
  after?: number;
  right?: number;
  /** indent the first line two characters, as the body does */
  indent?: boolean;
  keepNext?: boolean;
}

/** One paragraph in 3号 仿宋 on the body's fixed line. */
function line(text: string, alignment: Alignment, options: LineOptions): Paragraph {
  return new Paragraph({
    alignment,
    spacing: {
      line: LINE,
      lineRule: LineRuleType.EXACT,
      before: options.before ?? 0,
      after: options.after ?? 0,
    },
    indent: options.indent
      ? { firstLine: 2 * CHAR, firstLineChars: 200 }
      : options.right
        ? { right: options.right }
        : undefined,
    keepNext: options.keepNext,
    keepLines: options.keepNext,
    children: [run(text, FONTS.body, SIZES.body)],
  });
}

/**
 * The paragraphs in order. The signature block (a run of right-aligned lines) follows an empty
 * line and is kept on one page with the paragraph before it and the note after it, so that no page
 * holds only the signature (GB/T 9704—2012 7.3.5.4).
 */
function letterParagraphs(paragraphs: readonly LetterParagraph[]): Paragraph[] {
  const indents = rightIndents(paragraphs);
  return paragraphs.map((p, i) => {
    const next = paragraphs[i + 1];
    const keepNext = next !== undefined && (next.align === 'right' || p.align === 'right');
    if (p.align === 'body' && !keepNext) return bodyParagraph(p.text);
    if (p.align === 'body') return line(p.text, AlignmentType.JUSTIFIED, { indent: true, keepNext });
    if (p.align === 'left') return line(p.text, AlignmentType.JUSTIFIED, {});
    const first = paragraphs[i - 1]?.align !== 'right';
    const right = Math.round(indents[i] * CHAR);
    return line(p.text, AlignmentType.RIGHT, { before: first ? LINE : 0, right, keepNext });
  });
}

/**
 * Renders a letter of a kind from a case as DOCX (A4, GB/T 9704 margins, page numbers “— 1 —”),
 * with the agency's template or the default. Throws LetterTemplateError for an invalid template.
 */
export async function renderLetterDocx(
  kind: LetterKind,
  data: LetterData,
  template?: string,
): Promise<Buffer> {
  const letter = composeLetter(kind, data, template);
  const document = new Document({
    title: `${letter.docNo} ${letter.title}`,
    creator: data.agency.name,
    evenAndOddHeaderAndFooters: true,
    sections: [
      officialSection([
        titleParagraph(letter.title, false),
        line(letter.docNo, AlignmentType.CENTER, { after: LINE }),
        ...letterParagraphs(letter.paragraphs),
      ]),
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
