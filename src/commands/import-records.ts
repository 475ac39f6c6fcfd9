import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { wanToYuan } from '../domain/money.ts';
import { DEFAULT_PUBLICATION_CHANNELS } from '../domain/report/codes.ts';
import { hasMixedItems } from '../domain/report/records.ts';
import type { ImportLine } from './import/line-schemas.ts';
import { parseLine } from './import/parse-line.ts';

export interface ImportProblem {
  line: number;
  reason: string;
}

export interface ImportResult {
  ok: boolean;
  lines: number;
  counts: Record<string, number>;
  problems: ImportProblem[];
}

export interface ImportOptions {
  actor: string;
  source: string;
  /** called every `progressEvery` lines */
  onProgress?: (lines: number) => void;
  progressEvery?: number;
  /** stop listing problems after this many (the file is rejected either way) */
  maxProblems?: number;
  /** runs first, in the same transaction (e.g. clearing what a reload replaces) */
  before?: (trx: Transaction<Database>) => Promise<void>;
  /** runs last, in the same transaction, only when every line was good */
  after?: (trx: Transaction<Database>) => Promise<void>;
}

const BATCH = 500;
type Trx = Transaction<Database>;
type Batches = {
  publications: Insertable<Database['publications']>[];
  requests: Insertable<Database['requests']>[];
};

class Rejected extends Error {}

/** Agencies known to the import: code → id, channels. Cached across the file. */
class AgencyCache {
  private byCode = new Map<string, { id: number; channels: Set<string> }>();
  constructor(private trx: Trx) {}
  async get(code: string) {
    const hit = this.byCode.get(code);
    if (hit) return hit;
    const row = await this.trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row) return null;
    const channels = await this.trx
      .selectFrom('agency_channels')
      .select('code')
      .where('agency_id', '=', row.id)
      .execute();
    const entry = { id: row.id, channels: new Set(channels.map((c) => c.code)) };
    this.byCode.set(code, entry);
    return entry;
  }
  forget(code: string) {
    this.byCode.delete(code);
  }
}

/**
 * `gongkai import`: reads JSON Lines records and writes them in one transaction. Any bad line
 * (its number and reason are reported) rejects the whole file: nothing from it is written. Lines
 * stream through in batches, so memory stays flat however long the file is.
 */
export async function importRecords(
  db: Db,
  lines: AsyncIterable<string>,
  options: ImportOptions,
): Promise<ImportResult> {
  const result: ImportResult = { ok: false, lines: 0, counts: {}, problems: [] };
  const maxProblems = options.maxProblems ?? 50;
  const progressEvery = options.progressEvery ?? 10_000;
  try {
    await db.kysely.transaction().execute(async (trx) => {
      await options.before?.(trx);
      const agencies = new AgencyCache(trx);
      const batches: Batches = { publications: [], requests: [] };
      const links: Array<{ agencyId: number; ref: string; interprets: string; line: number }> = [];
      const touched = new Set<number>();
      const problem = (line: number, reason: string) => {
        if (result.problems.length < maxProblems) result.problems.push({ line, reason });
      };
      for await (const raw of lines) {
        const line = ++result.lines;
        if (options.onProgress && line % progressEvery === 0) options.onProgress(line);
        if (raw.trim() === '') continue;
        const parsed = parseLine(raw);
        if (!parsed.ok) {
          problem(line, parsed.reason);
          continue;
        }
        const reason = await writeRecord(trx, agencies, parsed.record, batches, links, touched, line);
        if (reason) problem(line, reason);
        else result.counts[parsed.record.type] = (result.counts[parsed.record.type] ?? 0) + 1;
        if (result.problems.length === 0) await flush(trx, batches, BATCH);
      }
      if (result.problems.length > 0) throw new Rejected();
      await flush(trx, batches, 1);
      for (const link of links) {
        const target = await trx
          .selectFrom('publications')
          .select('id')
          .where('agency_id', '=', link.agencyId)
          .where('ref', '=', link.interprets)
          .executeTakeFirst();
        if (!target) problem(link.line, `字段 interprets 指向的政策文件 ref “${link.interprets}”不存在`);
        else
          await trx
            .updateTable('publications')
            .set({ interprets_id: target.id })
            .where('agency_id', '=', link.agencyId)
            .where('ref', '=', link.ref)
            .execute();
      }
      if (result.problems.length > 0) throw new Rejected();
      await options.after?.(trx);
      const at = new Date().toISOString();
      for (const agencyId of touched) {
        await trx
          .insertInto('events')
          .values({
            agency_id: agencyId,
            subject_type: 'import',
            subject_id: options.source.slice(0, 64),
            type: 'records.imported',
            actor: options.actor,
            at,
            data: JSON.stringify({ source: options.source, lines: result.lines, counts: result.counts }),
          })
          .execute();
      }
    });
    result.ok = true;
  } catch (error) {
    if (!(error instanceof Rejected)) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push({
        line: result.lines,
        reason: `数据库拒绝写入（约在此行之前的一批记录）：${reason}`,
      });
    }
  }
  return result;
}

async function flush(trx: Trx, batches: Batches, threshold: number): Promise<void> {
  if (batches.publications.length >= threshold) {
    await trx.insertInto('publications').values(batches.publications).execute();
    batches.publications = [];
  }
  if (batches.requests.length >= threshold) {
    await trx.insertInto('requests').values(batches.requests).execute();
    batches.requests = [];
  }
}

async function writeRecord(
  trx: Trx,
  agencies: AgencyCache,
  record: ImportLine,
  batches: Batches,
  links: Array<{ agencyId: number; ref: string; interprets: string; line: number }>,
  touched: Set<number>,
  line: number,
): Promise<string | null> {
  if (record.type === 'agency') return writeAgency(trx, agencies, record, touched);
  const agency = await agencies.get(record.agency);
  if (!agency)
    return `字段 agency：机关代码“${record.agency}”不存在，请先导入该机关（type 为 agency 的记录）`;
  touched.add(agency.id);
  const agency_id = agency.id;
  switch (record.type) {
    case 'publication': {
      if (!agency.channels.has(record.channel)) {
        return `字段 channel：“${record.channel}”不是该机关的发布渠道（应为 ${[...agency.channels].join('、')}）`;
      }
      if (record.interprets) {
        if (!record.ref) return '有 interprets 的解读材料须有自己的 ref';
        links.push({ agencyId: agency_id, ref: record.ref, interprets: record.interprets, line });
      }
      batches.publications.push({
        agency_id,
        ref: record.ref ?? null,
        title: record.title,
        category: record.category,
        channel: record.channel,
        formed_on: record.formed,
        published_on: record.published,
        is_policy_document: Number(record.policy_document),
        is_interpretation: Number(record.interpretation),
        interprets_id: null,
        is_meeting: Number(record.meeting),
        is_online_interview: Number(record.online_interview),
      });
      return null;
    }
    case 'request': {
      const row = {
        agency_id,
        ref: record.ref ?? null,
        applicant_type: record.applicant_type,
        channel: record.channel,
        received_on: record.received,
        decided_on: record.decided,
        outcome: record.outcome,
        fee_yuan: record.fee_yuan,
        mixed_items: Number(hasMixedItems(record.items)),
      };
      if (record.items.length === 0) {
        batches.requests.push(row);
        return null;
      }
      const inserted = await trx.insertInto('requests').values(row).returning('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('request_items')
        .values(
          record.items.map((outcome, seq) => ({ agency_id, request_id: inserted.id, seq: seq + 1, outcome })),
        )
        .execute();
      return null;
    }
    case 'normative_document':
      await trx
        .insertInto('normative_documents')
        .values({
          agency_id,
          kind: record.kind,
          doc_number: record.number,
          title: record.title,
          issued_on: record.issued,
          repealed_on: record.repealed,
        })
        .execute();
      return null;
    case 'admin_figures': {
      const values = {
        license_decisions: record.license,
        penalty_decisions: record.penalty,
        enforcement_decisions: record.enforcement,
        fees_yuan: wanToYuan(record.fees_wan) ?? 0,
      };
      await trx
        .insertInto('admin_figures')
        .values({ agency_id, year: record.year, ...values })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values))
        .execute();
      return null;
    }
    case 'review_case': {
      let request_id: number | null = null;
      if (record.request) {
        await flush(trx, batches, 1);
        const found = await trx
          .selectFrom('requests')
          .select('id')
          .where('agency_id', '=', agency_id)
          .where('ref', '=', record.request)
          .executeTakeFirst();
        if (!found) return `字段 request：申请 ref “${record.request}”不存在`;
        request_id = found.id;
      }
      await trx
        .insertInto('review_cases')
        .values({
          agency_id,
          grp: record.group,
          request_id,
          filed_on: record.filed,
          decided_on: record.decided,
          result: record.result,
        })
        .execute();
      return null;
    }
  }
}

async function writeAgency(
  trx: Trx,
  agencies: AgencyCache,
  record: Extract<ImportLine, { type: 'agency' }>,
  touched: Set<number>,
): Promise<string | null> {
  let parent_id: number | null = null;
  if (record.parent) {
    const parent = await agencies.get(record.parent);
    if (!parent) return `字段 parent：上级机关代码“${record.parent}”不存在`;
    parent_id = parent.id;
  }
  const profile = {
    name: record.name,
    short_name: record.short_name || record.name,
    parent_id,
    kind: record.kind,
    address: record.address,
    postcode: record.postcode,
    phone: record.phone,
    website: record.website,
    website_name: record.website_name,
    office: record.office,
  };
  const existing = await trx
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', record.code)
    .executeTakeFirst();
  const id = existing
    ? (
        await trx
          .updateTable('agencies')
          .set(profile)
          .where('id', '=', existing.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (
        await trx
          .insertInto('agencies')
          .values({ code: record.code, created_at: new Date().toISOString(), ...profile })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  const channels = record.channels ?? (existing ? null : DEFAULT_PUBLICATION_CHANNELS);
  if (channels) {
    await trx.deleteFrom('agency_channels').where('agency_id', '=', id).execute();
    await trx
      .insertInto('agency_channels')
      .values(channels.map((c, sort) => ({ agency_id: id, code: c.code, name: c.name, sort })))
      .execute();
  }
  agencies.forget(record.code);
  touched.add(id);
  return null;
}
