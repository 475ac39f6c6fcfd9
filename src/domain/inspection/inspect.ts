/**
 * The day's self-inspection of one agency's site, from plain inputs (issue 15, docs/inspection.md):
 * its columns with their class, last published date and note; the latest item on the site (the home
 * page shows the newest items, so its last update is the site's); its policy documents and their
 * interpretations. Days are calendar days — the rule counts 周 and 个月, not working days.
 *
 * Each column has a last fresh day (its last item + its class's period); it is stale the day after,
 * and warns (预警) from 7 days before (ALARM_DAYS): a 动态 column at ≥ 7 days since its last item. A
 * count is 预警 when the columns stale within 7 days would reach its threshold; blank columns warn
 * from the first (a note or an item fixes each one at once).
 */
import { addDays } from '../calendar/days.ts';
import type { EntryCheck, EntryCheckState } from '../catalog/lapse.ts';
import { SILENCE_VETO_DAYS, silence } from '../new-media/silence.ts';
import { CLASS_PERIODS, type ColumnClass, type UpdatePeriod } from './column-classes.ts';
import { daysFrom, freshUntil } from './days.ts';
import {
  ALARM_DAYS,
  INDICATOR_CODES,
  INDICATORS,
  type IndicatorCode,
  type IndicatorState,
  tripped,
} from './indicators.ts';
import { deadReason, type StoredDeadLink } from './links-dead.ts';

export interface InspectedColumn {
  scope: 'category' | 'column';
  code: string;
  name: string;
  columnClass: ColumnClass;
  /** an `other` column's expected frequency in days (null: no rule) */
  frequencyDays: number | null;
  /** published items in it */
  count: number;
  lastPublishedOn: string | null;
  /** its 备注说明, '' when none */
  note: string;
}

export interface InspectedPolicy {
  id: number;
  title: string;
  publishedOn: string;
  /** its published interpretations */
  interpretations: number;
}

export interface InspectedInterpretation {
  id: number;
  title: string;
  /** the item it interprets, null when none */
  policyId: number | null;
  /** whether that item is a published policy document (so its page lists this interpretation) */
  policyPublished: boolean;
}

/** An 政务新媒体 account operating on the inspected day, with its last posting on or before it. */
export interface InspectedAccount {
  id: number;
  name: string;
  /** 微信公众号, 微博… */
  platformLabel: string;
  /** the start of its operating stretch: its opening, or its last reopening (恢复运营) by the day */
  openedOn: string;
  lastPostedOn: string | null;
}

/** A 标准目录 entry as the inspection sees it: its check on the day (domain/catalog/lapse.ts). */
export interface InspectedCatalogEntry {
  id: number;
  title: string;
  deadline: string;
  check: EntryCheck;
}

export interface InspectionInput {
  today: string;
  columns: readonly InspectedColumn[];
  /** the newest published item on the site */
  lastPublishedOn: string | null;
  /** the published policy documents in force (有效) */
  policies: readonly InspectedPolicy[];
  /** this and every year's published policy documents: year → [policies, interpreted] */
  policiesByYear: ReadonlyArray<{ year: number; policies: number; interpreted: number }>;
  interpretations: readonly InspectedInterpretation[];
  /** the agency's 政务新媒体 accounts operating on the day (none: the indicator is 合格) */
  accounts?: readonly InspectedAccount[];
  /** the latest link check on or before the day (null: never checked) */
  links?: InspectedLinks | null;
  /** the agency's 标准目录 entries with their checks (none: no catalogue) */
  catalog?: readonly InspectedCatalogEntry[];
}

/** An account named in a finding: its silence in days and the days left before the veto. */
export interface AccountFinding {
  id: number;
  name: string;
  platformLabel: string;
  lastPostedOn: string | null;
  days: number;
  daysToVeto: number;
}

/** The latest link check's dead links (死链). */
export interface InspectedLinks {
  /** the day of the check */
  checkedOn: string;
  dead: readonly StoredDeadLink[];
}

/** A dead link named in the `links.dead` finding. */
export interface LinkFinding {
  url: string;
  kind: StoredDeadLink['kind'];
  status: number | null;
  /** why, in Chinese: 404（未找到）, 附件文件缺失 */
  reason: string;
  pages: string[];
  pageCount: number;
  firstSeen: string;
}

/** The dead links a day's `links.dead` result lists (the check's full list: GET …/inspection/links). */
export const MAX_LINK_FINDINGS = 100;

/** A column named in a finding: its last item and the last day it is fresh. */
export interface ColumnFinding {
  scope: 'category' | 'column';
  code: string;
  name: string;
  columnClass: ColumnClass;
  lastPublishedOn: string | null;
  freshUntil: string | null;
  /** days left until it is stale (negative: stale that many days) */
  daysLeft: number | null;
}

export interface InspectionDetails {
  columns?: ColumnFinding[];
  items?: Array<{ id: number; title: string }>;
  years?: Array<{ year: number; policies: number; interpreted: number; ratio: number | null }>;
  lastPublishedOn?: string | null;
  accounts?: AccountFinding[];
  links?: LinkFinding[];
  /** the day of the link check the finding comes from (null: never checked) */
  checkedOn?: string | null;
  /** 标准目录: entries lapsed or due within 7 days, and how many are not checked by date */
  entries?: Array<{
    id: number;
    title: string;
    deadline: string;
    state: EntryCheckState;
    dueOn: string | null;
    daysLeft: number | null;
    lastPublishedOn: string | null;
  }>;
  catalog?: { entries: number; unchecked: number; unmapped: number };
}

export interface IndicatorResult {
  indicator: IndicatorCode;
  value: number | null;
  threshold: number;
  state: IndicatorState;
  veto: boolean;
  details: InspectionDetails;
}

/** The period a column is held to: its class's, or an `other` column's own frequency; null when none. */
export function periodOf(
  column: Pick<InspectedColumn, 'columnClass' | 'frequencyDays'>,
): UpdatePeriod | null {
  const period = CLASS_PERIODS[column.columnClass];
  if (period) return period;
  return column.frequencyDays ? { days: column.frequencyDays } : null;
}

/** A column with items and a period, with its last fresh day and the days left until then. */
function finding(column: InspectedColumn, today: string): ColumnFinding | null {
  const period = periodOf(column);
  if (!period || column.count === 0 || !column.lastPublishedOn) return null;
  const until = freshUntil(column.lastPublishedOn, period);
  return {
    scope: column.scope,
    code: column.code,
    name: column.name,
    columnClass: column.columnClass,
    lastPublishedOn: column.lastPublishedOn,
    freshUntil: until,
    daysLeft: daysFrom(today, until),
  };
}

function result(
  code: IndicatorCode,
  value: number | null,
  state: IndicatorState,
  details: InspectionDetails,
) {
  const { threshold, veto } = INDICATORS[code];
  return { indicator: code, value, threshold, state, veto, details };
}

/** A count of columns: 不合格 at its threshold, 预警 when those stale within 7 days would reach it. */
function columnCount(code: IndicatorCode, findings: ColumnFinding[]): IndicatorResult {
  const definition = INDICATORS[code];
  const stale = findings.filter((f) => (f.daysLeft ?? 0) < 0);
  const soon = findings.filter((f) => (f.daysLeft ?? 0) <= ALARM_DAYS);
  const state: IndicatorState = tripped(definition, stale.length)
    ? 'failed'
    : tripped(definition, soon.length)
      ? 'alarm'
      : 'ok';
  return result(code, stale.length, state, { columns: soon });
}

function homeResult(input: InspectionInput): IndicatorResult {
  const definition = INDICATORS['home.stale'];
  const last = input.lastPublishedOn;
  if (!last) return result('home.stale', null, 'failed', { lastPublishedOn: null });
  const days = daysFrom(last, input.today);
  const until = addDays(last, definition.threshold);
  const state: IndicatorState = tripped(definition, days)
    ? 'failed'
    : daysFrom(input.today, until) <= ALARM_DAYS
      ? 'alarm'
      : 'ok';
  return result('home.stale', days, state, { lastPublishedOn: last });
}

function interpretationResults(input: InspectionInput): IndicatorResult[] {
  const missing = input.policies.filter((p) => p.interpretations === 0);
  const unlinked = input.interpretations.filter((i) => i.policyId === null || !i.policyPublished);
  const year = Number(input.today.slice(0, 4));
  const years = input.policiesByYear.map((y) => ({
    ...y,
    ratio: y.policies === 0 ? null : Math.round((y.interpreted / y.policies) * 1000) / 10,
  }));
  const ratio = years.find((y) => y.year === year)?.ratio ?? null;
  const items = (list: ReadonlyArray<{ id: number; title: string }>) =>
    list.map(({ id, title }) => ({ id, title }));
  return [
    result('interpretation.missing', missing.length, missing.length > 0 ? 'failed' : 'ok', {
      items: items(missing),
    }),
    result('interpretation.unlinked', unlinked.length, unlinked.length > 0 ? 'failed' : 'ok', {
      items: items(unlinked),
    }),
    result(
      'interpretation.ratio',
      ratio,
      ratio !== null && tripped(INDICATORS['interpretation.ratio'], ratio) ? 'alarm' : 'ok',
      { years },
    ),
  ];
}

/**
 * 政务新媒体 silence (domain/new-media/silence.ts, the same rule the registry shows): the accounts
 * silent 14 days or more are the value; 预警 while any is silent 7 days or more.
 */
function accountsResult(input: InspectionInput): IndicatorResult {
  const findings: AccountFinding[] = [];
  for (const account of input.accounts ?? []) {
    const found = silence(
      { state: 'operating', openedOn: account.openedOn },
      account.lastPostedOn,
      input.today,
    );
    if (found.level !== 'warning' && found.level !== 'overdue') continue;
    findings.push({
      id: account.id,
      name: account.name,
      platformLabel: account.platformLabel,
      lastPostedOn: account.lastPostedOn,
      days: found.days ?? 0,
      daysToVeto: found.daysToVeto ?? 0,
    });
  }
  findings.sort((a, b) => b.days - a.days || a.id - b.id);
  const silent = findings.filter((f) => f.days >= SILENCE_VETO_DAYS).length;
  const state: IndicatorState = silent > 0 ? 'failed' : findings.length > 0 ? 'alarm' : 'ok';
  return result('newmedia.silent', silent, state, { accounts: findings });
}

/** 死链: the latest check's dead links; never checked is 预警 (nothing is known yet), any dead link 不合格. */
function linksResult(links: InspectedLinks | null | undefined): IndicatorResult {
  if (!links) return result('links.dead', null, 'alarm', { checkedOn: null, links: [] });
  const count = links.dead.length;
  const findings = links.dead.slice(0, MAX_LINK_FINDINGS).map((d) => ({
    url: d.url,
    kind: d.kind,
    status: d.status,
    reason: deadReason(d),
    pages: d.pages,
    pageCount: d.pageCount,
    firstSeen: d.firstSeen,
  }));
  const state: IndicatorState = tripped(INDICATORS['links.dead'], count) ? 'failed' : 'ok';
  return result('links.dead', count, state, { checkedOn: links.checkedOn, links: findings });
}

/** 标准目录事项逾期未公开: 不合格 when an entry lapsed, 预警 when one is due within 7 days with nothing yet. */
function catalogResult(entries: readonly InspectedCatalogEntry[]): IndicatorResult {
  const listed = entries
    .filter((e) => e.check.state === 'lapsed' || e.check.state === 'alarm')
    .map((e) => ({
      id: e.id,
      title: e.title,
      deadline: e.deadline,
      state: e.check.state,
      dueOn: e.check.dueOn,
      daysLeft: e.check.daysLeft,
      lastPublishedOn: e.check.lastPublishedOn,
    }));
  const lapsed = listed.filter((e) => e.state === 'lapsed').length;
  const state: IndicatorState = tripped(INDICATORS['catalog.lapsed'], lapsed)
    ? 'failed'
    : listed.length > 0
      ? 'alarm'
      : 'ok';
  return result('catalog.lapsed', lapsed, state, {
    entries: listed,
    catalog: {
      entries: entries.length,
      unchecked: entries.filter((e) => e.check.state === 'unchecked').length,
      unmapped: entries.filter((e) => e.check.state === 'unmapped').length,
    },
  });
}

/** Every indicator of the day, in INDICATOR_CODES order. */
export function inspect(input: InspectionInput): IndicatorResult[] {
  const findings = input.columns
    .map((c) => finding(c, input.today))
    .filter((f): f is ColumnFinding => f !== null);
  const byRule = findings.filter((f) => f.columnClass !== 'other');
  const byFrequency = findings.filter((f) => f.columnClass === 'other');
  const blank = input.columns.filter((c) => c.count === 0 && c.note.trim() === '');
  const blankFindings: ColumnFinding[] = blank.map((c) => ({
    scope: c.scope,
    code: c.code,
    name: c.name,
    columnClass: c.columnClass,
    lastPublishedOn: null,
    freshUntil: null,
    daysLeft: null,
  }));
  const blankDefinition = INDICATORS['columns.blank'];
  const results: IndicatorResult[] = [
    homeResult(input),
    columnCount('columns.stale', byRule),
    columnCount('columns.lapsed', byFrequency),
    result(
      'columns.blank',
      blank.length,
      tripped(blankDefinition, blank.length) ? 'failed' : blank.length > 0 ? 'alarm' : 'ok',
      { columns: blankFindings },
    ),
    ...interpretationResults(input),
    accountsResult(input),
    linksResult(input.links),
    catalogResult(input.catalog ?? []),
  ];
  return INDICATOR_CODES.map((code) => results.find((r) => r.indicator === code) as IndicatorResult);
}

/** Whether any 单项否决 indicator tripped: the site is 不合格 (`gongkai inspect` exits 1). */
export function vetoed(results: readonly IndicatorResult[]): boolean {
  return results.some((r) => r.veto && r.state === 'failed');
}

/** The day's counts by state, as the `inspection.run` event keeps them. */
export function stateCounts(
  results: readonly IndicatorResult[],
): Record<IndicatorState, number> & { vetoed: number } {
  return {
    ok: results.filter((r) => r.state === 'ok').length,
    alarm: results.filter((r) => r.state === 'alarm').length,
    failed: results.filter((r) => r.state === 'failed').length,
    vetoed: results.filter((r) => r.veto && r.state === 'failed').length,
  };
}
