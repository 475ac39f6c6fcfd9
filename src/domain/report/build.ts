import { cellNumber } from './cells.ts';
import type { ReportFormat } from './format.ts';
import { formatForYear } from './formats/registry.ts';
import { mergeNarrative } from './merge.ts';
import { draftNarrative } from './narrative.ts';
import { narrativeOf, sectionTexts } from './sections.ts';
import type { PublishedPrevious } from './snapshot.ts';
import type { AgencyProfile, AnnualReport, Cells, ChartDatum, Narrative, ReportFacts } from './types.ts';
import { validateReport } from './validate.ts';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS } from './vocabulary.ts';

/** The two opening paragraphs: the basis of the report, its contents, where to get it. */
export function preamble(agency: AgencyProfile, year: number, format: ReportFormat): string[] {
  const website = agency.website
    ? `“${agency.websiteName || agency.name}”（${agency.website}）`
    : '本机关门户网站';
  const contact = [
    agency.address && `联系地址：${agency.address}`,
    agency.postcode && `邮政编码：${agency.postcode}`,
    agency.phone && `联系电话：${agency.phone}`,
  ].filter(Boolean);
  return [
    `根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和${format.citation}要求，结合${year}年${agency.name}政府信息公开工作实际，编制发布本报告。`,
    `内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他事项，以及相关指标统计附表、附图等。本年度报告中所列数据统计期限从${year}年1月1日到12月31日止。本报告的电子版可在${website}查询或下载。公众如需进一步咨询了解相关信息，请与${agency.name}${agency.office}联系${contact.length ? `（${contact.join('；')}）` : ''}。`,
  ];
}

function outcomeChart(cells: Cells, format: ReportFormat): ChartDatum[] {
  return OUTCOME_GROUPS.map((group) => ({
    label: OUTCOME_GROUP_LABELS[group],
    value: format.outcomeRows
      .filter((row) => row.group === group)
      .reduce((acc, row) => acc + cellNumber(cells, `t3.${row.code}.total`), 0),
  })).filter((d) => d.value > 0);
}

/** The sections as printed, in order, with their text (what R9 and R10 read). */
export function printedSections(
  narrative: Narrative,
  format: ReportFormat,
): Array<{ heading: string; text: string }> {
  return format.sections.map((s) => {
    const paragraphs = narrativeOf(narrative, s.key);
    return { heading: s.heading, text: paragraphs ? sectionTexts(paragraphs).join('\n') : '(table)' };
  });
}

export interface StoredReport {
  /** the narrative staff keep (null: none yet, the draft is used as is) */
  narrative: Narrative | null;
  publishedOn: string | null;
  /**
   * the previous year's published version, when there is one: R7, R8 and the year-over-year
   * sentences compare with what was published, not with what the records say today
   */
  previousPublished?: PublishedPrevious | null;
}

/** How a report is built: today (for R10 on an unpublished report) and a format other than the year's. */
export interface BuildOptions {
  today?: string;
  /** the format to write the report in; by default the year's (formatForYear) */
  format?: ReportFormat;
}

/**
 * The annual report of one agency-year in its format: cells from the facts, the narrative draft
 * merged into what staff wrote, the charts, and every rule of the format checked. The previous
 * year's cells, when not published, are computed in the same format, so that R7 compares like
 * with like.
 */
export function buildReport(
  facts: ReportFacts,
  stored: StoredReport,
  options: BuildOptions = {},
): AnnualReport {
  const format = options.format ?? formatForYear(facts.year);
  const cells = format.computeCells(facts.current);
  const published = stored.previousPublished ?? null;
  const previous = published ? published.facts : facts.previous;
  const previousCells = published ? published.cells : previous ? format.computeCells(previous) : null;
  const narrative = mergeNarrative(stored.narrative, draftNarrative(cells, facts.current, previous, format));
  const report: AnnualReport = {
    format: format.id,
    agency: facts.agency,
    year: facts.year,
    preamble: preamble(facts.agency, facts.year, format),
    cells,
    previousCells,
    narrative,
    charts: {
      publicationsByChannel: facts.current.publications.byChannel
        .filter((c) => c.count > 0)
        .map((c) => ({ label: c.name, value: c.count })),
      requestOutcomes: outcomeChart(cells, format),
    },
    publishedOn: stored.publishedOn,
    violations: [],
  };
  report.violations = validateReport({
    format,
    year: facts.year,
    agencyKind: facts.agency.kind,
    reportDeadline: facts.agency.reportDeadline ?? null,
    cells,
    previousCells,
    sections: printedSections(narrative, format),
    publishedOn: stored.publishedOn,
    mixedItemsNotPartial: facts.current.requests.mixedItemsNotPartial,
    today: options.today,
  });
  return report;
}

/** The generated draft of the narrative alone (what the editor shows beside the staff text). */
export function generatedDraft(
  facts: ReportFacts,
  stored: StoredReport,
  format: ReportFormat = formatForYear(facts.year),
): Narrative {
  const previous = stored.previousPublished?.facts ?? facts.previous;
  return draftNarrative(format.computeCells(facts.current), facts.current, previous, format);
}
