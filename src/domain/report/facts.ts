import { CORRECTION_OUTCOMES } from '../requests/record-correction.ts';
import { zeroColumns } from './cells.ts';
import {
  hasMixedItems,
  type NormativeRecord,
  type PublicationRecord,
  type RequestRecord,
  type ReviewRecord,
} from './records.ts';
import type {
  AdminFigures,
  CorrectionFacts,
  NormativeFacts,
  RequestFacts,
  ReviewFacts,
  YearFacts,
} from './types.ts';
import { REQUEST_CHANNELS, type RequestChannel, T4_GROUPS } from './vocabulary.ts';

/** The first and last day of a year, as ISO dates (dates compare as text). */
export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

export interface AgencyRecords {
  channels: ReadonlyArray<{ code: string; name: string }>;
  publications: readonly PublicationRecord[];
  normative: readonly NormativeRecord[];
  requests: readonly RequestRecord[];
  reviews: readonly ReviewRecord[];
  admin: ReadonlyMap<number, AdminFigures>;
}

function normativeFacts(records: readonly NormativeRecord[], year: number): NormativeFacts {
  const { start, end } = yearBounds(year);
  let issued = 0;
  let repealed = 0;
  let valid = 0;
  let issuedToDate = 0;
  for (const r of records) {
    if (r.issuedOn >= start && r.issuedOn <= end) issued++;
    if (r.repealedOn && r.repealedOn >= start && r.repealedOn <= end) repealed++;
    if (r.issuedOn <= end && (!r.repealedOn || r.repealedOn > end)) valid++;
    if (r.issuedOn <= end) issuedToDate++;
  }
  return { issued, repealed, valid, issuedToDate };
}

/** Correction requests with every count at zero. */
export function emptyCorrectionFacts(): CorrectionFacts {
  return {
    received: 0,
    decided: Object.fromEntries(CORRECTION_OUTCOMES.map((o) => [o, 0])) as CorrectionFacts['decided'],
    pending: 0,
  };
}

/** Request facts with every count at zero: the start of both aggregations (in memory and SQL). */
export function emptyRequestFacts(): RequestFacts {
  return {
    corrections: emptyCorrectionFacts(),
    received: zeroColumns(),
    carriedIn: zeroColumns(),
    carriedOut: zeroColumns(),
    decided: {},
    byChannel: Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, 0])) as Record<RequestChannel, number>,
    feesFen: 0,
    mixedItemsNotPartial: 0,
  };
}

function requestFacts(records: readonly RequestRecord[], year: number): RequestFacts {
  const { start, end } = yearBounds(year);
  const facts = emptyRequestFacts();
  const corrections = emptyCorrectionFacts();
  for (const r of records) {
    // 条例 第四十一条: a correction request is not a 政府信息公开申请; table 三 does not count it, section 六 does
    if (r.kind === 'record_correction') {
      if (r.receivedOn >= start && r.receivedOn <= end) corrections.received++;
      if (r.decidedOn && r.correctionOutcome && r.decidedOn >= start && r.decidedOn <= end)
        corrections.decided[r.correctionOutcome]++;
      if (r.receivedOn <= end && (!r.decidedOn || r.decidedOn > end)) corrections.pending++;
      continue;
    }
    const column = r.applicantType;
    if (r.receivedOn >= start && r.receivedOn <= end) {
      facts.received[column]++;
      facts.byChannel[r.channel]++;
    }
    if (r.receivedOn < start && (!r.decidedOn || r.decidedOn >= start)) facts.carriedIn[column]++;
    if (r.receivedOn <= end && (!r.decidedOn || r.decidedOn > end)) facts.carriedOut[column]++;
    if (r.decidedOn && r.outcome && r.decidedOn >= start && r.decidedOn <= end) {
      const row = facts.decided[r.outcome] ?? {};
      row[column] = (row[column] ?? 0) + 1;
      facts.decided[r.outcome] = row;
      facts.feesFen += r.feeFen;
      if (r.outcome !== 'partial' && hasMixedItems(r.itemOutcomes)) facts.mixedItemsNotPartial++;
    }
  }
  return { ...facts, corrections };
}

function reviewFacts(records: readonly ReviewRecord[], year: number): ReviewFacts {
  const { start, end } = yearBounds(year);
  const facts = Object.fromEntries(
    T4_GROUPS.map((g) => [g, { upheld: 0, corrected: 0, other: 0, pending: 0 }]),
  ) as ReviewFacts;
  for (const r of records) {
    if (r.filedOn < start || r.filedOn > end) continue;
    const g = facts[r.group];
    if (!r.decidedOn || !r.result || r.decidedOn > end) g.pending++;
    else g[r.result]++;
  }
  return facts;
}

/**
 * The facts of one year computed from raw records in memory. The database computes the same
 * facts with SQL aggregates (db/queries/report-facts.ts); tests hold the two to each other.
 */
export function yearFactsFromRecords(records: AgencyRecords, year: number): YearFacts {
  const { start, end } = yearBounds(year);
  const inYear = records.publications.filter((p) => p.publishedOn >= start && p.publishedOn <= end);
  const counts = new Map<string, number>();
  for (const p of inYear) counts.set(p.channel, (counts.get(p.channel) ?? 0) + 1);
  return {
    year,
    publications: {
      byChannel: records.channels.map((c) => ({
        code: c.code,
        name: c.name,
        count: counts.get(c.code) ?? 0,
      })),
      total: inYear.length,
      meetings: inYear.filter((p) => p.isMeeting).length,
      policyDocuments: inYear.filter((p) => p.isPolicyDocument).length,
      interpretations: inYear.filter((p) => p.isInterpretation).length,
      onlineInterviews: inYear.filter((p) => p.isOnlineInterview).length,
    },
    normative: {
      regulation: normativeFacts(
        records.normative.filter((n) => n.kind === 'regulation'),
        year,
      ),
      normative: normativeFacts(
        records.normative.filter((n) => n.kind === 'normative'),
        year,
      ),
    },
    admin: records.admin.get(year) ?? null,
    requests: requestFacts(records.requests, year),
    reviews: reviewFacts(records.reviews, year),
  };
}
