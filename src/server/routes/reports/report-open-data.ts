/**
 * Open data (issue 14, docs/open-data.md): every published report as one record by cell code, in
 * JSON and CSV — a year's reports of every agency, every year of one agency, one agency-year — and
 * each format's JSON Schema. Public, no sign-in, the latest published version only; the files are
 * written by presenters/open-data.ts.
 */
import type { FastifyReply } from 'fastify';
import { latestVersions } from '../../../db/queries/open-data.ts';
import { formatIdForYear } from '../../../domain/report/format.ts';
import { openDataSchemaUrl } from '../../../domain/report/open-data.ts';
import { openDataSchema } from '../../../domain/report/open-data-schema.ts';
import { agencyOf } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { originOf, sendOpenData } from '../../presenters/open-data.ts';
import { errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  jsonSchemaDocument,
  openDataAgencyList,
  openDataAgencyParams,
  openDataBulkParams,
  openDataRecordSchema,
  openDataSchemaParams,
  openDataYearList,
  openDataYearParams,
  openDataYearQuery,
} from './open-data-schemas.ts';

const TAGS = ['public', 'open data'];

export const reportOpenDataRoutes: RouteModule = async (app, { db }) => {
  app.get(
    '/api/v1/public/reports.:file',
    {
      schema: {
        tags: TAGS,
        summary: "Every agency's latest published report of a year as open data (JSON or CSV by cell code)",
        params: openDataBulkParams,
        querystring: openDataYearQuery,
        response: { 200: openDataYearList, 400: errorBody },
      },
    },
    async (request, reply) => {
      const { year } = request.query;
      const format = formatIdForYear(year);
      const refs = await latestVersions(db, { year });
      return sendOpenData(db, request, reply, {
        file: request.params.file,
        refs,
        formats: [format],
        head: { year, format, schema: openDataSchemaUrl(format, originOf(request)) },
        name: {
          fileName: `政府信息公开工作年度报告开放数据（${year}年度）`,
          ascii: `annual-reports-${year}`,
        },
      });
    },
  );

  app.get(
    '/api/v1/public/agencies/:code/reports.:file',
    {
      schema: {
        tags: TAGS,
        summary: "Every year of an agency's published reports (the latest version of each) as open data",
        params: openDataAgencyParams,
        response: { 200: openDataAgencyList, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const agency = agencyOf(request);
      const refs = await latestVersions(db, { agencyId: agency.id });
      return sendOpenData(db, request, reply, {
        file: request.params.file,
        refs,
        formats: [...new Set(refs.map((r) => formatIdForYear(r.year)))],
        head: { agency: { code: agency.code, name: agency.name } },
        name: {
          fileName: `${agency.name}政府信息公开工作年度报告开放数据`,
          ascii: `${agency.code}-annual-reports`,
        },
      });
    },
  );

  app.get(
    '/api/v1/public/agencies/:code/reports/:year/open-data.:file',
    {
      schema: {
        tags: TAGS,
        summary: "An agency-year's latest published report as one open-data record (JSON) or a one-line CSV",
        params: openDataYearParams,
        response: { 200: openDataRecordSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { year, file } = request.params;
      const agency = agencyOf(request);
      const refs = (await latestVersions(db, { agencyId: agency.id })).filter((r) => r.year === year);
      if (refs.length === 0) throw new AppError('not_found', `${year} 年度报告尚未发布。`);
      return sendOpenData(db, request, reply, {
        file,
        refs,
        formats: [formatIdForYear(year)],
        head: null,
        name: {
          fileName: `${agency.name}${year}年政府信息公开工作年度报告开放数据`,
          ascii: `${agency.code}-${year}-open-data`,
        },
      });
    },
  );

  app.get(
    '/api/v1/public/report-schemas/:format.json',
    {
      schema: {
        tags: TAGS,
        summary: "The JSON Schema (draft 2020-12) of a format's open-data record",
        params: openDataSchemaParams,
        response: { 200: jsonSchemaDocument, 400: errorBody },
      },
    },
    async (request, typed) => {
      const reply: FastifyReply = typed;
      const schema = openDataSchema(request.params.format, originOf(request));
      return reply
        .type('application/schema+json; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(`${JSON.stringify(schema, null, 2)}\n`);
    },
  );
};
