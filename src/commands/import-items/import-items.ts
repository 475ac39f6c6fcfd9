import { isWriteConflict, rethrowConflict } from '../../db/conflict.ts';
import type { Db } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { POOL_THRESHOLD, warmSegmentPool } from '../../search/segment-pool.ts';
import type { CommandContext } from '../context.ts';
import { CopyWriter, withPinnedClient } from '../import/pg-copy.ts';
import { AgencyCache } from '../import/write-record.ts';
import type { ImportProblem } from '../import-records.ts';
import { checkColumn, WEBSITE_CHANNEL } from '../items/item-store.ts';
import { prepareFields } from '../items/prepare-fields.ts';
import { publishedItemsChanged } from '../items/published-changes.ts';
import { linkInterpretations } from './link-items.ts';
import { parseItemRow } from './parse-row.ts';
import type { ItemSource } from './sources.ts';
import { IMPORT_SEGMENT_POOL, type PendingItem, type WriteContext, writeItems } from './write-items.ts';

/** Who imports (recorded on every item's event): a user, or the operator of the machine. */
export type Importer = { username: string };

export interface ItemsImportInput {
  /** the rows of the file */
  file: ItemSource;
  /** the file's name (recorded on the import's event) */
  source: string;
  /** the agency of rows that do not name one */
  agency?: string;
  /** called every `progressEvery` rows with the rows and bytes read so far */
  onProgress?: (rows: number, bytes: number) => void;
  progressEvery?: number;
  /** stop listing problems after this many (the file is rejected either way) */
  maxProblems?: number;
}

export interface ItemsImportResult {
  ok: boolean;
  /** the last row read */
  rows: number;
  imported: number;
  problems: ImportProblem[];
}

/** Rows a batch holds: more on PostgreSQL, where the batch goes by COPY and a statement is a round trip. */
const batchRows = (dialect: Db['dialect']) => (dialect === 'postgres' ? 5000 : 500);
/** a batch is also written once its bodies reach this many characters (memory stays flat) */
const BATCH_CHARS = 8_000_000;
/**
 * Where the import's batches are segmented in the segment pool's worker threads (PostgreSQL's
 * batches of 5,000, on three cores or more: write-items.ts's IMPORT_SEGMENT_POOL), the pool is
 * started once this many rows are read, so its threads load (tsx, jieba's dictionary: ~1 s of CPU
 * each) while the rest of the first batch is read and checked, not inside its first write. A
 * smaller file never starts them.
 */
const WARM_POOL_AT_ROW = 500;

class Rejected extends Error {}

/**
 * `gongkai items import`: published items from CSV, XLSX or JSON Lines, one row an item, in one
 * transaction. Any bad row (its number and a reason naming the column are reported) rejects the
 * whole file: nothing from it is written. Rows stream through in batches, so memory stays flat.
 * Within a caller's transaction (`withinTransaction`) a rejected file leaves that transaction to
 * the caller, who must roll it back. A write conflict with another writer (a deadlock, a
 * serialization failure) is a 409 to retry, not a problem of the file. On PostgreSQL (outside a
 * caller's transaction) the import holds one connection and writes its batches by COPY (pg-copy.ts).
 */
export async function importItems(
  ctx: CommandContext<Importer>,
  options: ItemsImportInput,
): Promise<ItemsImportResult> {
  const { db } = ctx;
  if (db.dialect === 'postgres' && db.pool && !db.kysely.isTransaction) {
    const result = await withPinnedClient(db, (pinned, client) =>
      importInto({ ...ctx, db: pinned }, options, new CopyWriter(client)),
    );
    if (result.imported > 0) publishedItemsChanged(db);
    return result;
  }
  const result = await importInto(ctx, options);
  if (result.imported > 0) publishedItemsChanged(db);
  return result;
}

async function importInto(
  ctx: CommandContext<Importer>,
  options: ItemsImportInput,
  copy?: CopyWriter,
): Promise<ItemsImportResult> {
  const { db } = ctx;
  const rowsPerBatch = batchRows(db.dialect);
  const source = options.file;
  const result: ItemsImportResult = { ok: false, rows: 0, imported: 0, problems: [] };
  const maxProblems = options.maxProblems ?? 50;
  const progressEvery = options.progressEvery ?? 1000;
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const actor = ctx.actor.username;
  const problem = (row: number, reason: string) => {
    if (result.problems.length < maxProblems) result.problems.push({ line: row, reason });
  };
  try {
    await inTransaction(db, async (trx) => {
      const agencies = new AgencyCache(trx);
      const columns = new Set<string>();
      const touched = new Set<number>();
      const writing: WriteContext = {
        trx,
        dialect: db.dialect,
        actor,
        source: options.source,
        now,
        prefixes: new Map(),
        links: [],
        copy,
      };
      let batch: PendingItem[] = [];
      let chars = 0;
      let read = 0;
      const flush = async () => {
        if (batch.length > 0 && result.problems.length === 0) {
          for (const p of await writeItems(writing, batch)) problem(p.row, p.reason);
          if (result.problems.length === 0) result.imported += batch.length;
        }
        batch = [];
        chars = 0;
      };
      const pooled = IMPORT_SEGMENT_POOL && rowsPerBatch >= POOL_THRESHOLD;
      for await (const { row, keyed, problems } of source.rows) {
        result.rows = row;
        read++;
        if (options.onProgress && read % progressEvery === 0) options.onProgress(row, source.bytesRead());
        if (pooled && read === WARM_POOL_AT_ROW) warmSegmentPool();
        for (const reason of problems) problem(row, reason);
        if (!keyed) continue;
        const parsed = parseItemRow(keyed, today, source.noun);
        if (!parsed.ok) {
          for (const reason of parsed.problems) problem(row, reason);
          continue;
        }
        const { item } = parsed;
        const code = item.agency ?? options.agency;
        const agency = code ? await agencies.get(code) : null;
        if (!agency) {
          problem(
            row,
            code ? `机关代码“${code}”不存在` : '缺少机关代码：请用 --agency 指定，或在列“机关代码”中填写',
          );
          continue;
        }
        const bad = item.postings.find(
          (p) => p.channel === WEBSITE_CHANNEL || !agency.channels.has(p.channel),
        );
        if (bad) {
          const others = [...agency.channels].filter((c) => c !== WEBSITE_CHANNEL).join('、');
          problem(
            row,
            `${source.noun}“其他渠道”：“${bad.channel}”不是该机关的其他发布渠道（应为 ${others}；网站发布自动登记）`,
          );
          continue;
        }
        const column = `${agency.id}:${item.fields.columnCode}:${item.fields.category}`;
        if (item.fields.columnCode && !columns.has(column)) {
          const refused = await columnProblem(trx, agency.id, item.fields.columnCode, item.fields.category);
          if (refused) {
            problem(row, `${source.noun}“栏目”：${refused}`);
            continue;
          }
          columns.add(column);
        }
        if (result.problems.length > 0) continue;
        const prepared = prepareFields(item.fields, today);
        touched.add(agency.id);
        batch.push({ row, agencyId: agency.id, item, fields: prepared.fields, bodyText: prepared.bodyText });
        chars += prepared.fields.bodyHtml.length + prepared.bodyText.length;
        if (batch.length >= rowsPerBatch || chars >= BATCH_CHARS) await flush();
      }
      await flush();
      await copy?.settle();
      options.onProgress?.(result.rows, source.bytesRead());
      if (result.problems.length > 0) throw new Rejected();
      for (const p of await linkInterpretations(trx, writing.links, actor, now, `${source.noun}“解读对象”`))
        problem(p.row, p.reason);
      if (result.problems.length > 0) throw new Rejected();
      for (const agencyId of touched) {
        await appendEvent(trx, {
          name: 'items.imported',
          subject: { type: 'import', id: options.source.slice(0, 64) },
          agency: agencyId,
          actor,
          at: now,
          data: {
            source: options.source,
            format: source.format,
            rows: result.rows,
            imported: result.imported,
          },
        });
      }
    });
    result.ok = true;
  } catch (error) {
    result.imported = 0;
    if (isWriteConflict(error))
      rethrowConflict(error, '导入时与同时进行的其他写入冲突，未写入任何信息，请重试。');
    if (!(error instanceof Rejected)) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push({ line: result.rows, reason: `读取或写入失败（约在此行）：${reason}` });
    }
  }
  return result;
}

async function columnProblem(trx: WriteContext['trx'], agencyId: number, code: string, category: string) {
  try {
    await checkColumn(trx, agencyId, code, category);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
