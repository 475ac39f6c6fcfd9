/**
 * The reads of the 公开事项标准目录 (docs/catalog.md): an agency's columns an entry may map to, its
 * entries (JSON fields parsed), and the days items were published in each mapped column — what
 * the inspection's `catalog.lapsed` checks (domain/catalog/lapse.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { checkable, type DeadlineRule, parseDeadline } from '../../domain/catalog/deadline.ts';
import type { Audience, CatalogEntryFields, Manner } from '../../domain/catalog/entry.ts';
import { checkEntry, type EntryCheck } from '../../domain/catalog/lapse.ts';
import type { ColumnChoice } from '../../domain/catalog/mapping.ts';
import { catalogueColumns, columnKey } from '../../domain/guide/column-notes.ts';
import type { Database } from '../schema.ts';
import type { CatalogEntryTable } from '../schema-oversight.ts';

type Reader = Kysely<Database>;

/** A stored entry: its fields, rule, place and version. */
export interface StoredCatalogEntry extends CatalogEntryFields {
  id: number;
  sort: number;
  rule: DeadlineRule;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Every column of the agency's catalogue an entry may map to (the 第二十条 categories, its sub-columns, 公开制度). */
export async function catalogColumnChoices(db: Reader, agencyId: number): Promise<ColumnChoice[]> {
  const subColumns = await db
    .selectFrom('agency_columns')
    .select(['code', 'name'])
    .where('agency_id', '=', agencyId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return catalogueColumns({ categories: new Map(), columns: new Map() }, subColumns, new Map()).map((c) => ({
    key: columnKey(c.scope, c.code),
    name: c.name,
  }));
}

function parseList<T extends string>(json: string): T[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is T => typeof v === 'string') : [];
}

function parseRule(json: string, deadline: string): DeadlineRule {
  try {
    return JSON.parse(json) as DeadlineRule;
  } catch {
    return parseDeadline(deadline);
  }
}

const ENTRY_COLUMNS = [
  'id',
  'sort',
  'seq',
  'domain',
  'level1',
  'level2',
  'content',
  'basis',
  'deadline',
  'deadline_rule',
  'subject',
  'channels',
  'audience',
  'manner',
  'levels',
  'columns',
  'version',
  'updated_at',
  'updated_by',
] as const;

function entryOf(
  row: Pick<Selectable<CatalogEntryTable>, (typeof ENTRY_COLUMNS)[number]>,
): StoredCatalogEntry {
  return {
    id: row.id,
    sort: Number(row.sort),
    seq: row.seq === null ? null : Number(row.seq),
    domain: row.domain,
    level1: row.level1,
    level2: row.level2,
    content: row.content,
    basis: row.basis,
    deadline: row.deadline,
    rule: parseRule(row.deadline_rule, row.deadline),
    subject: row.subject,
    channels: row.channels,
    audience: parseList<Audience>(row.audience),
    manner: parseList<Manner>(row.manner),
    levels: parseList<string>(row.levels),
    columns: parseList<string>(row.columns),
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The agency's entries in catalogue order (optionally one 领域's). */
export async function listCatalogEntries(
  db: Reader,
  agencyId: number,
  options: { domain?: string } = {},
): Promise<StoredCatalogEntry[]> {
  let query = db.selectFrom('catalog_entries').select(ENTRY_COLUMNS).where('agency_id', '=', agencyId);
  if (options.domain !== undefined) query = query.where('domain', '=', options.domain);
  const rows = await query.orderBy('sort').orderBy('id').execute();
  return rows.map(entryOf);
}

/** One of the agency's entries, or null. */
export async function findCatalogEntry(
  db: Reader,
  agencyId: number,
  id: number,
): Promise<StoredCatalogEntry | null> {
  const row = await db
    .selectFrom('catalog_entries')
    .select(ENTRY_COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? entryOf(row) : null;
}

/**
 * The days items were published in each of the given columns (`category:a20.7`, `column:gkzd`),
 * from `since` to `today`: a column key → its days.
 */
export async function publishedDaysByColumn(
  db: Reader,
  agencyId: number,
  keys: readonly string[],
  since: string,
  today: string,
): Promise<Map<string, string[]>> {
  const categories = keys.filter((k) => k.startsWith('category:')).map((k) => k.slice('category:'.length));
  const columns = keys.filter((k) => k.startsWith('column:')).map((k) => k.slice('column:'.length));
  const days = new Map<string, string[]>();
  if (categories.length === 0 && columns.length === 0) return days;
  const rows = await db
    .selectFrom('items')
    .select(['category', 'column_code', 'published_on'])
    .distinct()
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '>=', since)
    .where('published_on', '<=', today)
    .where((eb) =>
      eb.or([
        ...(categories.length > 0 ? [eb('category', 'in', categories)] : []),
        ...(columns.length > 0 ? [eb('column_code', 'in', columns)] : []),
      ]),
    )
    .execute();
  const add = (key: string, day: string) => {
    const list = days.get(key) ?? [];
    list.push(day);
    days.set(key, list);
  };
  for (const r of rows) {
    if (!r.published_on) continue;
    if (categories.includes(r.category)) add(`category:${r.category}`, r.published_on);
    if (r.column_code && columns.includes(r.column_code)) add(`column:${r.column_code}`, r.published_on);
  }
  return days;
}

/**
 * Each entry's check on `today` (domain/catalog/lapse.ts): the days items were published in its
 * mapped columns since the start of last year (the earliest period a check looks at).
 */
export async function catalogChecks(
  db: Reader,
  agencyId: number,
  entries: readonly StoredCatalogEntry[],
  today: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): Promise<Map<number, EntryCheck>> {
  const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const keys = [...new Set(entries.filter((e) => checkable(e.rule)).flatMap((e) => e.columns))];
  const days = await publishedDaysByColumn(db, agencyId, keys, since, today);
  return new Map(
    entries.map((e) => [
      e.id,
      checkEntry(
        e.rule,
        e.columns.flatMap((c) => days.get(c) ?? []),
        e.columns.length > 0,
        today,
        calendar,
      ),
    ]),
  );
}
