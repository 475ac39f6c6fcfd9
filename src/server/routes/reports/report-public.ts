/**
 * The public's annual reports (no sign-in): published versions only — the list of years with
 * their versions (days and correction reasons), a year's latest version, and any version's
 * files. Drafts are never shown here.
 */
import { findVersion, listVersions } from '../../../db/queries/report-versions.ts';
import { agencyOf } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { reportJson } from '../../presenters/report-json.ts';
import { frozenReport, publicVersionJson, sendVersionFile } from '../../presenters/version-json.ts';
import { errorBody, reportParams } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  latestFileParams,
  publicAgencyParams,
  publicListSchema,
  publicYearSchema,
  versionFileParams,
} from './report-schemas.ts';

const TAGS = ['public'];
const BASE = '/api/v1/public/agencies/:code/reports';

export const reportPublicRoutes: RouteModule = async (app, { db, pdfLimiter, clock }) => {
  const notPublished = (year: number) => new AppError('not_found', `${year} 年度报告尚未发布。`);

  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: "An agency's published annual reports: each year with its versions",
        params: publicAgencyParams,
        response: { 200: publicListSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const agency = agencyOf(request);
      const years = new Map<number, ReturnType<typeof publicVersionJson>[]>();
      for (const v of await listVersions(db, agency.id)) {
        years.set(v.year, [...(years.get(v.year) ?? []), publicVersionJson(v)]);
      }
      const reports = [...years]
        .map(([year, versions]) => ({ year, versions }))
        .sort((a, b) => b.year - a.year);
      return { agency: agency.code, agencyName: agency.name, reports };
    },
  );

  app.get(
    `${BASE}/:year`,
    {
      schema: {
        tags: TAGS,
        summary: "A year's latest published version and the list of its versions",
        params: reportParams,
        response: { 200: publicYearSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { year } = request.params;
      const agency = agencyOf(request);
      const latest = await findVersion(db, agency.id, year);
      if (!latest) throw notPublished(year);
      const versions = (await listVersions(db, agency.id, year)).map(publicVersionJson);
      return {
        agency: agency.code,
        year,
        ...publicVersionJson(latest),
        report: reportJson(frozenReport(latest)),
        versions,
      };
    },
  );

  app.get(
    `${BASE}/:year.:format`,
    {
      schema: {
        tags: TAGS,
        summary: "A year's latest published version as a file (HTML, DOCX, PDF or JSON)",
        params: latestFileParams,
      },
    },
    async (request, reply) => {
      const { year, format } = request.params;
      const agency = agencyOf(request);
      const row = await findVersion(db, agency.id, year);
      if (!row) throw notPublished(year);
      return sendVersionFile(reply, row, format, { db, pdfLimiter, clock, log: request.log }, 'latest');
    },
  );

  app.get(
    `${BASE}/:year/versions/:version.:format`,
    {
      schema: {
        tags: TAGS,
        summary: 'A published version as a file (HTML, DOCX, PDF or JSON), the same bytes every time',
        params: versionFileParams,
      },
    },
    async (request, reply) => {
      const { year, version, format } = request.params;
      const agency = agencyOf(request);
      const row = await findVersion(db, agency.id, year, version);
      if (!row) throw notPublished(year);
      return sendVersionFile(reply, row, format, { db, pdfLimiter, clock, log: request.log }, 'numbered');
    },
  );
};
