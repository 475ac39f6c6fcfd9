/**
 * Page, fonts and paragraph kinds of the DOCX report, after GB/T 9704—2012 (党政机关公文格式):
 * A4, type area 156 × 225 mm, title 2号 方正小标宋简体, body 3号 仿宋_GB2312 on a fixed 28.95 pt
 * line (22 lines a page), headings 黑体, numbered lead-ins 楷体_GB2312, tables 五号 宋体.
 */
import {
  AlignmentType,
  type FileChild,
  Footer,
  type ISectionOptions,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';

const mm = (value: number): number => Math.round((value * 1440) / 25.4);

/** Page geometry in twips (1/20 pt). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  /** bottom of the page number line; its digits then start about 7 mm under the type area */
  footer: mm(23),
} as const;

/** Width of the type area (版心), 156 mm, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  leadIn: '楷体_GB2312',
  table: '宋体',
} as const;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;

/** The fixed line pitch of the body, 28.95 pt. */
export const LINE = 579;
/** The fixed line pitch of the title, 35 pt, so that 22 pt glyphs are not clipped. */
const TITLE_LINE = 700;

const BODY_SPACING = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT_2_CHARS = { firstLine: 2 * SIZES.body * 10, firstLineChars: 200 };

/** A run in one font for every script (a CJK font also sets the digits and Latin letters). */
export function run(text: string, font: string, size: number): TextRun {
  return new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });
}

/** A centred title line in 2号 方正小标宋简体; the last one leaves an empty line under the title. */
export function titleParagraph(text: string, last: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...BODY_SPACING, line: TITLE_LINE, after: last ? LINE : 0 },
    children: [run(text, FONTS.title, SIZES.title)],
  });
}

/** A body paragraph in 3号 仿宋_GB2312, first line indented two characters; `leadIn` set in 楷体. */
export function bodyParagraph(text: string, leadIn = ''): Paragraph {
  const children = leadIn
    ? [run(leadIn, FONTS.leadIn, SIZES.body), run(text.slice(leadIn.length), FONTS.body, SIZES.body)]
    : [run(text, FONTS.body, SIZES.body)];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: INDENT_2_CHARS,
    children,
  });
}

/** A section heading (一、…) in 黑体 3号, kept with what follows it, optionally on a new page. */
export function headingParagraph(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    spacing: BODY_SPACING,
    indent: INDENT_2_CHARS,
    keepNext: true,
    pageBreakBefore,
    children: [run(text, FONTS.heading, SIZES.body)],
  });
}

/** A line of 五号 宋体 inside a table or under a chart, centred unless told otherwise. */
export function smallParagraph(text: string, align: 'left' | 'center' = 'center'): Paragraph {
  return new Paragraph({
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { line: 260, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [run(text, FONTS.table, SIZES.table)],
  });
}

/** The page number “— 1 —” in 4号 宋体: right on odd pages, left on even ones, one character in. */
export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = SIZES.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZES.pageNumber,
            font: { ascii: FONTS.table, eastAsia: FONTS.table, hAnsi: FONTS.table, cs: FONTS.table },
          }),
        ],
      }),
    ],
  });
}

/** [font, its substitute where it is not installed] for `word/fontTable.xml`. */
const FONT_SUBSTITUTES: Array<[string, string]> = [
  [FONTS.title, '宋体'],
  [FONTS.body, '仿宋'],
  [FONTS.leadIn, '楷体'],
  [FONTS.heading, 'SimHei'],
  [FONTS.table, 'SimSun'],
  ['仿宋', 'FangSong'],
  ['楷体', 'KaiTi'],
];

/**
 * The font table, naming a substitute (`w:altName`) for each font the report uses, so that Word
 * falls back to 宋体 for 方正小标宋简体, 仿宋 for 仿宋_GB2312 and so on where they are missing.
 * docx writes an empty font table; this replaces it through `Packer`'s overrides.
 */
export function fontTableXml(): string {
  const fonts = FONT_SUBSTITUTES.map(
    ([name, alt]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>` +
      '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>',
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}</w:fonts>`
  );
}

/** A section on A4 with GB/T 9704 margins and the page numbers “— 1 —” (reports and letters alike). */
export function officialSection(children: readonly FileChild[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
        margin: {
          top: PAGE.top,
          bottom: PAGE.bottom,
          left: PAGE.left,
          right: PAGE.right,
          header: PAGE.header,
          footer: PAGE.footer,
        },
      },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}
