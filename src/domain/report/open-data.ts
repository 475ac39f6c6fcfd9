/**
 * Open data (issue 14): a report as one flat record by cell code — what the platform publishes for
 * every published report (`/api/v1/public/reports.json|.csv`, docs/open-data.md) and what
 * `gongkai check` writes for every report it reads — and the CSV of many records. The record's
 * JSON Schema is open-data-schema.ts. Pure: the caller brings the cells, the version and the origin.
 */
import type { FormatId, ReportFormat } from './format.ts';
import { formatById } from './formats/registry.ts';
import type { CellValue } from './types.ts';

/** A cell in open data: a whole number, an exact decimal string (万元), or null (blank, unreadable or not stated). */
export type OpenDataCell = number | string | null;

/** The agency a record is about. */
export interface OpenDataAgency {
  /** the agency's code on the platform (as in its URLs); null for a report read from a file */
  code: string | null;
  /** the agency's name as the report prints it */
  name: string;
  /** its level (省级, 市级, 县级…), when known */
  level?: string | null;
}

/** One report as open data: every cell of its format, in the format's order. */
export interface OpenDataRecord {
  /** the URL of the record's JSON Schema (openDataSchemaUrl) */
  schema: string;
  format: FormatId;
  agency: OpenDataAgency;
  year: number;
  /** the published version's number; null for a report read from a file */
  version: number | null;
  /** YYYY-MM-DD: the day this version went public (a correction's own day); null when not known */
  publishedOn: string | null;
  cells: Record<string, OpenDataCell>;
}

/** Where a format's schema is served, below the site's origin. */
export function openDataSchemaPath(format: FormatId): string {
  return `/api/v1/public/report-schemas/${format}.json`;
}

/** The schema's URL: absolute with the site's origin (`https://gk.example.gov.cn`), else the path. */
export function openDataSchemaUrl(format: FormatId, origin = ''): string {
  return `${origin.replace(/\/+$/, '')}${openDataSchemaPath(format)}`;
}

/** What a record is made of: the cells as the report holds them (a missing code is null). */
export interface OpenDataInput {
  format: ReportFormat;
  agency: OpenDataAgency;
  year: number;
  version: number | null;
  publishedOn: string | null;
  cells: Readonly<Record<string, CellValue | null | undefined>>;
}

/**
 * The open-data record of a report: every cell code of its format in the format's order (a code
 * the format lacks is left out, one it has but the cells lack is null); a 万元 cell as its exact
 * decimal string, every other cell as a whole number (a value that is none is null).
 */
export function openDataRecord(input: OpenDataInput, origin = ''): OpenDataRecord {
  const { format } = input;
  const cells: Record<string, OpenDataCell> = {};
  for (const code of format.cellCodes) {
    const value = input.cells[code];
    if (value === undefined || value === null || value === '') cells[code] = null;
    else if (format.decimalCells.includes(code)) cells[code] = String(value);
    else {
      const number = typeof value === 'number' ? value : Number(value);
      cells[code] = Number.isSafeInteger(number) ? number : null;
    }
  }
  const agency: OpenDataAgency = { code: input.agency.code, name: input.agency.name };
  if (input.agency.level !== undefined) agency.level = input.agency.level;
  return {
    schema: openDataSchemaUrl(format.id, origin),
    format: format.id,
    agency,
    year: input.year,
    version: input.version,
    publishedOn: input.publishedOn,
    cells,
  };
}

/** The columns before the cells, in every CSV. */
export const CSV_LEAD_COLUMNS = [
  'agency_code',
  'agency_name',
  'year',
  'format',
  'version',
  'published_on',
] as const;

/** The byte order mark the CSV starts with, so that Excel reads it as UTF-8 (Chinese names). */
export const CSV_BOM = '\uFEFF';

/** The formats in the order their codes come in a CSV: 2021 first, then the older. */
const CSV_FORMAT_ORDER: readonly FormatId[] = ['2021', '2019'];

/**
 * The cell columns of a CSV holding records of these formats: one format's codes in its order;
 * several: the union, 2021's codes in order, then the codes only the 2019 format has.
 */
export function csvCellColumns(formats: Iterable<FormatId>): string[] {
  const wanted = new Set(formats);
  const codes = new Set<string>();
  for (const id of CSV_FORMAT_ORDER) {
    if (wanted.has(id)) for (const code of formatById(id).cellCodes) codes.add(code);
  }
  return [...codes];
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, ended by CRLF (RFC 4180). */
function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header line: the lead columns, then the cell codes. */
export function csvHeaderLine(cellColumns: readonly string[]): string {
  return csvLine([...CSV_LEAD_COLUMNS, ...cellColumns]);
}

/** A record's line under a header of these cell columns (a code its format lacks is empty). */
export function csvRecordLine(record: OpenDataRecord, cellColumns: readonly string[]): string {
  return csvLine([
    record.agency.code,
    record.agency.name,
    record.year,
    record.format,
    record.version,
    record.publishedOn,
    ...cellColumns.map((code) => record.cells[code]),
  ]);
}

/**
 * A whole CSV (BOM, header, a line per record), for outputs small enough to hold: the columns of
 * `formats` (default the records' own; a file without records and formats has only the lead columns).
 */
export function openDataCsv(records: readonly OpenDataRecord[], formats?: Iterable<FormatId>): string {
  const columns = csvCellColumns(formats ?? records.map((r) => r.format));
  return CSV_BOM + csvHeaderLine(columns) + records.map((r) => csvRecordLine(r, columns)).join('');
}
