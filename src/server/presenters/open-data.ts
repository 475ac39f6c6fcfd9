/**
 * Open data as files (docs/open-data.md): the published versions listed as their open-data records,
 * JSON or CSV, written as they are read — a page of snapshots at a time, so a year of thousands of
 * reports is sent in bounded memory — with a strong ETag from the versions listed (published
 * versions never change: only a new one changes the answer) and a Chinese file name.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenDataFile } from '../../contract/open-data.ts';
import type { Db } from '../../db/connection.ts';
import { type LatestVersionRef, versionSnapshots } from '../../db/queries/open-data.ts';
import type { FormatId } from '../../domain/report/format.ts';
import { formatById } from '../../domain/report/formats/registry.ts';
import {
  CSV_BOM,
  csvCellColumns,
  csvHeaderLine,
  csvRecordLine,
  type OpenDataRecord,
  openDataRecord,
} from '../../domain/report/open-data.ts';
import { thawReport } from '../../domain/report/snapshot.ts';
import { contentDisposition } from './report-file.ts';

const CONTENT_TYPE: Record<OpenDataFile, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};
/** As a year's latest report (report-public.ts): a correction changes the answer. */
const CACHE = 'public, max-age=300';

/** The address the request came to (behind a trusted proxy, its X-Forwarded-Host and -Proto). */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

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

/** What an open-data file lists, and how it is named. */
export interface OpenDataFileSpec {
  file: OpenDataFile;
  refs: readonly LatestVersionRef[];
  /** the formats the CSV's columns are for */
  formats: readonly FormatId[];
  /** the JSON object's keys before `reports`; null: the file is one record (the JSON is the record itself) */
  head: Record<string, unknown> | null;
  name: { fileName: string; ascii: string };
}

/** The body of a list, made as it is read: the CSV's lines, or the JSON object with its records. */
async function* listBody(
  db: Db,
  request: FastifyRequest,
  list: OpenDataFileSpec,
  origin: string,
): AsyncGenerator<string> {
  const columns = csvCellColumns(list.formats);
  const { head } = list;
  if (list.file === 'csv') yield CSV_BOM + csvHeaderLine(columns);
  else if (head)
    yield `${JSON.stringify(head).slice(0, -1)}${Object.keys(head).length > 0 ? ',' : ''}"reports":[`;
  let first = true;
  for await (const { ref, snapshot } of versionSnapshots(db, list.refs)) {
    const record = recordOf(ref, snapshot, origin);
    if (list.file === 'json' && !head) yield `${JSON.stringify(record, null, 2)}\n`;
    else if (list.file === 'csv') {
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
  if (list.file === 'json' && head) yield ']}\n';
}

/** Sends an open-data file (304 when the client has it), written as it is read. */
export function sendOpenData(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  list: OpenDataFileSpec,
): FastifyReply {
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
