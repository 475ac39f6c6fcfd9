/**
 * The annual report as JSON: the one shape the API answers and the CLI prints. Its zod schema
 * (the API's response schema, and so the OpenAPI document) is the contract's reportJsonSchema.
 */
import type { ReportJson } from '../../contract/reports.ts';
import { formatById } from '../../domain/report/formats/registry.ts';
import { narrativeOf, sectionTexts } from '../../domain/report/sections.ts';
import type { AnnualReport, ReportSection } from '../../domain/report/types.ts';

export type { ReportJson } from '../../contract/reports.ts';

type Sections = ReportJson['sections'];
type NarrativeKey = 'overview' | 'problems' | 'other';
type TableKey = 'proactive' | 'requests' | 'reviews';

const TABLE_OF_SECTION: Record<TableKey, 't2' | 't3' | 't4'> = {
  proactive: 't2',
  requests: 't3',
  reviews: 't4',
};

const isTableKey = (key: ReportSection['key']): key is TableKey => key in TABLE_OF_SECTION;

function sectionsOf(report: AnnualReport): Sections {
  const entries = formatById(report.format).sections.map((section) => {
    if (isTableKey(section.key))
      return [section.key, { heading: section.heading, table: TABLE_OF_SECTION[section.key] }];
    const paragraphs = sectionTexts(narrativeOf(report.narrative, section.key as NarrativeKey) ?? []);
    return [section.key, { heading: section.heading, paragraphs }];
  });
  // The six keys of the format's sections, in order: exactly the keys of Sections.
  return Object.fromEntries(entries) as Sections;
}

/**
 * The report as JSON: `{ format, agency, year, agencyName, publishedOn, preamble, cells, sections, charts,
 * violations }`, `sections` keyed by the six section keys of the format in order. Used by the API and the CLI.
 */
export function reportJson(report: AnnualReport): ReportJson {
  return {
    format: report.format,
    agency: report.agency.code,
    year: report.year,
    agencyName: report.agency.name,
    publishedOn: report.publishedOn,
    preamble: [...report.preamble],
    cells: { ...report.cells },
    sections: sectionsOf(report),
    charts: {
      publicationsByChannel: report.charts.publicationsByChannel.map((d) => ({ ...d })),
      requestOutcomes: report.charts.requestOutcomes.map((d) => ({ ...d })),
    },
    violations: report.violations.map((v) => ({ ...v, cells: [...v.cells] })),
  };
}
