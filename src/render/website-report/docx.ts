/**
 * The 政府网站工作年度报表 as DOCX (docs/website-report.md): the title, the year and the agency, and
 * the template's table (grid.ts) in 宋体 五号 with black rules, A4 as the annual report (GB/T 9704
 * margins, docx-style.ts).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { FilledRow } from '../../domain/website-report/fill.ts';
import {
  FONTS,
  fontTableXml,
  officialSection,
  run,
  SIZES,
  smallParagraph,
  TEXT_WIDTH,
  titleParagraph,
} from '../docx-style.ts';
import { scaleWidths, TABLE_BORDERS } from '../docx-table.ts';
import { websiteReportGrid } from './grid.ts';

const MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

function line(text: string, bold = false): Paragraph {
  const r = run(text, bold ? FONTS.heading : FONTS.table, SIZES.table);
  return new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 }, children: [r] });
}

/** The report as a DOCX file. */
export async function websiteReportDocx(input: {
  agencyName: string;
  year: number;
  rows: readonly FilledRow[];
  draft: boolean;
}): Promise<Buffer> {
  const widths = scaleWidths([16, 18, 30, 36], TEXT_WIDTH);
  const grid = websiteReportGrid(input.rows);
  const covered = new Set<string>();
  const table = new Table({
    columnWidths: widths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: TABLE_BORDERS,
    rows: grid.map((cells, index) => {
      let column = 0;
      return new TableRow({
        tableHeader: index === 0,
        cantSplit: true,
        children: cells.map((cell) => {
          // a cell's column: the first the spans above leave free (the section and group columns)
          while (covered.has(`${index}:${column}`)) column++;
          for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
            for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) covered.add(`${index + dr}:${column + dc}`);
          const width = widths.slice(column, column + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
          column += cell.colSpan ?? 1;
          return new TableCell({
            rowSpan: cell.rowSpan,
            columnSpan: cell.colSpan,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: MARGINS,
            children: cell.text
              .split('\n')
              .map((t) => (cell.label ? line(t, index === 0) : smallParagraph(t, 'left'))),
          });
        }),
      });
    }),
  });
  const children = [
    titleParagraph('政府网站工作年度报表', false),
    titleParagraph(`（${input.year}年度）`, true),
    smallParagraph(`填报单位：${input.agencyName}${input.draft ? '（草稿）' : ''}`, 'left'),
    table,
  ];
  const document = new Document({
    title: `${input.agencyName}${input.year}年度政府网站工作年度报表`,
    creator: input.agencyName,
    evenAndOddHeaderAndFooters: true,
    sections: [officialSection(children)],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
