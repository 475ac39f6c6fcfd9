/**
 * The report routes' schemas: the API contract's (src/contract/reports.ts), and the two that carry
 * the whole report JSON (its schema is the report presenter's).
 */
import { z } from 'zod';
import { staffVersionSummary, versionSummary } from '../../contract/reports.ts';
import { reportJsonSchema } from '../presenters/report-json.ts';

export * from '../../contract/reports.ts';

export const versionSchema = staffVersionSummary.extend({
  year: z.number().int(),
  report: reportJsonSchema.describe('the report as frozen when this version was published'),
});

export const publicYearSchema = z.object({
  agency: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  publishedOn: z.string(),
  reason: z.string().nullable(),
  report: reportJsonSchema,
  versions: z.array(versionSummary),
});
