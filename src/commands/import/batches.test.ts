import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { importRecords } from '../import-records.ts';
import { testContext } from '../testing-context.ts';
import { batchRows, emptyBatches, flush } from './batches.ts';

/** More requests than a PostgreSQL batch holds, every third with items, and a review case naming one mid-file. */
const REQUESTS = batchRows('postgres') + 700;
const outcomesOf = (i: number): string[] =>
  i % 3 === 0 ? [] : i % 3 === 1 ? ['granted', 'partial'] : ['denied.state_secret'];

function* lines(code: string): Generator<string> {
  yield JSON.stringify({ type: 'agency', code, name: `批量测试机关${code}`, kind: 'department' });
  for (let i = 0; i < REQUESTS; i++) {
    yield JSON.stringify({
      type: 'request',
      agency: code,
      ref: `q${i}`,
      applicant_type: 'natural_person',
      channel: 'online',
      received: '2021-03-01',
      decided: '2021-03-20',
      outcome: i % 3 === 2 ? 'denied.state_secret' : 'granted',
      items: outcomesOf(i),
    });
    if (i === 4321)
      yield JSON.stringify({
        type: 'review_case',
        ...{
          agency: code,
          group: 'review',
          request: 'q4321',
          filed: '2021-04-01',
          decided: null,
          result: null,
        },
      });
    if (i % 10 === 0)
      yield JSON.stringify({
        type: 'publication',
        ...{ agency: code, ref: `p${i}`, title: `公告${i}`, category: 'a20.1', channel: 'website' },
        ...{ formed: '2021-02-01', published: '2021-02-02' },
      });
  }
}

async function* stream(code: string): AsyncGenerator<string> {
  yield* lines(code);
}

/** Each request's ref → its items' outcomes in order (seq), read back from the database. */
async function itemsByRef(db: Db, code: string): Promise<Map<string, string[]>> {
  const rows = await db.kysely
    .selectFrom('requests as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .leftJoin('request_items as i', (join) =>
      join.onRef('i.request_id', '=', 'r.id').onRef('i.agency_id', '=', 'r.agency_id'),
    )
    .select(['r.ref', 'i.outcome', 'i.seq'])
    .where('a.code', '=', code)
    .orderBy('r.id')
    .orderBy('i.seq')
    .execute();
  const byRef = new Map<string, string[]>();
  for (const row of rows) {
    const list = byRef.get(row.ref ?? '') ?? [];
    if (row.outcome) list.push(row.outcome);
    byRef.set(row.ref ?? '', list);
  }
  return byRef;
}

const PUBLICATIONS = Math.ceil(REQUESTS / 10);

/** `inFileOrder`: the requests took their ids in the file's order (all but SQLite's streaming path,
 * which writes a request with items at once and the others by the batch, as it always did). */
async function expectWritten(db: Db, code: string, inFileOrder: boolean): Promise<void> {
  const byRef = await itemsByRef(db, code);
  const refs = [...byRef.keys()];
  const expected = Array.from({ length: REQUESTS }, (_, i) => `q${i}`);
  if (inFileOrder) expect(refs).toEqual(expected);
  else expect(refs.sort()).toEqual(expected.sort());
  for (let i = 0; i < REQUESTS; i++) expect(byRef.get(`q${i}`), `q${i}`).toEqual(outcomesOf(i));
  const review = await db.kysely
    .selectFrom('review_cases as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select('r.ref')
    .where('a.code', '=', code)
    .execute();
  expect(review).toEqual([{ ref: 'q4321' }]);
  const publications = await db.kysely
    .selectFrom('publications as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.ref', 'p.title', 'p.interprets_id', 'p.is_meeting'])
    .where('a.code', '=', code)
    .orderBy('p.id')
    .execute();
  expect(publications).toHaveLength(PUBLICATIONS);
  expect(publications[1]).toEqual({ ref: 'p10', title: '公告10', interprets_id: null, is_meeting: 0 });
}

describeEachDatabase('import batches', (use) => {
  const counts = { agency: 1, request: REQUESTS, review_case: 1, publication: PUBLICATIONS };

  it(`writes ${REQUESTS} requests with their items across batches: each item on its request, ids in file order`, async () => {
    const result = await importRecords(testContext(use(), { actor: { username: 'test' } }), {
      lines: stream('bat-a'),
      source: 'batches.jsonl',
    });
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual(counts);
    await expectWritten(use(), 'bat-a', true);
  }, 120_000);

  it("writes the same inside a caller's transaction (the streaming path on both databases)", async () => {
    const db = use();
    const result = await inTransaction(db, (trx) =>
      importRecords(testContext({ ...db, kysely: trx }, { actor: { username: 'test' } }), {
        lines: stream('bat-b'),
        source: 'batches.jsonl',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual(counts);
    await expectWritten(db, 'bat-b', db.dialect === 'postgres');
  }, 120_000);

  it('writes nothing of a batch whose request ref is already taken (the unique index), and says so', async () => {
    async function* again() {
      yield* lines('bat-c');
    }
    const ctx = testContext(use(), { actor: { username: 'test' } });
    expect((await importRecords(ctx, { lines: again(), source: 'first.jsonl' })).ok).toBe(true);
    async function* clash() {
      yield JSON.stringify({
        type: 'request',
        ...{ agency: 'bat-c', ref: 'q7', applicant_type: 'business', channel: 'letter' },
        ...{ received: '2021-05-01', decided: null, outcome: null, items: ['granted'] },
      });
    }
    const result = await importRecords(ctx, { lines: clash(), source: 'second.jsonl' });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect((await itemsByRef(use(), 'bat-c')).get('q7')).toEqual(outcomesOf(7));
    expect((await itemsByRef(use(), 'bat-c')).size).toBe(REQUESTS);
  }, 120_000);

  it('holds 5,000 rows a batch on PostgreSQL, 500 on SQLite, and flushes nothing below the threshold', async () => {
    expect([batchRows('postgres'), batchRows('sqlite')]).toEqual([5000, 500]);
    const db = use();
    const batches = emptyBatches(db.dialect);
    batches.publications.push({
      ...{ agency_id: 1, ref: null, title: 't', category: 'a20.1', channel: 'website' },
      ...{ formed_on: '2021-01-01', published_on: '2021-01-02', interprets_id: null, is_policy_document: 0 },
      ...{ is_interpretation: 0, is_meeting: 0, is_online_interview: 0 },
    });
    await inTransaction(db, (trx) => flush(trx, batches, 2));
    expect(batches.publications).toHaveLength(1);
  });
});
