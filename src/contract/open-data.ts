/**
 * Open data of the published annual reports (docs/open-data.md): the query, the record (its JSON
 * Schema per format is served at /api/v1/public/report-schemas/:format.json) and the lists.
 */
import { z } from 'zod';
import { FORMAT_IDS } from '../domain/report/format.ts';
import { agencyCode, reportYear } from './common.ts';

const YEAR_MESSAGE = '年度应为四位数字，如 ?year=2021';

/** `?year=2021`: the year every agency's latest published report is listed for. */
export const openDataYearQuery = z.object({
  year: z
    .string({ error: `请指定年度：${YEAR_MESSAGE}` })
    .regex(/^\d{4}$/, { error: YEAR_MESSAGE })
    .transform(Number)
    .describe('report year, four digits, e.g. 2021'),
});

/** The two files open data comes in. */
export const OPEN_DATA_FILES = ['json', 'csv'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];
const file = z.enum(OPEN_DATA_FILES, { error: '开放数据的格式应为 json 或 csv' }).describe('json or csv');

/** `/api/v1/public/reports.:file` */
export const openDataBulkParams = z.object({ file });
/** `/api/v1/public/agencies/:code/reports.:file` */
export const openDataAgencyParams = z.object({ code: agencyCode, file });
/** `/api/v1/public/agencies/:code/reports/:year/open-data.:file` */
export const openDataYearParams = z.object({ code: agencyCode, year: reportYear, file });
/** `/api/v1/public/report-schemas/:format.json` */
export const openDataSchemaParams = z.object({
  format: z
    .enum(FORMAT_IDS, { error: '报告格式应为 2021 或 2019' })
    .describe('the report format: 2021 or 2019'),
});

/** One report as open data (its JSON Schema per format says more, cell by cell). */
export const openDataRecordSchema = z.object({
  schema: z.string().describe('the URL of the JSON Schema of the record’s format'),
  format: z.enum(FORMAT_IDS),
  agency: z.object({
    code: z.string().nullable().describe('the agency’s code on the platform'),
    name: z.string().describe('the agency’s name as the report prints it'),
    level: z.string().nullable().optional(),
  }),
  year: z.number().int(),
  version: z.number().int().nullable().describe('the published version (corrections count up)'),
  publishedOn: z.string().nullable().describe('YYYY-MM-DD, the day this version went public'),
  cells: z
    .record(z.string(), z.union([z.number().int(), z.string(), z.null()]))
    .describe('every cell code of the format, in its order: whole numbers; 万元 as a decimal string'),
});

/** Every agency's latest published report of a year. */
export const openDataYearList = z.object({
  year: z.number().int(),
  format: z.enum(FORMAT_IDS).describe('the format reports on this year are written in'),
  schema: z.string().describe('the URL of that format’s JSON Schema'),
  reports: z.array(openDataRecordSchema).describe('by agency code'),
});

/** Every year of one agency, the latest published version of each. */
export const openDataAgencyList = z.object({
  agency: z.object({ code: z.string(), name: z.string() }),
  reports: z.array(openDataRecordSchema).describe('oldest year first'),
});

/** A format's JSON Schema (draft 2020-12), as served. */
export const jsonSchemaDocument = z
  .record(z.string(), z.unknown())
  .describe('a JSON Schema (draft 2020-12) whose $id carries the format id');
