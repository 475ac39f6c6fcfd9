/**
 * Reads of the agency's 公开指南 (issue 13): its particulars, its 查阅场所, and its catalogue's columns
 * with their counts and 备注说明 (two grouped counts and one read of the notes).
 */

import type { Kysely } from 'kysely';
import type { AgencyGuide, ReadingPoint } from '../../contract/guide.ts';
import {
  type CatalogueColumn,
  type ColumnScope,
  catalogueColumns,
  columnKey,
} from '../../domain/guide/column-notes.ts';
import { readingPointKindLabel } from '../../domain/guide/reading-points.ts';
import type { Database } from '../schema.ts';

type Reader = Kysely<Database>;

/** The agency's guide settings ('' where not set). */
export async function agencyGuide(db: Reader, agencyId: number): Promise<AgencyGuide> {
  const row = await db
    .selectFrom('agencies')
    .select([
      'office',
      'address',
      'postcode',
      'office_hours',
      'phone',
      'fax',
      'email',
      'accepts_fax',
      'accepts_email',
    ])
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return {
    office: row.office,
    address: row.address,
    postcode: row.postcode,
    officeHours: row.office_hours,
    phone: row.phone,
    fax: row.fax,
    email: row.email,
    acceptsFax: Number(row.accepts_fax) === 1,
    acceptsEmail: Number(row.accepts_email) === 1,
  };
}

/** The agency's 查阅场所 in their order. */
export async function listReadingPoints(db: Reader, agencyId: number): Promise<ReadingPoint[]> {
  const rows = await db
    .selectFrom('reading_points')
    .select(['id', 'name', 'kind', 'address', 'hours', 'phone', 'sort'])
    .where('agency_id', '=', agencyId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, kindLabel: readingPointKindLabel(r.kind) }));
}

/** The agency's column notes by `columnKey(scope, code)`. */
export async function columnNotes(db: Reader, agencyId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('column_notes')
    .select(['scope', 'code', 'note'])
    .where('agency_id', '=', agencyId)
    .execute();
  return new Map(rows.map((r) => [columnKey(r.scope as ColumnScope, r.code), r.note]));
}

/** One column's note, '' when none. */
export async function columnNote(
  db: Reader,
  agencyId: number,
  scope: ColumnScope,
  code: string,
): Promise<string> {
  const row = await db
    .selectFrom('column_notes')
    .select('note')
    .where('agency_id', '=', agencyId)
    .where('scope', '=', scope)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.note ?? '';
}

/** Every column of the agency's catalogue with its published count and note (domain/guide/column-notes.ts). */
export async function listCatalogueColumns(db: Reader, agencyId: number): Promise<CatalogueColumn[]> {
  const published = db
    .selectFrom('items')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published');
  const [byCategory, byColumn, subColumns, notes] = await Promise.all([
    published
      .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('category')
      .execute(),
    published
      .select(['column_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('column_code', 'is not', null)
      .groupBy('column_code')
      .execute(),
    db
      .selectFrom('agency_columns')
      .select(['code', 'name'])
      .where('agency_id', '=', agencyId)
      .orderBy('sort')
      .orderBy('code')
      .execute(),
    columnNotes(db, agencyId),
  ]);
  return catalogueColumns(
    {
      categories: new Map(byCategory.map((r) => [r.category, Number(r.n)])),
      columns: new Map(byColumn.map((r) => [r.column_code ?? '', Number(r.n)])),
    },
    subColumns,
    notes,
  );
}
