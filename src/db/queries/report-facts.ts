import { sql } from 'kysely';
import { emptyCorrectionFacts, emptyRequestFacts, yearBounds } from '../../domain/report/facts.ts';
import type {
  AgencyProfile,
  CorrectionFacts,
  NormativeFacts,
  ReportFacts,
  RequestFacts,
  ReviewFacts,
  YearFacts,
} from '../../domain/report/types.ts';
import {
  type AgencyKind,
  type ApplicantType,
  type Outcome,
  type RequestChannel,
  T4_GROUPS,
} from '../../domain/report/vocabulary.ts';
import { isCorrectionOutcome } from '../../domain/requests/record-correction.ts';
import type { Db } from '../connection.ts';
import { figuresOfRow } from './admin-figures.ts';

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = await query.execute(db.kysely);
  return result.rows as Row[];
}

async function publicationFacts(
  db: Db,
  agencyId: number,
  channels: Array<{ code: string; name: string }>,
  year: number,
) {
  const { start, end } = yearBounds(year);
  // Grouping by day first follows the covering index's order (SQLite sorts 800k rows otherwise);
  // the few hundred per-day rows are then summed per channel.
  const found = await rows(
    db,
    sql`select channel, sum(n) as n, sum(meetings) as meetings, sum(policy) as policy, sum(interp) as interp,
          sum(interviews) as interviews
        from (select published_on, channel, count(*) as n, sum(is_meeting) as meetings,
                sum(is_policy_document) as policy, sum(is_interpretation) as interp,
                sum(is_online_interview) as interviews
              from publications where agency_id = ${agencyId} and published_on between ${start} and ${end}
              group by published_on, channel) as per_day
        group by channel`,
  );
  const byCode = new Map(found.map((r) => [String(r.channel), r]));
  const sum = (key: string) => found.reduce((acc, r) => acc + num(r[key]), 0);
  return {
    byChannel: channels.map((c) => ({ code: c.code, name: c.name, count: num(byCode.get(c.code)?.n) })),
    total: sum('n'),
    meetings: sum('meetings'),
    policyDocuments: sum('policy'),
    interpretations: sum('interp'),
    onlineInterviews: sum('interviews'),
  };
}

async function normativeFacts(db: Db, agencyId: number, year: number): Promise<YearFacts['normative']> {
  const { start, end } = yearBounds(year);
  const found = await rows(
    db,
    sql`select kind,
          sum(case when issued_on between ${start} and ${end} then 1 else 0 end) as issued,
          sum(case when repealed_on between ${start} and ${end} then 1 else 0 end) as repealed,
          sum(case when issued_on <= ${end} and (repealed_on is null or repealed_on > ${end}) then 1 else 0 end) as valid,
          sum(case when issued_on <= ${end} then 1 else 0 end) as to_date
        from normative_documents where agency_id = ${agencyId} group by kind`,
  );
  const of = (kind: string): NormativeFacts => {
    const r = found.find((x) => x.kind === kind);
    return {
      issued: num(r?.issued),
      repealed: num(r?.repealed),
      valid: num(r?.valid),
      issuedToDate: num(r?.to_date),
    };
  };
  return { regulation: of('regulation'), normative: of('normative') };
}

async function requestFacts(db: Db, agencyId: number, year: number): Promise<RequestFacts> {
  const { start, end } = yearBounds(year);
  const facts = emptyRequestFacts();
  const open = await rows(
    db,
    sql`select applicant_type, channel,
          sum(case when received_on >= ${start} then 1 else 0 end) as received,
          sum(case when received_on < ${start} and (decided_on is null or decided_on >= ${start}) then 1 else 0 end) as carried_in,
          sum(case when decided_on is null or decided_on > ${end} then 1 else 0 end) as carried_out
        from requests
        where agency_id = ${agencyId} and kind = 'disclosure'
          and received_on <= ${end} and (decided_on is null or decided_on >= ${start})
        group by applicant_type, channel`,
  );
  for (const r of open) {
    const column = r.applicant_type as ApplicantType;
    facts.received[column] += num(r.received);
    facts.carriedIn[column] += num(r.carried_in);
    facts.carriedOut[column] += num(r.carried_out);
    facts.byChannel[r.channel as RequestChannel] += num(r.received);
  }
  const decided = await rows(
    db,
    sql`select applicant_type, outcome, count(*) as n, sum(fee_fen) as fees,
          sum(case when outcome <> 'partial' then mixed_items else 0 end) as mixed
        from requests where agency_id = ${agencyId} and kind = 'disclosure' and decided_on between ${start} and ${end}
        group by applicant_type, outcome`,
  );
  for (const r of decided) {
    const outcome = r.outcome as Outcome;
    const row = facts.decided[outcome] ?? {};
    row[r.applicant_type as ApplicantType] = num(r.n);
    facts.decided[outcome] = row;
    facts.feesFen += num(r.fees);
    facts.mixedItemsNotPartial += num(r.mixed);
  }
  return { ...facts, corrections: await correctionFacts(db, agencyId, year) };
}

/** 条例 第四十一条: the year's correction requests, which table 三 does not count (section 六 states them). */
async function correctionFacts(db: Db, agencyId: number, year: number): Promise<CorrectionFacts> {
  const { start, end } = yearBounds(year);
  const facts = emptyCorrectionFacts();
  const found = await rows(
    db,
    sql`select correction_outcome,
          sum(case when received_on between ${start} and ${end} then 1 else 0 end) as received,
          sum(case when correction_decided_on between ${start} and ${end} then 1 else 0 end) as decided,
          sum(case when correction_decided_on is null or correction_decided_on > ${end} then 1 else 0 end) as pending
        from requests
        where agency_id = ${agencyId} and kind = 'record_correction' and received_on <= ${end}
          and (correction_decided_on is null or correction_decided_on >= ${start} or received_on >= ${start})
        group by correction_outcome`,
  );
  for (const r of found) {
    facts.received += num(r.received);
    facts.pending += num(r.pending);
    const outcome = r.correction_outcome === null ? null : String(r.correction_outcome);
    if (outcome && isCorrectionOutcome(outcome)) facts.decided[outcome] += num(r.decided);
  }
  return facts;
}

async function reviewFacts(db: Db, agencyId: number, year: number): Promise<ReviewFacts> {
  const { start, end } = yearBounds(year);
  const found = await rows(
    db,
    sql`select grp,
          sum(case when decided_on is null or result is null or decided_on > ${end} then 1 else 0 end) as pending,
          sum(case when decided_on <= ${end} and result = 'upheld' then 1 else 0 end) as upheld,
          sum(case when decided_on <= ${end} and result = 'corrected' then 1 else 0 end) as corrected,
          sum(case when decided_on <= ${end} and result = 'other' then 1 else 0 end) as other
        from review_cases where agency_id = ${agencyId} and filed_on between ${start} and ${end}
        group by grp`,
  );
  return Object.fromEntries(
    T4_GROUPS.map((g) => {
      const r = found.find((x) => x.grp === g);
      return [
        g,
        {
          upheld: num(r?.upheld),
          corrected: num(r?.corrected),
          other: num(r?.other),
          pending: num(r?.pending),
        },
      ];
    }),
  ) as ReviewFacts;
}

async function yearFacts(
  db: Db,
  agencyId: number,
  channels: Array<{ code: string; name: string }>,
  year: number,
) {
  const admin = await db.kysely
    .selectFrom('admin_figures')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .executeTakeFirst();
  const facts: YearFacts = {
    year,
    publications: await publicationFacts(db, agencyId, channels, year),
    normative: await normativeFacts(db, agencyId, year),
    admin: admin ? figuresOfRow(admin) : null,
    requests: await requestFacts(db, agencyId, year),
    reviews: await reviewFacts(db, agencyId, year),
  };
  return facts;
}

function hasRecords(facts: YearFacts): boolean {
  const received = Object.values(facts.requests.received).reduce((a, b) => a + b, 0);
  return facts.publications.total > 0 || received > 0 || facts.admin !== null;
}

/** The agency profile of a code, or null. */
export async function findAgencyProfile(
  db: Db,
  code: string,
): Promise<(AgencyProfile & { id: number }) | null> {
  const a = await db.kysely.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  if (!a) return null;
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind as AgencyKind,
    reportDeadline: a.report_deadline ?? null,
    shortName: a.short_name,
    address: a.address,
    postcode: a.postcode,
    phone: a.phone,
    website: a.website,
    websiteName: a.website_name,
    office: a.office,
  };
}

/** The aggregated facts of an agency-year and of the year before; null when the agency is unknown. */
export async function loadReportFacts(db: Db, agencyCode: string, year: number): Promise<ReportFacts | null> {
  return (await loadReportFactsWithId(db, agencyCode, year))?.facts ?? null;
}

/**
 * loadReportFacts, with the agency's row id (for reading what else is stored of that agency).
 * `previous: false` skips the year before (its published version stands in for it).
 */
export async function loadReportFactsWithId(
  db: Db,
  agencyCode: string,
  year: number,
  options: { previous?: boolean } = {},
): Promise<{ agencyId: number; facts: ReportFacts } | null> {
  const agency = await findAgencyProfile(db, agencyCode);
  if (!agency) return null;
  const channels = await db.kysely
    .selectFrom('agency_channels')
    .select(['code', 'name'])
    .where('agency_id', '=', agency.id)
    .orderBy('sort')
    .execute();
  const current = await yearFacts(db, agency.id, channels, year);
  const previous = options.previous === false ? null : await yearFacts(db, agency.id, channels, year - 1);
  const { id: _id, ...profile } = agency;
  return {
    agencyId: agency.id,
    facts: { agency: profile, year, current, previous: previous && hasRecords(previous) ? previous : null },
  };
}
