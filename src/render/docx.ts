/**
 * The annual report as a Word document (DOCX), laid out as an official document after
 * GB/T 9704—2012: title, preamble, the six sections with the format's headings, tables 二–四 as
 * real Word tables with merged cells, the two charts as native Word charts; the validation
 * results only in the staff preview, a published version's 说明 (if any) after the preamble.
 */

import { Document, Packer, type Paragraph, type Table } from 'docx';
import { cellLabels } from '../domain/report/cell-labels.ts';
import type { ReportFormat } from '../domain/report/format.ts';
import { formatById } from '../domain/report/formats/registry.ts';
import { narrativeOf, sectionTexts } from '../domain/report/sections.ts';
import type { AnnualReport, Paragraph as NarrativeParagraph, Violation } from '../domain/report/types.ts';
import { CHART_THEME, reportChartBlocks } from './docx-chart.ts';
import { stabilizeDocx } from './docx-stable.ts';
import {
  bodyParagraph,
  fontTableXml,
  headingParagraph,
  officialSection,
  titleParagraph,
} from './docx-style.ts';
import { reportTable } from './docx-table.ts';
import { buildTables, type TableModel } from './table-model.ts';

type Block = Paragraph | Table;

const TABLE_OF_SECTION: Record<string, TableModel['id']> = {
  proactive: 't2',
  requests: 't3',
  reviews: 't4',
};

const SEVERITY_LABELS: Record<Violation['severity'], string> = { error: '错误', warning: '提示' };

/**
 * The printed paragraphs of a narrative section, each with the lead-in (“1.主动公开。”) that
 * sectionTexts() put in front of a titled paragraph, so it can be set in 楷体.
 */
function narrativeBlocks(paragraphs: NarrativeParagraph[]): Paragraph[] {
  const leadIns = paragraphs.filter((p) => p.title).map((p, i) => `${i + 1}.${p.title}。`);
  return sectionTexts(paragraphs).map((text) =>
    bodyParagraph(text, leadIns.find((leadIn) => text.startsWith(leadIn)) ?? ''),
  );
}

function violationBlocks(violations: Violation[], format: ReportFormat): Paragraph[] {
  if (violations.length === 0) return [];
  return [
    headingParagraph('校验结果', true),
    ...violations.map((v) => {
      const cells = v.cells.length > 0 ? `（涉及单元格：${cellLabels(format, v.cells)}）` : '';
      return bodyParagraph(`【${SEVERITY_LABELS[v.severity]}】${v.code} ${v.message}${cells}`);
    }),
  ];
}

/** The approver's 说明 of a version published over errors. */
function noteBlocks(report: AnnualReport): Paragraph[] {
  const note = report.publicationNote?.trim();
  return note ? [bodyParagraph(`说明：${note}`, '说明：')] : [];
}

/** What a DOCX rendering shows besides the report: the validation results of a staff preview. */
export interface RenderDocxOptions {
  /** the staff preview of a draft (validation results at the end); never for a published version */
  preview?: boolean;
}

/**
 * The body of the report, in order: title, preamble, 说明 (if any), six sections, charts, and,
 * in a staff preview, the validation results.
 */
export function reportBlocks(report: AnnualReport, options: RenderDocxOptions = {}): Block[] {
  const format = formatById(report.format);
  const tables = new Map(buildTables(report.cells, format).map((t) => [t.id, t]));
  const blocks: Block[] = [
    titleParagraph(report.agency.name, false),
    titleParagraph(`${report.year}年政府信息公开工作年度报告`, true),
    ...report.preamble.filter((p) => p.trim()).map((p) => bodyParagraph(p)),
    ...noteBlocks(report),
  ];
  for (const section of format.sections) {
    blocks.push(headingParagraph(section.heading));
    const table = tables.get(TABLE_OF_SECTION[section.key]);
    if (table) blocks.push(reportTable(table));
    blocks.push(...narrativeBlocks(narrativeOf(report.narrative, section.key) ?? []));
  }
  blocks.push(...reportChartBlocks(report));
  if (options.preview) blocks.push(...violationBlocks(report.violations, format));
  return blocks;
}

/** Renders the report as a DOCX file (A4, GB/T 9704 margins, page numbers “— 1 —”). */
export async function renderReportDocx(
  report: AnnualReport,
  options: RenderDocxOptions = {},
): Promise<Buffer> {
  const title = `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
  const document = new Document({
    title,
    creator: report.agency.name,
    evenAndOddHeaderAndFooters: true,
    theme: CHART_THEME,
    sections: [officialSection(reportBlocks(report, options))],
  });
  const docx = await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  // Stamped with the publication day (or 1 January after the year): the same report, the same bytes.
  return stabilizeDocx(docx, new Date(`${report.publishedOn ?? `${report.year + 1}-01-01`}T00:00:00Z`));
}
