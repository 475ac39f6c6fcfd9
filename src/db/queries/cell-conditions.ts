/**
 * The WHERE conditions of the records behind a cell: the facts SQL's year attribution
 * (report-facts.ts), written once more with the query builder so the rows themselves can be listed.
 */
import type { ExpressionBuilder } from 'kysely';
import type { CellSource } from '../../domain/report/cell-source.ts';
import { isOutcomeRow, outcomesOfRow } from '../../domain/report/cell-source.ts';
import { yearBounds } from '../../domain/report/facts.ts';
import type { Database } from '../schema.ts';

type Source = Exclude<CellSource, { kind: 'figures' }>;

/**
 * Normative documents: issued in the year (2019: also 本年新公开数量, as a document is public from its
 * issue date), repealed in it, in force on 31 December, or issued by then (2019: 对外公开总数量).
 */
export function normativeWhere(
  eb: ExpressionBuilder<Database, 'normative_documents'>,
  year: number,
  s: Extract<Source, { kind: 'normative' }>,
) {
  const { start, end } = yearBounds(year);
  const conditions = [eb('kind', '=', s.docKind)];
  if (s.column === 'issued' || s.column === 'published') conditions.push(eb.between('issued_on', start, end));
  else if (s.column === 'published_total') conditions.push(eb('issued_on', '<=', end));
  else if (s.column === 'repealed') conditions.push(eb.between('repealed_on', start, end));
  else
    conditions.push(
      eb('issued_on', '<=', end),
      eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', end)]),
    );
  return eb.and(conditions);
}

/** Requests of a table 三 row and column. */
export function requestWhere(
  eb: ExpressionBuilder<Database, 'requests'>,
  year: number,
  s: Extract<Source, { kind: 'requests' }>,
) {
  const { start, end } = yearBounds(year);
  // table 三 counts 政府信息公开申请 only: a correction request (条例 第四十一条) is never behind its cells
  const conditions = [eb('kind', '=', 'disclosure')];
  if (s.column !== 'total') conditions.push(eb('applicant_type', '=', s.column));
  if (isOutcomeRow(s.row)) {
    conditions.push(eb.between('decided_on', start, end));
    conditions.push(eb('outcome', 'in', [...outcomesOfRow(s.row)]));
    return eb.and(conditions);
  }
  const undecidedAt = (day: string, inclusive: boolean) =>
    eb.or([eb('decided_on', 'is', null), eb('decided_on', inclusive ? '>=' : '>', day)]);
  // The facts SQL's window: received by the year's end and not decided before its start.
  conditions.push(eb('received_on', '<=', end), undecidedAt(start, true));
  if (s.row === 'new') conditions.push(eb('received_on', '>=', start));
  if (s.row === 'carried_in') conditions.push(eb('received_on', '<', start));
  if (s.row === 'carried_out') conditions.push(undecidedAt(end, false));
  return eb.and(conditions);
}

/** Review cases of a table 四 group and column. */
export function reviewWhere(
  eb: ExpressionBuilder<Database, 'review_cases'>,
  year: number,
  s: Extract<Source, { kind: 'reviews' }>,
) {
  const { start, end } = yearBounds(year);
  const conditions = [eb('grp', '=', s.group), eb.between('filed_on', start, end)];
  if (s.column === 'pending')
    conditions.push(
      eb.or([eb('decided_on', 'is', null), eb('result', 'is', null), eb('decided_on', '>', end)]),
    );
  else if (s.column !== 'total') conditions.push(eb('decided_on', '<=', end), eb('result', '=', s.column));
  return eb.and(conditions);
}

/** Publications of the year, of a channel or with a flag. */
export function publicationWhere(
  eb: ExpressionBuilder<Database, 'publications'>,
  year: number,
  s: Extract<Source, { kind: 'publications' }>,
) {
  const { start, end } = yearBounds(year);
  const conditions = [eb.between('published_on', start, end)];
  if (s.channel) conditions.push(eb('channel', '=', s.channel));
  const flagColumn = {
    meetings: 'is_meeting',
    policy_documents: 'is_policy_document',
    interpretations: 'is_interpretation',
    online_interviews: 'is_online_interview',
  } as const;
  if (s.flag) conditions.push(eb(flagColumn[s.flag], '=', 1));
  return eb.and(conditions);
}
