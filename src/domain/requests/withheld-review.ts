/**
 * The yearly review of information withheld under 条例 第十六条 (issue 11 point 5). Pure.
 *
 * - 条例 第十八条：“行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期评估审查，
 *   对因情势变化可以公开的政府信息应当公开。”
 * - 条例 第十六条：“行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。
 *   行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，
 *   可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。”
 *
 * What is reviewed: each piece of information an answer withheld under 第十六条 — a case refused as a
 * whole (表三 （三）5–7), an item refused under it in a case answered item by item, or the withheld
 * part of a 部分公开 whose `withheldUnder` is `a16`. It is on a year's list when it was withheld by
 * the year's end, and comes back every year (定期评估审查) until a year's decision turns it public.
 */

import { OUTCOME_LABELS } from '../report/vocabulary.ts';
import { LAW_NAMES } from './outcome-basis.ts';

/** The refusals under 第十六条: 内部事务 (第一款), 过程性信息 and 行政执法案卷 (第二款). */
export const A16_OUTCOMES = [
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_file',
] as const;
export type A16Outcome = (typeof A16_OUTCOMES)[number];

const A16_PARAGRAPH: Record<A16Outcome, string> = {
  'denied.internal_affairs': '第十六条第一款',
  'denied.process_info': '第十六条第二款',
  'denied.enforcement_file': '第十六条第二款',
};

/** Whether an outcome is a refusal under 第十六条. */
export function isA16Outcome(outcome: string): outcome is A16Outcome {
  return (A16_OUTCOMES as readonly string[]).includes(outcome);
}

/** A year's decision on one piece of withheld information. */
export const WITHHELD_REVIEW_DECISIONS = ['kept', 'disclosed'] as const;
export type WithheldReviewDecision = (typeof WITHHELD_REVIEW_DECISIONS)[number];

export const WITHHELD_REVIEW_DECISION_LABELS: Record<WithheldReviewDecision, string> = {
  kept: '继续不予公开',
  disclosed: '转为公开',
};

/** A decided case as the review reads it: its row and what its `decided` event recorded. */
export interface DecidedCase {
  requestId: number;
  /** the registration number, or the imported reference */
  caseNo: string | null;
  decidedOn: string;
  outcome: string;
  /** the information sought (第二十九条) */
  information: string | null;
  /** the `requests.decided` event's data; null for a record imported without its case history */
  decision: {
    items?: ReadonlyArray<{ description: string; outcome: string }>;
    withheldUnder?: string;
    fields?: { reason?: string };
  } | null;
}

/** One piece of information withheld under 第十六条. */
export interface WithheldSubject {
  requestId: number;
  /** 0: the case (or a 部分公开's withheld part); n: the case's n-th item */
  part: number;
  caseNo: string;
  decidedOn: string;
  /** what the information is: the item's description, or the information sought */
  description: string;
  /** a 部分公开's withheld part as the answer stated it (不予公开部分的理由), else null */
  withheldPart: string | null;
  /** the outcome it was withheld with (`partial` for a 部分公开's withheld part) */
  outcome: string;
  /** the basis in words: “属于四类过程性信息（条例第十六条第二款）” */
  basis: string;
}

const ORDINANCE = LAW_NAMES.ordinance;
const NO_DESCRIPTION = '（该记录未载明所申请的信息）';

function basisOf(outcome: A16Outcome): string {
  return `${OUTCOME_LABELS[outcome].replace(/^\d+\./, '')}（${ORDINANCE}${A16_PARAGRAPH[outcome]}）`;
}

/**
 * The pieces of information a decided case withheld under 第十六条: its items refused under it
 * (answered item by item), or the case refused under it as a whole, or a 部分公开's withheld part
 * resting on it (`withheldUnder: 'a16'`). A record imported without its decision counts by its
 * outcome alone (a 部分公开 without the decision does not say what its withheld part rests on).
 */
export function withheldSubjectsOf(c: DecidedCase): WithheldSubject[] {
  const caseNo = c.caseNo ?? `申请 ${c.requestId}`;
  const common = { requestId: c.requestId, caseNo, decidedOn: c.decidedOn };
  const information = c.information?.trim() || NO_DESCRIPTION;
  const items = c.decision?.items ?? [];
  if (items.length > 0)
    return items.flatMap((item, i) =>
      isA16Outcome(item.outcome)
        ? [
            {
              ...common,
              part: i + 1,
              description: item.description,
              withheldPart: null,
              outcome: item.outcome,
              basis: basisOf(item.outcome),
            },
          ]
        : [],
    );
  if (isA16Outcome(c.outcome))
    return [
      {
        ...common,
        part: 0,
        description: information,
        withheldPart: null,
        outcome: c.outcome,
        basis: basisOf(c.outcome),
      },
    ];
  if (c.outcome === 'partial' && c.decision?.withheldUnder === 'a16')
    return [
      {
        ...common,
        part: 0,
        description: information,
        withheldPart: c.decision.fields?.reason?.trim() || null,
        outcome: 'partial',
        basis: `部分公开，不予公开部分属于内部事务信息、过程性信息或行政执法案卷信息（${ORDINANCE}第十六条）`,
      },
    ];
  return [];
}

/** A stored review decision (withheld_reviews). */
export interface WithheldReviewRecord {
  id: number;
  year: number;
  requestId: number;
  part: number;
  seq: number;
  decision: WithheldReviewDecision;
  reason: string;
  itemId: number | null;
  actor: string;
  /** who, as people read it: the user's name (姓名) */
  actorName: string;
  recordedAt: string;
}

export type WithheldReviewStatus = 'pending' | WithheldReviewDecision;

export const WITHHELD_REVIEW_STATUS_LABELS: Record<WithheldReviewStatus, string> = {
  pending: '待审查',
  ...WITHHELD_REVIEW_DECISION_LABELS,
};

/** One line of a year's list: the information, this year's decision (the latest) and its history. */
export interface WithheldReviewEntry extends WithheldSubject {
  status: WithheldReviewStatus;
  /** this year's decision in force (the latest), or null */
  current: WithheldReviewRecord | null;
  /** this year's decisions in order, corrections included */
  history: WithheldReviewRecord[];
  /** the latest earlier year's decision (继续不予公开), or null on its first review */
  previous: WithheldReviewRecord | null;
  /** a later year with a decision on it (this year's is then closed), or null */
  laterYear: number | null;
}

export interface WithheldReviewSummary {
  /** on the year's list */
  total: number;
  /** decided this year (kept + disclosed) */
  reviewed: number;
  kept: number;
  disclosed: number;
  pending: number;
}

const sameSubject = (s: { requestId: number; part: number }) => (r: WithheldReviewRecord) =>
  r.requestId === s.requestId && r.part === s.part;

/** The decision in force of each year with one: the latest (highest seq). */
function latestByYear(records: readonly WithheldReviewRecord[]): Map<number, WithheldReviewRecord> {
  const latest = new Map<number, WithheldReviewRecord>();
  for (const r of records) {
    const seen = latest.get(r.year);
    if (!seen || r.seq > seen.seq) latest.set(r.year, r);
  }
  return latest;
}

/**
 * A year's list (第十八条 定期评估审查): every subject withheld by the year's end, unless an earlier
 * year's decision turned it public; with this year's decision and history. Oldest decisions first.
 */
export function withheldReviewList(
  subjects: readonly WithheldSubject[],
  records: readonly WithheldReviewRecord[],
  year: number,
): WithheldReviewEntry[] {
  const yearEnd = `${year}-12-31`;
  const entries: WithheldReviewEntry[] = [];
  for (const subject of subjects) {
    if (subject.decidedOn > yearEnd) continue;
    const own = records.filter(sameSubject(subject));
    const latest = latestByYear(own);
    const earlier = [...latest.entries()].filter(([y]) => y < year).sort(([a], [b]) => a - b);
    const later = [...latest.keys()].filter((y) => y > year);
    if (earlier.some(([, r]) => r.decision === 'disclosed')) continue;
    const history = own.filter((r) => r.year === year).sort((a, b) => a.seq - b.seq);
    const current = history.at(-1) ?? null;
    entries.push({
      ...subject,
      status: current?.decision ?? 'pending',
      current,
      history,
      previous: earlier.at(-1)?.[1] ?? null,
      laterYear: later.length > 0 ? Math.max(...later) : null,
    });
  }
  return entries.sort(
    (a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.requestId - b.requestId || a.part - b.part,
  );
}

/** The year's summary: how many were on the list, reviewed, kept, turned public, still pending. */
export function withheldReviewSummary(entries: readonly WithheldReviewEntry[]): WithheldReviewSummary {
  const count = (status: WithheldReviewStatus) => entries.filter((e) => e.status === status).length;
  const kept = count('kept');
  const disclosed = count('disclosed');
  return { total: entries.length, reviewed: kept + disclosed, kept, disclosed, pending: count('pending') };
}

/** What a new decision asks for. */
export interface WithheldReviewRequest {
  decision: WithheldReviewDecision;
  /** the id of this year's decision it corrects (null for the year's first) */
  replaces: number | null;
}

export type WithheldReviewRefusal = {
  code: 'not_found' | 'conflict' | 'invalid_state' | 'validation';
  message: string;
};

/**
 * Why a decision may not be recorded, or null. The year may not be later than this one; the
 * information must be on the year's list, with no decision of a later year yet; a correction names the decision it corrects (someone
 * else's newer one is a conflict); a decision already 转为公开 is not turned public twice, and is not
 * taken back while the item it opened is published (withdraw it in 主动公开 first).
 */
export function withheldReviewRefusal(input: {
  year: number;
  today: string;
  entry: WithheldReviewEntry | undefined;
  request: WithheldReviewRequest;
  /** the state of the item the current 转为公开 opened */
  openedItemState?: string;
}): WithheldReviewRefusal | null {
  const { year, today, entry, request } = input;
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear)
    return { code: 'validation', message: `审查年度 ${year} 尚未开始，请选择 ${thisYear} 年或以前的年度。` };
  if (!entry)
    return {
      code: 'not_found',
      message: `该信息不在本机关 ${year} 年度不予公开信息的审查清单中（须为 ${year} 年底前依条例第十六条不予公开、且此前未转为公开的信息）。`,
    };
  if (entry.laterYear !== null)
    return {
      code: 'invalid_state',
      message: `该信息已有 ${entry.laterYear} 年度的审查决定，${year} 年度的决定不能再作出或更正；请在 ${entry.laterYear} 年度的清单中处理。`,
    };
  const current = entry.current;
  if ((request.replaces ?? null) !== (current?.id ?? null))
    return {
      code: 'conflict',
      message: current
        ? `该信息本年度已有审查决定（${WITHHELD_REVIEW_DECISION_LABELS[current.decision]}，${current.actor}），更正须注明所更正的决定（编号 ${current.id}）；请刷新后重试。`
        : '该信息本年度尚无审查决定，没有可更正的决定；请刷新后重试。',
    };
  if (current?.decision === 'disclosed' && request.decision === 'disclosed')
    return {
      code: 'invalid_state',
      message: `该信息本年度已决定转为公开，并已起草待公开信息 ${current.itemId}，不能重复转为公开。`,
    };
  if (current?.decision === 'disclosed' && input.openedItemState === 'published')
    return {
      code: 'invalid_state',
      message: `该信息已作为公开信息 ${current.itemId} 发布，不能改为继续不予公开；如确需更正，请先在“主动公开”中撤回该信息。`,
    };
  return null;
}
