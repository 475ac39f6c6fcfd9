/**
 * The SQLite import's staging file: `gongkai import` on SQLite parses and checks the whole file
 * first, writing its publications and requests (the bulk of any file) to a scratch SQLite file
 * outside the live database — no lock on it meanwhile — and then applies everything in one short
 * IMMEDIATE transaction with `INSERT … SELECT` from the staging file attached to the connection.
 * All or nothing stays SQLite's own: a crash or kill during the apply rolls the whole transaction
 * back; a crash while staging leaves only a scratch file in the temporary directory.
 *
 * The live database's write lock is held only for the apply: for 1,000,000 lines it was measured
 * with bench/submit.ts (docs/sqlite-writes.md), where it had been the whole 37 s of reading,
 * parsing and inserting row by row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { hasMixedItems } from '../../domain/report/records.ts';
import type { Trx } from '../context.ts';
import type { ImportLine } from './line-schemas.ts';
import type { AgencyCache } from './write-record.ts';

type PublicationLine = Extract<ImportLine, { type: 'publication' }>;
type RequestLine = Extract<ImportLine, { type: 'request' }>;

/** What a bulk range reports: the problems found, the agencies written to. */
export interface BulkOutcome {
  problems: Array<{ line: number; reason: string }>;
  agencyIds: number[];
}

const SCHEMA = `
  create table publication (line integer primary key, agency text not null, ref text, title text not null,
    category text not null, channel text not null, formed_on text not null, published_on text not null,
    is_policy_document integer not null, is_interpretation integer not null, is_meeting integer not null,
    is_online_interview integer not null);
  create table request (line integer primary key, rseq integer not null, agency text not null, ref text,
    applicant_type text not null, channel text not null, received_on text not null, decided_on text,
    outcome text, fee_fen integer not null, mixed_items integer not null, state text not null);
  create table request_item (line integer not null, seq integer not null, outcome text not null);
  create table link (line integer primary key, agency text not null, ref text not null, interprets text not null);
`;

/** Staging name of the attached file: one import at a time per connection (the apply holds it). */
export const STAGING = 'gongkai_staging';

/** The scratch file the lines are staged in, removed by `dispose`. */
export class Staging {
  readonly file: string;
  private readonly dir: string;
  private readonly db: SQLite.Database;
  private readonly insertPublication: SQLite.Statement;
  private readonly insertRequest: SQLite.Statement;
  private readonly insertItem: SQLite.Statement;
  private readonly insertLink: SQLite.Statement;
  private pending = 0;
  private requests = 0;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    this.file = join(this.dir, 'staging.db');
    this.db = new SQLite(this.file);
    // scratch: a crash loses it, and that is fine (nothing live was touched)
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(SCHEMA);
    this.insertPublication = this.db.prepare(
      'insert into publication values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertRequest = this.db.prepare('insert into request values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertItem = this.db.prepare('insert into request_item values (?, ?, ?)');
    this.insertLink = this.db.prepare('insert into link values (?, ?, ?, ?)');
    this.db.exec('begin');
  }

  publication(line: number, r: PublicationLine): void {
    this.insertPublication.run(
      ...[line, r.agency, r.ref ?? null, r.title, r.category, r.channel, r.formed, r.published],
      ...[Number(r.policy_document), Number(r.interpretation), Number(r.meeting), Number(r.online_interview)],
    );
    if (r.interprets && r.ref) this.insertLink.run(line, r.agency, r.ref, r.interprets);
    this.tick();
  }

  request(line: number, r: RequestLine): void {
    const state = r.decided ? 'decided' : 'open';
    this.insertRequest.run(
      ...[line, this.requests++, r.agency, r.ref ?? null, r.applicant_type, r.channel, r.received],
      ...[r.decided, r.outcome, r.fee_yuan * 100, Number(hasMixedItems(r.items)), state],
    );
    r.items.forEach((outcome, i) => {
      this.insertItem.run(line, i + 1, outcome);
    });
    this.tick();
  }

  /** Commits what is staged (the staging file is then complete for the apply to read). */
  finish(): void {
    this.db.exec('commit');
    this.db.close();
  }

  private tick(): void {
    if (++this.pending < 50_000) return;
    this.pending = 0;
    this.db.exec('commit');
    this.db.exec('begin');
  }

  dispose(): void {
    if (this.db.open) this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const S = sql.raw(STAGING);

/** The publications and requests staged between two lines (exclusive), their agency codes. */
const bulkLines = (from: number, to: number) => sql`
  select line, agency from ${S}.publication where line > ${from} and line < ${to}
  union all select line, agency from ${S}.request where line > ${from} and line < ${to}`;

/**
 * Applies the staged publications and requests between lines `from` and `to` (exclusive), in file
 * order, inside the import's transaction: first the checks that need the database (the agency
 * exists, the channel is one of the agency's, the ref is not taken), then — only when the whole
 * import has had no problem so far — the rows, each request's items under its new id.
 */
export async function applyBulk(
  trx: Trx,
  input: { from: number; to: number; agencies: AgencyCache; maxProblems: number; write: boolean },
): Promise<BulkOutcome> {
  const { from, to, agencies, maxProblems } = input;
  const problems: BulkOutcome['problems'] = [];
  const unknown = await sql<{ line: number; agency: string }>`
    select line, agency from (${bulkLines(from, to)})
    where agency not in (select code from agencies) order by line limit ${maxProblems}`.execute(trx);
  for (const { line, agency } of unknown.rows)
    problems.push({
      line,
      reason: `字段 agency：机关代码“${agency}”不存在，请先导入该机关（type 为 agency 的记录）`,
    });
  const channels = await sql<{ line: number; agency: string; channel: string }>`
    select p.line, p.agency, p.channel from ${S}.publication p join agencies a on a.code = p.agency
    where p.line > ${from} and p.line < ${to}
      and not exists (select 1 from agency_channels c where c.agency_id = a.id and c.code = p.channel)
    order by p.line limit ${maxProblems}`.execute(trx);
  for (const { line, agency, channel } of channels.rows) {
    const known = (await agencies.get(agency))?.channels ?? new Set<string>();
    problems.push({
      line,
      reason: `字段 channel：“${channel}”不是该机关的发布渠道（应为 ${[...known].join('、')}）`,
    });
  }
  const taken = await sql<{ line: number; ref: string }>`
    select * from (
      select p.line, p.ref from ${S}.publication p join agencies a on a.code = p.agency
      where p.line > ${from} and p.line < ${to} and p.ref is not null
        and exists (select 1 from publications x where x.agency_id = a.id and x.ref = p.ref)
      union all
      select r.line, r.ref from ${S}.request r join agencies a on a.code = r.agency
      where r.line > ${from} and r.line < ${to} and r.ref is not null
        and exists (select 1 from requests x where x.agency_id = a.id and x.ref = r.ref))
    order by line limit ${maxProblems}`.execute(trx);
  for (const { line, ref } of taken.rows)
    problems.push({
      line,
      reason: `字段 ref：“${ref}”在该机关已有记录（此前导入过），同一机关的 ref 不能重复`,
    });
  problems.sort((a, b) => a.line - b.line);
  const touched = await sql<{ id: number }>`
    select distinct a.id from (${bulkLines(from, to)}) b join agencies a on a.code = b.agency`.execute(trx);
  const agencyIds = touched.rows.map((r) => r.id);
  if (problems.length > 0 || !input.write) return { problems, agencyIds };

  await sql`
    insert into publications (agency_id, ref, title, category, channel, formed_on, published_on,
      is_policy_document, is_interpretation, interprets_id, is_meeting, is_online_interview)
    select a.id, p.ref, p.title, p.category, p.channel, p.formed_on, p.published_on,
      p.is_policy_document, p.is_interpretation, null, p.is_meeting, p.is_online_interview
    from ${S}.publication p join agencies a on a.code = p.agency
    where p.line > ${from} and p.line < ${to} order by p.line`.execute(trx);
  const range = await sql<{ n: number; first: number | null }>`
    select count(*) as n, min(rseq) as first from ${S}.request where line > ${from} and line < ${to}`.execute(
    trx,
  );
  const { n, first } = range.rows[0];
  if (n === 0 || first === null) return { problems, agencyIds };
  const inserted = await sql`
    insert into requests (agency_id, ref, applicant_type, channel, received_on, decided_on, outcome,
      fee_fen, mixed_items, state)
    select a.id, r.ref, r.applicant_type, r.channel, r.received_on, r.decided_on, r.outcome,
      r.fee_fen, r.mixed_items, r.state
    from ${S}.request r join agencies a on a.code = r.agency
    where r.line > ${from} and r.line < ${to} order by r.line`.execute(trx);
  // One INSERT … SELECT under the write lock on an AUTOINCREMENT table: the rows took consecutive
  // ids in file order, ending at the last insert id; the k-th staged request (rseq) is first id + k.
  const last = Number(inserted.insertId);
  if (Number(inserted.numAffectedRows) !== n)
    throw new Error(`导入申请记录时行数不符：${inserted.numAffectedRows}/${n}`);
  const firstId = last - n + 1;
  await sql`
    insert into request_items (agency_id, request_id, seq, outcome)
    select a.id, ${firstId} + r.rseq - ${first}, i.seq, i.outcome
    from ${S}.request_item i join ${S}.request r on r.line = i.line join agencies a on a.code = r.agency
    where r.line > ${from} and r.line < ${to} order by i.line, i.seq`.execute(trx);
  return { problems, agencyIds };
}

/**
 * Links the staged interpretations to the policy documents they interpret (by ref, within the
 * agency), once every line is written; the lines whose target does not exist.
 */
export async function applyLinks(
  trx: Trx,
  input: { maxProblems: number; write: boolean },
): Promise<BulkOutcome['problems']> {
  const missing = await sql<{ line: number; interprets: string }>`
    select l.line, l.interprets from ${S}.link l join agencies a on a.code = l.agency
    where not exists (select 1 from publications t where t.agency_id = a.id and t.ref = l.interprets)
    order by l.line limit ${input.maxProblems}`.execute(trx);
  const problems = missing.rows.map(({ line, interprets }) => ({
    line,
    reason: `字段 interprets 指向的政策文件 ref “${interprets}”不存在`,
  }));
  if (problems.length > 0 || !input.write) return problems;
  await sql`
    update publications set interprets_id = (
      select t.id from ${S}.link l join agencies a on a.code = l.agency
        join publications t on t.agency_id = a.id and t.ref = l.interprets
      where a.id = publications.agency_id and l.ref = publications.ref)
    where id in (
      select p.id from ${S}.link l join agencies a on a.code = l.agency
        join publications p on p.agency_id = a.id and p.ref = l.ref)`.execute(trx);
  return problems;
}
