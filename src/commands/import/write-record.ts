import { figuresRow } from '../../db/queries/admin-figures.ts';
import { agencyTreeRows } from '../../db/queries/agency-tree.ts';
import { moveProblem, parentProblem } from '../../domain/agencies/tree.ts';
import {
  type FigureKey,
  figureImportKey,
  OPTIONAL_FIGURE_FIELDS,
  parseFigures,
} from '../../domain/report/figures.ts';
import { formatIdForYear } from '../../domain/report/format.ts';
import { hasMixedItems } from '../../domain/report/records.ts';
import { DEFAULT_PUBLICATION_CHANNELS } from '../../domain/report/vocabulary.ts';
import type { Trx, TrxContext } from '../context.ts';
import { type Batches, flush } from './batches.ts';
import type { ImportLine } from './line-schemas.ts';

/** Writing one parsed import line inside the import's transaction (see commands/import-records.ts). */
/** An interpretation whose policy document is resolved by ref once the whole file is written. */
export type PendingLink = { agencyId: number; ref: string; interprets: string; line: number };

/** Agencies known to the import: code → id, channels. Cached across the file. */
export class AgencyCache {
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

/** What an import carries from line to line: the agencies seen, the pending rows and links, the agencies written to. */
export interface ImportState {
  agencies: AgencyCache;
  batches: Batches;
  links: PendingLink[];
  touched: Set<number>;
}

/** Writes one line (batched where it can be); the reason it was refused, or null. */
export async function writeRecord(
  ctx: TrxContext<unknown>,
  input: { state: ImportState; record: ImportLine; line: number },
): Promise<string | null> {
  const { trx } = ctx;
  const { record, line } = input;
  const { agencies, batches, links, touched } = input.state;
  if (record.type === 'agency') return writeAgency(ctx, { state: input.state, record });
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
        fee_fen: record.fee_yuan * 100, // the file's whole 元, kept in 分
        mixed_items: Number(hasMixedItems(record.items)),
        state: record.decided ? 'decided' : 'open',
      };
      // PostgreSQL batches a request with its items (batches.ts); SQLite writes it now, for its id
      if (record.items.length === 0 || batches.dialect === 'postgres') {
        batches.requests.push({ row, items: record.items });
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
      // one set of rules with the API and the spreadsheet: the year's format says which figures it takes
      const values: Partial<Record<FigureKey, unknown>> = {
        licenseDecisions: record.license,
        penaltyDecisions: record.penalty,
        enforcementDecisions: record.enforcement,
        feesWan: record.fees_wan,
      };
      const given: Readonly<Record<string, unknown>> = record;
      for (const field of OPTIONAL_FIGURE_FIELDS) values[field.key] = given[figureImportKey(field.key)];
      const parsed = parseFigures(values, {
        year: record.year,
        format: formatIdForYear(record.year),
        cellOf: (key) => `字段 ${figureImportKey(key)}`,
      });
      if (!parsed.figures) return parsed.issues.map((i) => i.message).join('；');
      const row = figuresRow(parsed.figures);
      await trx
        .insertInto('admin_figures')
        .values({ agency_id, year: record.year, ...row })
        .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(row))
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
  ctx: TrxContext<unknown>,
  input: { state: ImportState; record: Extract<ImportLine, { type: 'agency' }> },
): Promise<string | null> {
  const { trx } = ctx;
  const { record } = input;
  const { agencies, touched } = input.state;
  let parent_id: number | null = null;
  if (record.parent) {
    const parent = await agencies.get(record.parent);
    if (!parent) return `字段 parent：上级机关代码“${record.parent}”不存在`;
    parent_id = parent.id;
    const problem = await parentRefusal(trx, record.code, record.parent);
    if (problem) return `字段 parent：${problem}`;
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
    // omitted: the agency's own report deadline stays as it was
    ...(record.report_deadline === undefined ? {} : { report_deadline: record.report_deadline }),
    ...(record.review_body === undefined ? {} : { review_body: record.review_body }),
    ...(record.court === undefined ? {} : { court: record.court }),
    ...(record.complaint_channel === undefined ? {} : { complaint_channel: record.complaint_channel }),
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
          .values({ code: record.code, created_at: ctx.clock.now().toISOString(), ...profile })
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

/**
 * The tree's rules for an agency line's parent (domain/agencies/tree.ts, docs/agencies.md): never a
 * retired agency, and an existing agency never under itself or below itself (a loop).
 */
async function parentRefusal(trx: Trx, code: string, parentCode: string): Promise<string | null> {
  const rows = await agencyTreeRows(trx);
  const own = rows.find((r) => r.code === code);
  return own
    ? moveProblem(rows, { agencyId: own.id, newParentCode: parentCode })
    : parentProblem(rows, parentCode);
}
