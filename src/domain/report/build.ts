import { cellNumber, computeCells } from './cells.ts';
import { OUTCOME_GROUP_LABELS, OUTCOME_GROUPS, OUTCOMES, outcomeGroup } from './codes.ts';
import { mergeNarrative } from './merge.ts';
import { draftNarrative } from './narrative.ts';
import { narrativeOf, REPORT_SECTIONS, sectionTexts } from './sections.ts';
import type { PublishedPrevious } from './snapshot.ts';
import type { AgencyProfile, AnnualReport, Cells, ChartDatum, Narrative, ReportFacts } from './types.ts';
import { validateReport } from './validate.ts';

/** The two opening paragraphs: the basis of the report, its contents, where to get it. */
export function preamble(agency: AgencyProfile, year: number): string[] {
  const website = agency.website
    ? `“${agency.websiteName || agency.name}”（${agency.website}）`
    : '本机关门户网站';
  const contact = [
    agency.address && `联系地址：${agency.address}`,
    agency.postcode && `邮政编码：${agency.postcode}`,
    agency.phone && `联系电话：${agency.phone}`,
  ].filter(Boolean);
  return [
    `根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)要求，结合${year}年${agency.name}政府信息公开工作实际，编制发布本报告。`,
    `内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他事项，以及相关指标统计附表、附图等。本年度报告中所列数据统计期限从${year}年1月1日到12月31日止。本报告的电子版可在${website}查询或下载。公众如需进一步咨询了解相关信息，请与${agency.name}${agency.office}联系${contact.length ? `（${contact.join('；')}）` : ''}。`,
  ];
}

function outcomeChart(cells: Cells): ChartDatum[] {
  return OUTCOME_GROUPS.map((group) => ({
    label: OUTCOME_GROUP_LABELS[group],
    value: OUTCOMES.filter((o) => outcomeGroup(o) === group).reduce(
      (acc, o) => acc + cellNumber(cells, `t3.${o}.total`),
      0,
    ),
  })).filter((d) => d.value > 0);
}

/** The sections as printed, in order, with their text (what R9 and R10 read). */
export function printedSections(narrative: Narrative): Array<{ heading: string; text: string }> {
  return REPORT_SECTIONS.map((s) => {
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

/**
 * The annual report of one agency-year: cells from the facts, the narrative draft merged into
 * what staff wrote, the charts, and every rule checked.
 */
export function buildReport(
  facts: ReportFacts,
  stored: StoredReport,
  options: { today?: string } = {},
): AnnualReport {
  const cells = computeCells(facts.current);
  const published = stored.previousPublished ?? null;
  const previous = published ? published.facts : facts.previous;
  const previousCells = published ? published.cells : previous ? computeCells(previous) : null;
  const narrative = mergeNarrative(stored.narrative, draftNarrative(cells, facts.current, previous));
  const report: AnnualReport = {
    agency: facts.agency,
    year: facts.year,
    preamble: preamble(facts.agency, facts.year),
    cells,
    previousCells,
    narrative,
    charts: {
      publicationsByChannel: facts.current.publications.byChannel
        .filter((c) => c.count > 0)
        .map((c) => ({ label: c.name, value: c.count })),
      requestOutcomes: outcomeChart(cells),
    },
    publishedOn: stored.publishedOn,
    violations: [],
  };
  report.violations = validateReport({
    year: facts.year,
    agencyKind: facts.agency.kind,
    cells,
    previousCells,
    sections: printedSections(narrative),
    publishedOn: stored.publishedOn,
    mixedItemsNotPartial: facts.current.requests.mixedItemsNotPartial,
    today: options.today,
  });
  return report;
}

/** The generated draft of the narrative alone (what the editor shows beside the staff text). */
export function generatedDraft(facts: ReportFacts, stored: StoredReport): Narrative {
  const previous = stored.previousPublished?.facts ?? facts.previous;
  return draftNarrative(computeCells(facts.current), facts.current, previous);
}
