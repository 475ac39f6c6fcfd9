import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import { importRecords } from '../import-records.ts';
import { testContext } from '../testing-context.ts';
import { batchRows } from './batches.ts';
import { type CopyValue, copyText } from './pg-copy.ts';

describe('copyText (COPY FROM STDIN text format)', () => {
  it.each<[string, CopyValue, string]>([
    ['null is \\N', null, '\\N'],
    ['an integer as digits', 42, '42'],
    ['Chinese text as is', '关于某事项的公告', '关于某事项的公告'],
    ['a backslash doubled', 'C:\\目录', 'C:\\\\目录'],
    ['a tab escaped (it separates columns)', '甲\t乙', '甲\\t乙'],
    ['a newline and a return escaped (they end rows)', '甲\n乙\r丙', '甲\\n乙\\r丙'],
    ['the text “\\N” kept as text, not null', '\\N', '\\\\N'],
  ])('%s', (_case, value, expected) => {
    expect(copyText(value)).toBe(expected);
  });
});

/** Titles that COPY's text format must escape, one per publication in turn. */
const AWKWARD = ['含\t制表符', '两行\n标题', '回车\r标题', '反斜杠\\标题', '\\N', '普通标题'];

/** More publications than two PostgreSQL batches: a COPY is in flight while the next batch is read. */
const PUBLICATIONS = batchRows('postgres') * 2 + 321;

async function* file(code: string, clashAt?: number): AsyncGenerator<string> {
  yield JSON.stringify({ type: 'agency', code, name: `复制测试机关${code}`, kind: 'department' });
  for (let i = 0; i < PUBLICATIONS; i++)
    yield JSON.stringify({
      type: 'publication',
      ...{
        agency: code,
        ref: i === clashAt ? 'taken' : `p${i}`,
        title: `${AWKWARD[i % AWKWARD.length]}${i}`,
      },
      ...{ category: 'a20.1', channel: 'website', formed: '2021-02-01', published: '2021-02-02' },
      ...(i % 7 === 0 ? { policy_document: true } : {}),
    });
}

async function titles(
  db: Db,
  code: string,
): Promise<Array<{ ref: string | null; title: string; pd: number }>> {
  const rows = await db.kysely
    .selectFrom('publications as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.ref', 'p.title', 'p.is_policy_document as pd'])
    .where('a.code', '=', code)
    .orderBy('p.id')
    .execute();
  return rows;
}

describeEachDatabase('import by COPY on PostgreSQL (the batched path elsewhere)', (use) => {
  const ctx = () => testContext(use(), { actor: { username: 'test' } });

  it(`writes ${PUBLICATIONS} publications across batches with tabs, newlines and backslashes in titles intact`, async () => {
    const result = await importRecords(ctx(), { lines: file('copy-a'), source: 'copy.jsonl' });
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ agency: 1, publication: PUBLICATIONS });
    const rows = await titles(use(), 'copy-a');
    expect(rows).toHaveLength(PUBLICATIONS);
    rows.forEach((row, i) => {
      expect(row).toEqual({
        ref: `p${i}`,
        title: `${AWKWARD[i % AWKWARD.length]}${i}`,
        pd: i % 7 === 0 ? 1 : 0,
      });
    });
    const events = await use()
      .kysely.selectFrom('events')
      .select('data')
      .where('name', '=', 'records.imported')
      .where('subject_id', '=', 'copy.jsonl')
      .execute();
    expect(events).toHaveLength(1);
  }, 120_000);

  it('writes nothing when the database refuses a row of a later batch (a ref already taken), and says why', async () => {
    async function* first() {
      yield JSON.stringify({ type: 'agency', code: 'copy-b', name: '复制测试机关乙', kind: 'department' });
      yield JSON.stringify({
        type: 'publication',
        ...{ agency: 'copy-b', ref: 'taken', title: '先有的', category: 'a20.1', channel: 'website' },
        ...{ formed: '2021-01-01', published: '2021-01-02' },
      });
    }
    expect((await importRecords(ctx(), { lines: first(), source: 'first.jsonl' })).ok).toBe(true);
    // the clash is in the second batch: its COPY fails while the third batch is being read
    const clashAt = batchRows('postgres') + 17;
    const result = await importRecords(ctx(), { lines: file('copy-b', clashAt), source: 'clash.jsonl' });
    expect(result.ok).toBe(false);
    expect(result.counts).toEqual({});
    expect(result.problems).toHaveLength(1);
    // SQLite checks refs against the database while staging; PostgreSQL's unique index refuses the
    // COPY, and the reason is that refusal, not the aborted transaction of a later statement
    if (use().dialect === 'sqlite')
      expect(result.problems[0]).toEqual({
        line: clashAt + 2,
        reason: '字段 ref：“taken”在该机关已有记录（此前导入过），同一机关的 ref 不能重复',
      });
    else
      expect(result.problems[0]?.reason).toMatch(
        /^数据库拒绝写入（约在此行之前的一批记录）：.*publications_agency_ref/,
      );
    expect(await titles(use(), 'copy-b')).toEqual([{ ref: 'taken', title: '先有的', pd: 0 }]);
    // the connection went back to the pool usable: the same file without the clash is written whole
    const again = await importRecords(ctx(), { lines: file('copy-b'), source: 'again.jsonl' });
    expect(again.problems).toEqual([]);
    expect(await titles(use(), 'copy-b')).toHaveLength(PUBLICATIONS + 1);
  }, 120_000);
});
