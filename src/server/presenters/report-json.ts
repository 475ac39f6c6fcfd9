/**
 * The annual report as JSON: the one shape the API answers and the CLI prints. Its zod schema is
 * the response schema of the API (and so the OpenAPI document); the type is derived from it.
 */
import { z } from 'zod';
import { FORMAT_IDS } from '../../domain/report/format.ts';
import { formatById } from '../../domain/report/formats/registry.ts';
import { narrativeOf, sectionTexts } from '../../domain/report/sections.ts';
import type { AnnualReport, ReportSection } from '../../domain/report/types.ts';

const narrativeSection = z.object({
  heading: z.string().describe('the official heading, e.g. “一、总体情况”'),
  paragraphs: z.array(z.string()).describe('the printed paragraphs, with their “1.主动公开。” lead-ins'),
});

const tableSection = z.object({
  heading: z.string(),
  table: z
    .enum(['t2', 't3', 't4'])
    .describe('the table whose cells (`t2.*`, `t3.*`, `t4.*`) this section prints'),
});

const chartDatum = z.object({ label: z.string(), value: z.number() });

/** The report JSON, as a zod schema (the API's response schema). */
export const reportJsonSchema = z.object({
  format: z
    .enum(FORMAT_IDS)
    .describe(
      'the national format the tables are in: “2019” (国办公开办函〔2019〕60号) or “2021” (〔2021〕30号)',
    ),
  agency: z.string().describe('the agency code'),
  year: z.number().int(),
  agencyName: z.string(),
  publishedOn: z.string().nullable().describe('YYYY-MM-DD, when it was published on the portal'),
  preamble: z.array(z.string()),
  cells: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .describe('cell code → value; whole numbers, except `t2.fees.amount_wan`, an exact decimal string'),
  sections: z.object({
    overview: narrativeSection,
    proactive: tableSection,
    requests: tableSection,
    reviews: tableSection,
    problems: narrativeSection,
    other: narrativeSection,
  }),
  charts: z.object({ publicationsByChannel: z.array(chartDatum), requestOutcomes: z.array(chartDatum) }),
  violations: z.array(
    z.object({
      code: z.string(),
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      cells: z.array(z.string()),
      message: z.string(),
    }),
  ),
});

/** The report JSON (see reportJsonSchema). */
export type ReportJson = z.output<typeof reportJsonSchema>;
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
