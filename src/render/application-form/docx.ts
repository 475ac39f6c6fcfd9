/**
 * The paper 申请表 as Word (DOCX): A4, one table of the shared rows (paper-form.ts) — a section
 * heading across both columns, each field's label left and an empty box right (as many lines high as
 * the field wants), choices with □ to tick — the agency's name and address above, the signature and
 * the agency's own lines below. Byte-stable (docx-stable.ts): the same agency gives the same file.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import { stabilizeDocx } from '../docx-stable.ts';
import { FONTS, fontTableXml, PAGE, run } from '../docx-style.ts';
import {
  addressLines,
  BOX,
  FORM_NOTES,
  FORM_TITLE,
  OFFICE_USE_LINE,
  type PaperFormAgency,
  type PaperRow,
  paperRows,
  SIGNATURE_LINE,
} from './paper-form.ts';

/** 五号 (10.5 pt) and a smaller size for hints, in half-points. */
const SIZE = 21;
const HINT = 17;
/** One handwritten line, in twips (about 9.5 mm). */
const WRITE_LINE = 540;
/** 18 mm margins: a form wants the room more than the 公文 margins. */
const MARGIN = 1020;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.3);
const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

const text = (value: string, options: { size?: number; font?: string; after?: number } = {}) =>
  new Paragraph({
    spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: options.after ?? 0 },
    children: [run(value, options.font ?? FONTS.table, options.size ?? SIZE)],
  });

function labelCell(r: Exclude<PaperRow, { kind: 'section' }>): TableCell {
  const children = [text(`${r.label}${r.required ? ' *' : ''}`)];
  if (r.hint) children.push(text(r.hint, { size: HINT }));
  return new TableCell({ borders: BORDERS, width: { size: LABEL_WIDTH, type: WidthType.DXA }, children });
}

function tableRow(r: PaperRow): TableRow {
  if (r.kind === 'section') {
    const children = [text(r.text, { font: FONTS.heading })];
    if (r.hint) children.push(text(r.hint, { size: HINT }));
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          borders: BORDERS,
          columnSpan: 2,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' },
          children,
        }),
      ],
    });
  }
  const content =
    r.kind === 'choices'
      ? [text(r.choices.map((c) => `${BOX} ${c}`).join('　　'))]
      : [new Paragraph({ children: [] })];
  return new TableRow({
    cantSplit: true,
    height: r.kind === 'field' ? { value: WRITE_LINE * r.lines, rule: HeightRule.ATLEAST } : undefined,
    children: [
      labelCell(r),
      new TableCell({
        borders: BORDERS,
        width: { size: TEXT_WIDTH - LABEL_WIDTH, type: WidthType.DXA },
        children: content,
      }),
    ],
  });
}

/** The paper form addressed to the agency, as DOCX bytes stamped with `at`. */
export async function renderApplicationFormDocx(agency: PaperFormAgency, at: Date): Promise<Buffer> {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 160 },
    children: [run(FORM_TITLE, FONTS.heading, 36)],
  });
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    rows: paperRows().map(tableRow),
  });
  const document = new Document({
    title: `${FORM_TITLE} - ${agency.name}`,
    creator: agency.name,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN, bottom: 900, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          title,
          ...addressLines(agency).map((l, i, all) => text(l, { after: i === all.length - 1 ? 120 : 0 })),
          table,
          new Paragraph({ spacing: { before: 240 }, children: [run(SIGNATURE_LINE, FONTS.table, SIZE)] }),
          new Paragraph({ spacing: { before: 160 }, children: [run(OFFICE_USE_LINE, FONTS.table, SIZE)] }),
          ...FORM_NOTES.map((n, i) => text(`${i + 1}. ${n}`, { size: HINT })),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return stabilizeDocx(bytes, at);
}
