/**
 * Our own report as a document, laid out as the renderers print it (title, preamble, the six
 * sections, the tables as grids): what the reader must read back cell for cell. Tests and
 * bench:check start from it (and degrade it as real files are degraded).
 */
import { formatById } from '../formats/registry.ts';
import { narrativeOf, sectionTexts } from '../sections.ts';
import type { AnnualReport } from '../types.ts';
import type { Block, SourceDocument, SourceType } from './document.ts';

const TABLE_OF_SECTION = { proactive: 0, requests: 1, reviews: 2 } as const;

/** The report's blocks in printed order; table cells as the table model gives them. */
export function documentOfReport(
  report: AnnualReport,
  source: SourceType = 'html',
  /** cells printed blank where they hold 0, as many reports print them */
  blank: ReadonlySet<string> = new Set(),
): SourceDocument {
  const format = formatById(report.format);
  const tables = format.tables(report.cells);
  const blocks: Block[] = [
    { kind: 'paragraph', text: report.agency.name },
    { kind: 'paragraph', text: `${report.year}年政府信息公开工作年度报告` },
    ...report.preamble.map((text): Block => ({ kind: 'paragraph', text })),
  ];
  for (const section of format.sections) {
    blocks.push({ kind: 'paragraph', text: section.heading });
    const t = TABLE_OF_SECTION[section.key as keyof typeof TABLE_OF_SECTION];
    const table = t === undefined ? undefined : tables[t];
    if (table) {
      blocks.push({
        kind: 'table',
        structured: true,
        rows: table.rows.map((row) =>
          row.map((cell) => ({
            text: cell.code && blank.has(cell.code) && cell.text === '0' ? '' : cell.text,
            ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
            ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          })),
        ),
      });
    } else {
      for (const text of sectionTexts(narrativeOf(report.narrative, section.key) ?? []))
        blocks.push({ kind: 'paragraph', text });
    }
  }
  return { source, blocks, ...(report.publishedOn ? { publishedOn: report.publishedOn } : {}) };
}
