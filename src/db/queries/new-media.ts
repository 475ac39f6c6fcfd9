/**
 * The 政务新媒体 registry's reads (docs/new-media.md): an agency's accounts with their postings —
 * the publications rows on each account's channel (index publications_agency_channel, 0035) — and
 * silence on a day, one account with its events, a year's statistics.
 */
import { sql } from 'kysely';
import { eventNameLabel } from '../../domain/events/names.ts';
import {
  ACCOUNT_STATE_LABELS,
  type AccountState,
  FILING_STATUS_LABELS,
  type FilingStatus,
  type NewMediaPlatform,
  PLATFORM_LABELS,
} from '../../domain/new-media/accounts.ts';
import { type Closure, operatingSince } from '../../domain/new-media/periods.ts';
import { SILENCE_LEVEL_LABELS, type SilenceLevel, silence } from '../../domain/new-media/silence.ts';
import { type NewMediaStatistics, newMediaStatistics } from '../../domain/new-media/statistics.ts';
import type { Db } from '../connection.ts';
import { loadActorNames } from './actor-names.ts';
import { closuresOf, closuresOfAccount } from './new-media-closures.ts';

/** An account as the API answers it. */
export interface NewMediaAccount {
  id: number;
  channelCode: string;
  channelName: string;
  platform: NewMediaPlatform;
  platformLabel: string;
  name: string;
  accountId: string;
  hostUnit: string;
  openedOn: string;
  closedOn: string | null;
  cancelledOn: string | null;
  /** every 关停, oldest first: closed from, operating again from (null: still closed) */
  closures: Closure[];
  state: AccountState;
  stateLabel: string;
  filingStatus: FilingStatus;
  filingStatusLabel: string;
  filingNo: string;
  manager: string;
  managerPhone: string;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastPostedOn: string | null;
  postings: number;
  postingsInYear: number;
  silence: { days: number | null; level: SilenceLevel; label: string; daysToVeto: number | null };
}

interface Postings {
  last: string | null;
  total: number;
  inYear: number;
}

function accountRows(db: Db, agencyId: number) {
  return db.kysely
    .selectFrom('new_media_accounts as a')
    .innerJoin('agency_channels as c', (join) =>
      join.onRef('c.agency_id', '=', 'a.agency_id').onRef('c.code', '=', 'a.channel_code'),
    )
    .selectAll('a')
    .select('c.name as channel_name')
    .where('a.agency_id', '=', agencyId);
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof accountRows>['executeTakeFirstOrThrow']>>;

/** Each channel's last posting day, postings in all and in the year. */
async function postingsByChannel(
  db: Db,
  agencyId: number,
  channels: string[],
  year: number,
): Promise<Map<string, Postings>> {
  if (channels.length === 0) return new Map();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await db.kysely
    .selectFrom('publications')
    .select((eb) => [
      'channel',
      eb.fn.max('published_on').as('last'),
      eb.fn.countAll().as('total'),
      sql<number>`sum(case when published_on between ${start} and ${end} then 1 else 0 end)`.as('in_year'),
    ])
    .where('agency_id', '=', agencyId)
    .where('channel', 'in', channels)
    .groupBy('channel')
    .execute();
  return new Map(
    rows.map((r) => [
      r.channel,
      { last: r.last ?? null, total: Number(r.total), inYear: Number(r.in_year ?? 0) },
    ]),
  );
}

function present(
  row: AccountRow,
  postings: Postings | undefined,
  closures: Closure[],
  today: string,
): NewMediaAccount {
  const state = row.state as AccountState;
  const lastPostedOn = postings?.last ?? null;
  const openedOn = operatingSince({ openedOn: row.opened_on, closures }, today);
  const found = silence({ state, openedOn }, lastPostedOn, today);
  const platform = row.platform as NewMediaPlatform;
  const filingStatus = row.filing_status as FilingStatus;
  return {
    id: row.id,
    channelCode: row.channel_code,
    channelName: row.channel_name,
    platform,
    platformLabel: PLATFORM_LABELS[platform] ?? row.platform,
    name: row.name,
    accountId: row.account_id,
    hostUnit: row.host_unit,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    cancelledOn: row.cancelled_on,
    closures,
    state,
    stateLabel: ACCOUNT_STATE_LABELS[state] ?? row.state,
    filingStatus,
    filingStatusLabel: FILING_STATUS_LABELS[filingStatus] ?? row.filing_status,
    filingNo: row.filing_no,
    manager: row.manager,
    managerPhone: row.manager_phone,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastPostedOn,
    postings: postings?.total ?? 0,
    postingsInYear: postings?.inYear ?? 0,
    silence: { ...found, label: SILENCE_LEVEL_LABELS[found.level] },
  };
}

/** The agency's accounts (operating first, then by platform and name), with postings counted for `year` and silence on `today`. */
export async function listAccounts(
  db: Db,
  agencyId: number,
  options: { today: string; year: number },
): Promise<NewMediaAccount[]> {
  const rows = await accountRows(db, agencyId).orderBy('a.id').execute();
  const postings = await postingsByChannel(
    db,
    agencyId,
    rows.map((r) => r.channel_code),
    options.year,
  );
  const closures = await closuresOf(
    db.kysely,
    rows.map((r) => r.id),
  );
  const order: Record<string, number> = { operating: 0, closed: 1, cancelled: 2 };
  return rows
    .map((r) => present(r, postings.get(r.channel_code), closures.get(r.id) ?? [], options.today))
    .sort((a, b) => order[a.state] - order[b.state] || a.id - b.id);
}

/** One of the agency's accounts, or null (another agency's is not found either). */
export async function findAccount(
  db: Db,
  agencyId: number,
  id: number,
  options: { today: string; year: number },
): Promise<NewMediaAccount | null> {
  const row = await accountRows(db, agencyId).where('a.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const postings = await postingsByChannel(db, agencyId, [row.channel_code], options.year);
  const closures = await closuresOfAccount(db.kysely, row.id);
  return present(row, postings.get(row.channel_code), closures, options.today);
}

/** An account's events, oldest first, with who by name. */
export async function accountEvents(db: Db, agencyId: number, id: number) {
  const rows = await db.kysely
    .selectFrom('events')
    .select(['id', 'name', 'actor', 'at', 'data'])
    .where('agency_id', '=', agencyId)
    .where('subject_type', '=', 'new_media_account')
    .where('subject_id', '=', String(id))
    .orderBy('id')
    .execute();
  const names = await loadActorNames(
    db,
    rows.map((r) => r.actor),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    label: eventNameLabel(r.name),
    actor: r.actor,
    actorName: names(r.actor),
    at: r.at,
    data: JSON.parse(r.data) as unknown,
  }));
}

/** The year's 政务新媒体 statistics of the agency (domain/new-media/statistics.ts). */
export async function accountStatistics(db: Db, agencyId: number, year: number): Promise<NewMediaStatistics> {
  const rows = await accountRows(db, agencyId).orderBy('a.id').execute();
  const postings = await postingsByChannel(
    db,
    agencyId,
    rows.map((r) => r.channel_code),
    year,
  );
  const closures = await closuresOf(
    db.kysely,
    rows.map((r) => r.id),
  );
  return newMediaStatistics(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      platform: r.platform as NewMediaPlatform,
      state: r.state as AccountState,
      openedOn: r.opened_on,
      cancelledOn: r.cancelled_on,
      closures: closures.get(r.id) ?? [],
      postingsInYear: postings.get(r.channel_code)?.inYear ?? 0,
    })),
    year,
  );
}
