/**
 * PostgreSQL's buffer cache against the search index it serves (issue 16).
 *
 * A search reads ~1,000–1,500 pages of `search_documents` (the newest matches' rows, docs/search.md).
 * Pages in PostgreSQL's own cache (`shared_buffers`) cost a lookup; the others are copied from the
 * operating system's page cache, or read from disk, one 8 kB page at a time. PostgreSQL's default,
 * 128 MB, holds a few percent of a province's index, and a search's time is then mostly those
 * copies (1,000,000 items: docs/search.md, “shared_buffers”). `gongkai serve` says so at start, with
 * what to set; the demo's and a small site's index fit, and nothing is said.
 */
import { sql } from 'kysely';
import type { Db } from './connection.ts';

export interface BufferCacheFacts {
  /** shared_buffers, in bytes */
  sharedBuffers: number;
  /** the search tables and their indexes, in bytes */
  searchBytes: number;
}

const MIB = 1024 * 1024;

/** `128 MB`, `4.2 GB`: one decimal above 1 GB, whole megabytes below. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${(bytes / 1024 / MIB).toFixed(1)} GB`;
  return `${Math.round(bytes / MIB)} MB`;
}

/**
 * The advice for an operator when the cache holds less than half of the search index (and the
 * index is larger than 256 MB: below that the OS's cache and a few misses cost nothing a reader
 * notices), else null.
 */
export function bufferCacheAdvice(facts: BufferCacheFacts): string | null {
  const { sharedBuffers, searchBytes } = facts;
  if (searchBytes <= 256 * MIB || sharedBuffers * 2 >= searchBytes) return null;
  const share = Math.max(1, Math.floor((100 * sharedBuffers) / searchBytes));
  return (
    `PostgreSQL 的 shared_buffers 为 ${formatBytes(sharedBuffers)}，只容得下全文检索索引（${formatBytes(searchBytes)}）的约 ${share}%：` +
    '检索要从操作系统缓存或磁盘逐页读取，较慢。' +
    '请在数据库服务器上调大 shared_buffers，尽量容下这一索引（PostgreSQL 文档建议从内存的 25% 起，一般不超过 40%），并重启 PostgreSQL，见 docs/deploy.md“PostgreSQL settings”一节。'
  );
}

/** The facts on PostgreSQL (null on SQLite, whose cache is the OS's: nothing to set). */
export async function readBufferCacheFacts(db: Db): Promise<BufferCacheFacts | null> {
  if (db.dialect !== 'postgres') return null;
  // pg_size_bytes reads a setting as shown ('128MB'); to_regclass: null before the migrations
  const { rows } = await sql<{ shared_buffers: string; search_bytes: string }>`
    select pg_size_bytes(current_setting('shared_buffers'))::text as shared_buffers,
      (coalesce(pg_total_relation_size(to_regclass('search_documents')), 0)
        + coalesce(pg_total_relation_size(to_regclass('search_texts')), 0))::text as search_bytes`.execute(
    db.kysely,
  );
  const row = rows[0];
  if (!row) return null;
  return { sharedBuffers: Number(row.shared_buffers), searchBytes: Number(row.search_bytes) };
}
