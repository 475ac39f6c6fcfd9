/**
 * Open data (issue 14, docs/open-data.md): every published report as one record by cell code, in
 * JSON and CSV — a year's reports of every agency, every year of one agency, one agency-year — and
 * each format's JSON Schema. Public, no sign-in, the latest published version only. The lists are
 * sent as they are read, a page of snapshots at a time (bounded memory), with an ETag from the
 * versions listed (published versions never change: only a new one changes the answer).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/connection.ts';
import { type LatestVersionRef, latestVersions, versionSnapshots } from '../../../db/queries/open-data.ts';
import { type FormatId, formatIdForYear } from '../../../domain/report/format.ts';
import { formatById } from '../../../domain/report/formats/registry.ts';
import {
  CSV_BOM,
  csvCellColumns,
  csvHeaderLine,
  csvRecordLine,
  type OpenDataRecord,
  openDataRecord,
  openDataSchemaUrl,
} from '../../../domain/report/open-data.ts';
import { openDataSchema } from '../../../domain/report/open-data-schema.ts';
import { thawReport } from '../../../domain/report/snapshot.ts';
import { agencyOf } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { contentDisposition } from '../../presenters/report-file.ts';
import { errorBody } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import {
  jsonSchemaDocument,
  type OpenDataFile,
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
const CONTENT_TYPE: Record<OpenDataFile, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};
/** As a year's latest report (report-public.ts): a correction changes the answer. */
const CACHE = 'public, max-age=300';

/** The address the request came to (behind a trusted proxy, its X-Forwarded-Host and -Proto). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The open-data record of a published version. */
function recordOf(ref: LatestVersionRef, snapshot: string, origin: string): OpenDataRecord {
  const { report } = thawReport(snapshot);
  return openDataRecord(
    {
      format: formatById(report.format),
      agency: { code: ref.agencyCode, name: report.agency.name },
      year: ref.year,
      version: ref.version,
      publishedOn: ref.publishedOn,
      cells: report.cells,
    },
    origin,
  );
}

/** A strong ETag of what a list answers: the versions listed, the file and the schema's origin. */
function etagOf(refs: readonly LatestVersionRef[], file: OpenDataFile, origin: string): string {
  const ids = refs.map((r) => r.id).join(',');
  return `"${createHash('sha256').update(`open-data:1|${file}|${origin}|${ids}`).digest('hex').slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (or is `*`). */
function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'] ?? '';
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === etag || t === '*');
}

interface ListFile {
  file: OpenDataFile;
  refs: readonly LatestVersionRef[];
  /** the formats the CSV's columns are for */
  formats: readonly FormatId[];
  /** the JSON before the records (without the `reports` key) */
  head: Record<string, unknown>;
  name: { fileName: string; ascii: string };
}

/** The body of a list, made as it is read: the CSV's lines, or the JSON object with its records. */
async function* listBody(
  db: Db,
  request: FastifyRequest,
  list: ListFile,
  origin: string,
): AsyncGenerator<string> {
  const columns = csvCellColumns(list.formats);
  if (list.file === 'csv') yield CSV_BOM + csvHeaderLine(columns);
  else
    yield `${JSON.stringify(list.head).slice(0, -1)}${Object.keys(list.head).length > 0 ? ',' : ''}"reports":[`;
  let first = true;
  for await (const { ref, snapshot } of versionSnapshots(db, list.refs)) {
    const record = recordOf(ref, snapshot, origin);
    if (list.file === 'csv') {
      if (!list.formats.includes(record.format))
        request.log.warn(
          { version: ref.id, format: record.format },
          'open data: a version outside the CSV formats',
        );
      yield csvRecordLine(record, columns);
    } else {
      yield `${first ? '' : ','}${JSON.stringify(record)}`;
      first = false;
    }
  }
  if (list.file === 'json') yield ']}\n';
}

/** Sends a list (304 when the client has it), streamed. */
function sendList(db: Db, request: FastifyRequest, reply: FastifyReply, list: ListFile): FastifyReply {
  const origin = originOf(request);
  const etag = etagOf(list.refs, list.file, origin);
  reply.header('etag', etag).header('cache-control', CACHE);
  if (notModified(request, etag)) return reply.code(304).send();
  const fileName = `${list.name.fileName}.${list.file}`;
  return reply
    .type(CONTENT_TYPE[list.file])
    .header('content-disposition', contentDisposition(fileName, `${list.name.ascii}.${list.file}`))
    .send(Readable.from(listBody(db, request, list, origin)));
}

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
      return sendList(db, request, reply, {
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
      return sendList(db, request, reply, {
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
    async (request, typed) => {
      const reply: FastifyReply = typed; // the body is written here, not serialized by the schema
      const { year, file } = request.params;
      const agency = agencyOf(request);
      const refs = (await latestVersions(db, { agencyId: agency.id })).filter((r) => r.year === year);
      if (refs.length === 0) throw new AppError('not_found', `${year} 年度报告尚未发布。`);
      const origin = originOf(request);
      const etag = etagOf(refs, file, origin);
      reply.header('etag', etag).header('cache-control', CACHE);
      if (notModified(request, etag)) return reply.code(304).send();
      const name = `${agency.name}${year}年政府信息公开工作年度报告开放数据.${file}`;
      reply
        .type(CONTENT_TYPE[file])
        .header('content-disposition', contentDisposition(name, `${agency.code}-${year}-open-data.${file}`));
      const records: OpenDataRecord[] = [];
      for await (const { ref, snapshot } of versionSnapshots(db, refs))
        records.push(recordOf(ref, snapshot, origin));
      const record = records[0];
      if (file === 'json') return reply.send(`${JSON.stringify(record, null, 2)}\n`);
      const columns = csvCellColumns([record.format]);
      return reply.send(CSV_BOM + csvHeaderLine(columns) + csvRecordLine(record, columns));
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
