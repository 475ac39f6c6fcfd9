/**
 * PostgreSQL's month windows (migration 0049): a window of up to eight months is one tsquery with
 * the months OR-ed in, a wider one is the index scan's second key (`tsv @@ q and tsv @@ months`).
 * Both must see exactly the window's months: `search_newest_any` asked directly about windows
 * either side of a word's only months, and `search_newest` through searches whose windows grow
 * past eight months (a word in one item every five months) — the matches the same as sorting all.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchSchema } from '../../test/fresh-databases.ts';
import type { Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { MONTH_KEY_FROM } from '../db/migrations/0049-search-newest-month-key.ts';
import { monthNumber, monthStart } from './postgres-facets.ts';
import { RANK_LIMITS } from './ranking.ts';
import { searchIndexFor } from './search-index.ts';
import { indexItems, insertAgency } from './test-items.ts';

const url = process.env.TEST_DATABASE_URL;

// 240 items, two a month over ten years (2012–2021); 汛情 only in 2016's first three months; 稀有
// in one item every five months.
const FIRST = monthNumber('2012-01-01');
const made = Array.from({ length: 240 }, (_, i) => {
  const month = FIRST + Math.floor(i / 2);
  const day = String(1 + (i % 2) * 14).padStart(2, '0');
  const publishedOn = `${monthStart(month).slice(0, 8)}${day}`;
  const flood = publishedOn >= '2016-01' && publishedOn < '2016-04';
  const rare = i % 10 === 3;
  return { id: i + 1, publishedOn, flood, rare };
});

// PostgreSQL only: SQLite's FTS5 finds the newest matches by its rowids, without month windows
if (url)
  describe('search_newest: narrow and wide month windows [PostgreSQL]', () => {
    let db: Db;
    let drop: () => Promise<void>;
    let agencyId: number;
    const saved = { ...RANK_LIMITS };

    beforeAll(async () => {
      ({ db, drop } = await scratchSchema(url));
      await migrateToLatest(db);
      agencyId = await insertAgency(db, 'windows');
      await indexItems(
        db,
        agencyId,
        made.map((m) => ({
          id: m.id,
          title: '通知',
          bodyText: [m.flood ? '汛情' : '', m.rare ? '稀有' : ''].join(' '),
          publishedOn: m.publishedOn,
        })),
      );
      await sql`analyze search_documents`.execute(db.kysely);
      Object.assign(RANK_LIMITS, { window: 5, totalCap: 8, cacheMs: 0 });
    });
    afterAll(async () => {
      Object.assign(RANK_LIMITS, saved);
      await drop();
    });

    const any = async (text: string, top: string, bottom: string): Promise<boolean> => {
      const { rows } = await sql<{ found: boolean }>`
        select search_newest_any(to_tsquery('simple', ${text}), ${monthNumber(top)}, ${monthNumber(bottom)},
          null, null, null, null) as found`.execute(db.kysely);
      return rows[0]?.found ?? false;
    };

    it.each([
      // [window, top, bottom, has 汛情]
      ['one month inside', '2016-02-01', '2016-02-01', true],
      ['three months just after', '2016-06-01', '2016-04-01', false],
      ['three months ending at the first', '2016-01-01', '2015-11-01', true],
      ['eight months just before', '2015-12-01', '2015-05-01', false],
      ['nine months just after', '2016-12-01', '2016-04-01', false],
      ['nine months ending at the last', '2016-11-01', '2016-03-01', true],
      ['five years just after', '2021-12-01', '2016-04-01', false],
      ['four years just before', '2015-12-01', '2012-01-01', false],
      ['ten years', '2021-12-01', '2012-01-01', true],
    ])('search_newest_any, %s', async (_, top, bottom, has) => {
      const months = monthNumber(top) - monthNumber(bottom) + 1;
      expect(months >= MONTH_KEY_FROM).toBe(months >= 9);
      expect(await any('汛情', top, bottom)).toBe(has);
    });

    const newestFirst = (holds: (m: (typeof made)[number]) => boolean): number[] =>
      made
        .filter(holds)
        .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || b.id - a.id)
        .map((m) => m.id);

    it.each([
      [
        'a word in one item every five months (windows past eight months)',
        '稀有',
        (m: (typeof made)[number]) => m.rare,
      ],
      [
        'a word in three months only (probes, then one-month windows)',
        '汛情',
        (m: (typeof made)[number]) => m.flood,
      ],
      ['a word in every item', '通知', () => true],
    ])('%s: the counted matches are the newest, in order', async (_, text, holds) => {
      const expected = newestFirst(holds);
      const result = await searchIndexFor('postgres').search(db.kysely, {
        text,
        agencyId,
        sort: 'date',
        withMatchedIds: true,
        limit: 10,
        offset: 0,
      });
      expect(result.matchedIds).toEqual(expected.slice(0, 8));
      expect(result.hits.map((h) => h.id)).toEqual(expected.slice(0, 10));
    });
  });
