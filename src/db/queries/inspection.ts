/**
 * The reads of the self-inspection (网站自查, issue 15, docs/inspection.md): one agency's inputs as
 * of a day (domain/inspection/inspect.ts: items published on or before it), its columns with their
 * classes, and the stored results (a day's, the latest day's, an indicator's history).
 */
import type { Kysely } from 'kysely';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { entryTitle } from '../../domain/catalog/entry.ts';
import { catalogueColumns } from '../../domain/guide/column-notes.ts';
import {
  type ColumnClass,
  type ColumnClassSetting,
  defaultColumnClass,
  isColumnClass,
} from '../../domain/inspection/column-classes.ts';
import { INDICATOR_CODES, type IndicatorState } from '../../domain/inspection/indicators.ts';
import {
  type IndicatorResult,
  type InspectedAccount,
  type InspectedCatalogEntry,
  type InspectedColumn,
  type InspectionDetails,
  type InspectionInput,
  inspect,
} from '../../domain/inspection/inspect.ts';
import { type NewMediaPlatform, PLATFORM_LABELS } from '../../domain/new-media/accounts.ts';
import type { Database } from '../schema.ts';
import { catalogChecks, listCatalogEntries } from './catalog.ts';
import { columnNotes } from './guide.ts';
import { deadLinksOf, latestLinkCheck } from './links.ts';

type Reader = Kysely<Database>;

/** The class settings of an agency's columns by `scope:code`. */
async function classSettings(db: Reader, agencyId: number): Promise<Map<string, ColumnClassSetting>> {
  const rows = await db
    .selectFrom('column_settings')
    .select(['scope', 'code', 'column_class', 'frequency_days'])
    .where('agency_id', '=', agencyId)
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.scope}:${r.code}`,
      {
        columnClass: (isColumnClass(r.column_class) ? r.column_class : 'other') as ColumnClass,
        frequencyDays: r.frequency_days === null ? null : Number(r.frequency_days),
      },
    ]),
  );
}

/** Every column of the catalogue with its class, frequency, published count and last date as of `today`. */
export async function inspectedColumns(
  db: Reader,
  agencyId: number,
  today: string,
): Promise<InspectedColumn[]> {
  const published = db
    .selectFrom('items')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '<=', today);
  const [byCategory, byColumn, subColumns, notes, settings] = await Promise.all([
    published
      .select([
        'category',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.max('published_on').as('last'),
      ])
      .groupBy('category')
      .execute(),
    published
      .select([
        'column_code',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.max('published_on').as('last'),
      ])
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
    classSettings(db, agencyId),
  ]);
  const last = new Map<string, string | null>([
    ...byCategory.map((r) => [`category:${r.category}`, r.last] as const),
    ...byColumn.map((r) => [`column:${r.column_code}`, r.last] as const),
  ]);
  const columns = catalogueColumns(
    {
      categories: new Map(byCategory.map((r) => [r.category, Number(r.n)])),
      columns: new Map(byColumn.map((r) => [r.column_code ?? '', Number(r.n)])),
    },
    subColumns,
    notes,
  );
  return columns.map((c) => {
    const key = `${c.scope}:${c.code}`;
    const setting = settings.get(key) ?? defaultColumnClass(c.scope, c.code);
    return {
      scope: c.scope,
      code: c.code,
      name: c.name,
      columnClass: setting.columnClass,
      frequencyDays: setting.frequencyDays,
      count: c.count,
      lastPublishedOn: last.get(key) ?? null,
      note: c.note,
    };
  });
}

/**
 * The agency's 政务新媒体 accounts operating on `today` — opened by then, not cancelled on or before
 * it, not inside a closed spell then (new_media_closures, domain/new-media/periods.ts) — each with its
 * last posting on or before it (its channel's publications rows) and the start of its operating
 * stretch (its opening, or its last reopening by then: silence counts from there at the earliest).
 */
async function inspectedAccounts(db: Reader, agencyId: number, today: string): Promise<InspectedAccount[]> {
  const rows = await db
    .selectFrom('new_media_accounts as a')
    .leftJoin('publications as p', (join) =>
      join
        .onRef('p.agency_id', '=', 'a.agency_id')
        .onRef('p.channel', '=', 'a.channel_code')
        .on('p.published_on', '<=', today),
    )
    .select((eb) => [
      'a.id',
      'a.name',
      'a.platform',
      'a.opened_on',
      eb.fn.max('p.published_on').as('last'),
      eb
        .selectFrom('new_media_closures as z')
        .select((z) => z.fn.max('z.reopened_on').as('reopened'))
        .whereRef('z.account_id', '=', 'a.id')
        .where('z.reopened_on', '<=', today)
        .as('reopened'),
    ])
    .where('a.agency_id', '=', agencyId)
    .where('a.opened_on', '<=', today)
    .where((eb) => eb.or([eb('a.cancelled_on', 'is', null), eb('a.cancelled_on', '>', today)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('new_media_closures as z')
            .select('z.id')
            .whereRef('z.account_id', '=', 'a.id')
            .where('z.closed_on', '<=', today)
            .where((c) => c.or([c('z.reopened_on', 'is', null), c('z.reopened_on', '>', today)])),
        ),
      ),
    )
    .groupBy(['a.id', 'a.name', 'a.platform', 'a.opened_on'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    platformLabel: PLATFORM_LABELS[r.platform as NewMediaPlatform] ?? r.platform,
    openedOn: r.reopened && r.reopened > r.opened_on ? r.reopened : r.opened_on,
    lastPostedOn: r.last ?? null,
  }));
}

/** The agency's 标准目录 entries with their checks on `today` (the `catalog.lapsed` indicator). */
async function inspectedCatalog(
  db: Reader,
  agencyId: number,
  today: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): Promise<InspectedCatalogEntry[]> {
  const entries = await listCatalogEntries(db, agencyId);
  const checks = await catalogChecks(db, agencyId, entries, today, calendar);
  return entries.flatMap((e) => {
    const check = checks.get(e.id);
    return check ? [{ id: e.id, title: entryTitle(e), deadline: e.deadline, check }] : [];
  });
}

/** One agency's inspection inputs as of `today` (working days, for the 标准目录's deadlines, on `calendar`). */
export async function inspectionInput(
  db: Reader,
  agencyId: number,
  today: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): Promise<InspectionInput> {
  const published = db
    .selectFrom('items')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '<=', today);
  const [columns, newest, policyRows, interpretationRows, accounts, linkCheck, catalog] = await Promise.all([
    inspectedColumns(db, agencyId, today),
    published.select((eb) => eb.fn.max('published_on').as('last')).executeTakeFirst(),
    published
      .select(['id', 'title', 'published_on', 'validity'])
      .where('is_policy_document', '=', 1)
      .orderBy('published_on')
      .orderBy('id')
      .execute(),
    published
      .select(['id', 'title', 'interprets_item_id'])
      .where('is_interpretation', '=', 1)
      .orderBy('id')
      .execute(),
    inspectedAccounts(db, agencyId, today),
    latestLinkCheck(db, agencyId, today),
    inspectedCatalog(db, agencyId, today, calendar),
  ]);
  const publishedPolicies = new Set(policyRows.map((p) => p.id));
  const interpretationsOf = new Map<number, number>();
  for (const i of interpretationRows)
    if (i.interprets_item_id !== null)
      interpretationsOf.set(i.interprets_item_id, (interpretationsOf.get(i.interprets_item_id) ?? 0) + 1);
  const byYear = new Map<number, { year: number; policies: number; interpreted: number }>();
  for (const p of policyRows) {
    const year = Number((p.published_on ?? today).slice(0, 4));
    const entry = byYear.get(year) ?? { year, policies: 0, interpreted: 0 };
    entry.policies += 1;
    if (interpretationsOf.has(p.id)) entry.interpreted += 1;
    byYear.set(year, entry);
  }
  const links = linkCheck
    ? { checkedOn: linkCheck.day, dead: await deadLinksOf(db, agencyId, linkCheck.day) }
    : null;
  return {
    today,
    columns,
    lastPublishedOn: newest?.last ?? null,
    links,
    policies: policyRows
      .filter((p) => p.validity === 'valid')
      .map((p) => ({
        id: p.id,
        title: p.title,
        publishedOn: p.published_on ?? today,
        interpretations: interpretationsOf.get(p.id) ?? 0,
      })),
    policiesByYear: [...byYear.values()].sort((a, b) => a.year - b.year),
    interpretations: interpretationRows.map((i) => ({
      id: i.id,
      title: i.title,
      policyId: i.interprets_item_id,
      policyPublished: i.interprets_item_id !== null && publishedPolicies.has(i.interprets_item_id),
    })),
    accounts,
    catalog,
  };
}

/** A stored result row as the domain's IndicatorResult (veto from the indicator's definition). */
export interface StoredResult extends Omit<IndicatorResult, 'veto'> {
  day: string;
  runAt: string;
}

function storedOf(row: {
  day: string;
  indicator: string;
  value: number | null;
  threshold: number;
  state: string;
  details: string;
  run_at: string;
}): StoredResult {
  return {
    day: row.day,
    indicator: row.indicator as StoredResult['indicator'],
    value: row.value === null ? null : Number(row.value),
    threshold: Number(row.threshold),
    state: row.state as IndicatorState,
    details: JSON.parse(row.details) as InspectionDetails,
    runAt: row.run_at,
  };
}

const COLUMNS = ['day', 'indicator', 'value', 'threshold', 'state', 'details', 'run_at'] as const;

/** The results stored for a day (none: an empty list). */
export async function storedResults(db: Reader, agencyId: number, day: string): Promise<StoredResult[]> {
  const rows = await db
    .selectFrom('inspection_results')
    .select(COLUMNS)
    .where('agency_id', '=', agencyId)
    .where('day', '=', day)
    .execute();
  // in the indicators' order (INDICATOR_CODES), as computed
  const order = (code: string) => (INDICATOR_CODES as readonly string[]).indexOf(code);
  return rows.map(storedOf).sort((a, b) => order(a.indicator) - order(b.indicator));
}

/** The latest day with stored results on or before `day`, or null. */
export async function latestInspectionDay(db: Reader, agencyId: number, day: string): Promise<string | null> {
  const row = await db
    .selectFrom('inspection_results')
    .select((eb) => eb.fn.max('day').as('day'))
    .where('agency_id', '=', agencyId)
    .where('day', '<=', day)
    .executeTakeFirst();
  return row?.day ?? null;
}

/** An indicator's stored history, oldest first (every indicator when none is named), the last `days` days up to `until`. */
export async function inspectionHistory(
  db: Reader,
  agencyId: number,
  options: { indicator?: string; since: string; until: string },
): Promise<Array<Omit<StoredResult, 'details'>>> {
  let query = db
    .selectFrom('inspection_results')
    .select(['day', 'indicator', 'value', 'threshold', 'state', 'run_at'])
    .where('agency_id', '=', agencyId)
    .where('day', '>=', options.since)
    .where('day', '<=', options.until);
  if (options.indicator) query = query.where('indicator', '=', options.indicator);
  const rows = await query.orderBy('day').orderBy('indicator').execute();
  return rows.map((r) => {
    const { details: _, ...rest } = storedOf({ ...r, details: '{}' });
    return rest;
  });
}

/**
 * The day's results: stored ones when the day ran, else computed now from the data as of that day
 * (not stored: a read writes nothing).
 */
export async function readInspection(
  db: Reader,
  agencyId: number,
  day: string,
  calendar: Pick<WorkCalendar, 'addWorkingDays'>,
): Promise<{
  day: string;
  stored: boolean;
  runAt: string | null;
  results: Array<Omit<IndicatorResult, 'veto'>>;
}> {
  const stored = await storedResults(db, agencyId, day);
  if (stored.length > 0) return { day, stored: true, runAt: stored[0]?.runAt ?? null, results: stored };
  return {
    day,
    stored: false,
    runAt: null,
    results: inspect(await inspectionInput(db, agencyId, day, calendar)),
  };
}
