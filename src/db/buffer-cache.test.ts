/**
 * The start-up advice about PostgreSQL's buffer cache: said only when the cache holds less than
 * half of a search index larger than 256 MB, with the sizes and what to set; the facts read from
 * the server (PostgreSQL) or none (SQLite).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { bufferCacheAdvice, formatBytes, readBufferCacheFacts } from './buffer-cache.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe('bufferCacheAdvice', () => {
  const cases: Array<{ name: string; sharedBuffers: number; searchBytes: number; says: string[] | null }> = [
    { name: 'the demo: a small index', sharedBuffers: 128 * MB, searchBytes: 40 * MB, says: null },
    { name: 'at the threshold, 256 MB', sharedBuffers: 16 * MB, searchBytes: 256 * MB, says: null },
    { name: 'the cache holds half', sharedBuffers: 2 * GB, searchBytes: 4 * GB, says: null },
    { name: 'the cache holds it all', sharedBuffers: 6 * GB, searchBytes: 4.6 * GB, says: null },
    {
      name: 'the default cache, 1,000,000 items',
      sharedBuffers: 128 * MB,
      searchBytes: 4.6 * GB,
      says: [
        'shared_buffers 为 128 MB',
        '全文检索索引（4.6 GB）的约 2%',
        '调大 shared_buffers',
        '内存的 25%',
        'docs/deploy.md',
      ],
    },
    {
      name: 'just under half',
      sharedBuffers: 1 * GB,
      searchBytes: 2.1 * GB,
      says: ['shared_buffers 为 1.0 GB', '（2.1 GB）的约 47%'],
    },
    {
      name: 'a tiny share is said as 1%',
      sharedBuffers: 16 * MB,
      searchBytes: 40 * GB,
      says: ['shared_buffers 为 16 MB', '约 1%'],
    },
  ];
  it.each(cases)('$name', ({ sharedBuffers, searchBytes, says }) => {
    const advice = bufferCacheAdvice({ sharedBuffers, searchBytes });
    if (says === null) {
      expect(advice).toBeNull();
      return;
    }
    expect(advice).not.toBeNull();
    for (const part of says) expect(advice).toContain(part);
    // Chinese for an operator: no doubled punctuation, no English field names beyond the setting
    expect(advice).not.toMatch(/[，。：；]{2}|undefined|NaN/);
  });

  it('formats sizes as an operator reads them', () => {
    expect([formatBytes(128 * MB), formatBytes(1023 * MB), formatBytes(GB), formatBytes(4.64 * GB)]).toEqual([
      '128 MB',
      '1023 MB',
      '1.0 GB',
      '4.6 GB',
    ]);
  });
});

describeEachDatabase('readBufferCacheFacts', (use) => {
  it('reads shared_buffers and the search tables on PostgreSQL, nothing on SQLite', async () => {
    const db = use();
    const facts = await readBufferCacheFacts(db);
    if (db.dialect === 'sqlite') {
      expect(facts).toBeNull();
      return;
    }
    const { rows } = await sql<{ bytes: string; tables: string }>`
      select pg_size_bytes(current_setting('shared_buffers'))::text as bytes,
        (pg_total_relation_size('search_documents') + pg_total_relation_size('search_texts'))::text as tables`.execute(
      db.kysely,
    );
    expect(facts).toEqual({ sharedBuffers: Number(rows[0]?.bytes), searchBytes: Number(rows[0]?.tables) });
    // the migrated tables' indexes have pages even when empty
    expect(facts?.searchBytes).toBeGreaterThan(0);
    expect(facts?.sharedBuffers).toBeGreaterThanOrEqual(128 * 1024);
  });
});
