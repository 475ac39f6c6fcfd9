/**
 * The statements of registering requests (commands/requests/register-request.ts): the agency with
 * its next registration numbers, and the new rows with tracking codes no request holds yet. Each
 * works for one registration or a batch of them (the online submissions that arrive together,
 * commands/requests/registration-batcher.ts), so a batch costs the statements of one.
 */
import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Insertable, Kysely, QueryCreator } from 'kysely';
import { TRACKING_CODE_BYTES, trackingCodeFrom } from '../../domain/requests/identifiers.ts';
import { AppError } from '../../errors.ts';
import type { Dialect } from '../connection.ts';
import type { Database } from '../schema.ts';
import type { RequestTable } from '../schema-requests.ts';

/** The agency's columns a registration and its receipt letter need. */
const AGENCY_COLUMNS = [
  'id',
  'short_name',
  'request_prefix',
  'name',
  'office',
  'address',
  'postcode',
  'phone',
] as const;

/**
 * The agency with what its receipt letter needs (its own template of the kind, if it has one), and
 * its registration counter of the year counted up by `count` (registration_counters): the numbers
 * `lastSeq - count + 1 … lastSeq` are the caller's, in its transaction. On PostgreSQL the count and
 * the read are one statement (the counter's upsert in a WITH), one round trip fewer (issue 12);
 * SQLite, in process, runs them one after the other. None when the agency does not exist (and
 * nothing is counted).
 */
export async function agencyWithNextNumbers(
  trx: Kysely<Database>,
  dialect: Dialect,
  agencyId: number,
  year: number,
  letterKind: 'receipt' | 'correction_receipt',
  count: number,
) {
  const countUp = (db: QueryCreator<Database>) =>
    db
      .insertInto('registration_counters')
      .columns(['agency_id', 'year', 'last_seq'])
      .expression((eb) =>
        eb
          .selectFrom('agencies')
          .select((eb) => [
            'id',
            eb.cast<number>(eb.val(year), 'integer').as('year'),
            eb.cast<number>(eb.val(count), 'integer').as('last_seq'),
          ])
          .where('id', '=', agencyId),
      )
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet((eb) => ({ last_seq: eb('registration_counters.last_seq', '+', count) })),
      )
      .returning('last_seq');
  const ownTemplate = (eb: ExpressionBuilder<Database, 'agencies'>) =>
    eb
      .selectFrom('letter_templates')
      .select('template')
      .whereRef('letter_templates.agency_id', '=', 'agencies.id')
      .where('letter_templates.kind', '=', letterKind)
      .as('own_template');
  if (dialect === 'postgres') {
    const row = await trx
      .with('counter', countUp)
      .selectFrom('agencies')
      .select((eb) => [
        ...AGENCY_COLUMNS,
        ownTemplate(eb),
        eb.selectFrom('counter').select('last_seq').as('last_seq'),
      ])
      .where('id', '=', agencyId)
      .executeTakeFirst();
    if (!row || row.last_seq === null) return undefined;
    const { last_seq, ...agency } = row;
    return { ...agency, lastSeq: Number(last_seq) };
  }
  const agency = await trx
    .selectFrom('agencies')
    .select((eb) => [...AGENCY_COLUMNS, ownTemplate(eb)])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) return undefined;
  const counter = await countUp(trx).executeTakeFirstOrThrow();
  return { ...agency, lastSeq: Number(counter.last_seq) };
}

/** A new request's row, all but its tracking code. */
export type NewRequestRow = Omit<Insertable<RequestTable>, 'tracking_code'>;

/** How many times a row's tracking code is drawn again before the registration gives up. */
const TRACKING_CODE_ATTEMPTS = 5;

/**
 * Inserts new requests, each with a tracking code no request holds yet, and answers their ids and
 * codes in the rows' order. 60 random bits make a collision unlikely but not impossible (the column
 * is unique): the INSERT skips a code already taken (`on conflict (tracking_code) do nothing`, so
 * no row comes back for it) and a new one is drawn for that row only — one statement where a
 * look-up and an insert were two (issue 12). Any other unique column that clashes still fails.
 */
export async function insertRequestsWithUnusedTrackingCodes(
  trx: Kysely<Database>,
  rows: readonly NewRequestRow[],
  draw: (size: number) => Uint8Array = randomBytes,
): Promise<Array<{ id: number; trackingCode: string }>> {
  const done: Array<{ id: number; trackingCode: string } | undefined> = rows.map(() => undefined);
  for (let attempt = 0; attempt < TRACKING_CODE_ATTEMPTS; attempt++) {
    const pending = done.flatMap((d, i) => (d ? [] : [i]));
    if (pending.length === 0) break;
    // codes of this statement, each drawn again while it repeats one of the others (the index
    // would skip the second row of a pair, and the answer is matched to the rows by code)
    const codes = new Map<string, number>();
    for (const i of pending) {
      let code = trackingCodeFrom(draw(TRACKING_CODE_BYTES));
      while (codes.has(code)) code = trackingCodeFrom(draw(TRACKING_CODE_BYTES));
      codes.set(code, i);
    }
    const inserted = await trx
      .insertInto('requests')
      .values([...codes].map(([code, i]) => ({ ...rows[i], tracking_code: code })))
      .onConflict((oc) => oc.column('tracking_code').doNothing())
      .returning(['id', 'tracking_code'])
      .execute();
    for (const row of inserted) {
      const i = codes.get(row.tracking_code as string);
      if (i !== undefined) done[i] = { id: row.id, trackingCode: row.tracking_code as string };
    }
  }
  if (done.some((d) => d === undefined)) throw new AppError('conflict', '未能生成唯一的查询码，请重试。');
  return done as Array<{ id: number; trackingCode: string }>;
}

/** One new request with a tracking code no request holds yet (insertRequestsWithUnusedTrackingCodes). */
export async function insertWithUnusedTrackingCode(
  trx: Kysely<Database>,
  row: NewRequestRow,
  draw: (size: number) => Uint8Array = randomBytes,
): Promise<{ id: number; trackingCode: string }> {
  const [inserted] = await insertRequestsWithUnusedTrackingCodes(trx, [row], draw);
  return inserted as { id: number; trackingCode: string };
}
