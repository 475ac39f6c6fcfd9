/**
 * The 网站自查 evidence pack (issue 15, docs/inspection.md “Evidence pack”): the stored daily results
 * of one agency — or of every agency of a supervisor's subtree — over a period, summed up per
 * indicator (days 合格/预警/不合格/未运行, the worst value, the first and last 不合格 day), the daily
 * values, the findings of the days that were not 合格, and a SHA-256 digest of the data so the 监管
 * office can check that a PDF and an XLSX carry the same stored results.
 *
 * Indicators are iterated from the stored rows in the order of INDICATOR_CODES (other slices add
 * indicators: nothing here lists them); a stored code the platform no longer defines keeps its code
 * as its name.
 */
import { createHash } from 'node:crypto';
import { addDays } from '../calendar/days.ts';
import { COLUMN_CLASS_LABELS, type ColumnClass } from './column-classes.ts';
import { daysFrom } from './days.ts';
import {
  INDICATOR_CODES,
  INDICATOR_STATE_LABELS,
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorState,
  thresholdLabel,
} from './indicators.ts';

/** The longest period one pack covers (a year and a day, as the history route's limit). */
export const EVIDENCE_MAX_DAYS = 366;

/** One stored result (inspection_results) of an agency's day. */
export interface EvidenceRow {
  agency: string;
  day: string;
  indicator: string;
  value: number | null;
  threshold: number;
  state: IndicatorState;
  /** the findings as stored (JSON object) */
  details: Record<string, unknown>;
}

export interface EvidenceAgency {
  code: string;
  name: string;
}

export interface IndicatorSummary {
  agency: string;
  indicator: string;
  name: string;
  veto: boolean;
  unit: string;
  thresholdLabel: string;
  days: Record<IndicatorState | 'missing', number>;
  /** the highest value (the lowest for an indicator that trips below its threshold); null: none */
  worst: number | null;
  firstFailedOn: string | null;
  lastFailedOn: string | null;
}

export interface EvidenceFinding {
  agency: string;
  day: string;
  indicator: string;
  state: IndicatorState;
  text: string;
}

export interface EvidencePack {
  from: string;
  to: string;
  /** calendar days in the period */
  periodDays: number;
  agencies: EvidenceAgency[];
  summaries: IndicatorSummary[];
  /** the rows, by agency, indicator (INDICATOR_CODES order) and day */
  rows: EvidenceRow[];
  findings: EvidenceFinding[];
  /** the canonical lines the digest is taken of (one per row) */
  canonical: string[];
  /** SHA-256 (hex) of the canonical lines joined by "\n" */
  digest: string;
}

/** An indicator's definition as stored rows know it: its code may be one since removed. */
export type StoredIndicatorDefinition = Omit<IndicatorDefinition, 'code'> & { code: string };

/** The definition of a stored indicator code, or a stand-in naming the code (an indicator since removed). */
export function definitionOf(code: string, threshold = 0): StoredIndicatorDefinition {
  const known = (INDICATORS as Record<string, IndicatorDefinition | undefined>)[code];
  if (known) return known;
  return { code, name: code, rule: '', threshold, trips: 'above', unit: '', veto: false };
}

/** The indicators' order: INDICATOR_CODES, then any other stored code alphabetically. */
export function indicatorOrder(codes: Iterable<string>): string[] {
  const known = INDICATOR_CODES as readonly string[];
  const unique = [...new Set(codes)];
  return [...known.filter((c) => unique.includes(c)), ...unique.filter((c) => !known.includes(c)).sort()];
}

/** Why a period is refused (Chinese, naming the field), or null. */
export function periodRefusal(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (from > to) return { field: 'from', message: '“起始日期”不能晚于“截止日期”' };
  const days = daysFrom(from, to) + 1;
  if (days > EVIDENCE_MAX_DAYS)
    return {
      field: 'to',
      message: `期间最长 ${EVIDENCE_MAX_DAYS} 天，所选为 ${days} 天：请缩短期间或分段导出`,
    };
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A column finding in words: 政务动态（动态要闻类）：最近更新 …，应于 … 前更新，已超期 N 天. */
function columnText(c: Record<string, unknown>): string {
  const cls = COLUMN_CLASS_LABELS[c.columnClass as ColumnClass] ?? text(c.columnClass);
  const label = cls ? `${text(c.name)}（${cls}）` : text(c.name);
  if (c.freshUntil === null || c.daysLeft === null || c.freshUntil === undefined)
    return `${label}：无信息，也没有备注说明`;
  const days = Number(c.daysLeft);
  if (days < 0)
    return `${label}：最近更新 ${text(c.lastPublishedOn)}，应于 ${text(c.freshUntil)} 前更新，已超期 ${-days} 天`;
  return `${label}：最近更新 ${text(c.lastPublishedOn)}，须于 ${text(c.freshUntil)} 前更新（还有 ${days} 天）`;
}

/** Any other stored finding: its fields in one line (an indicator another slice added). */
function genericText(key: string, value: unknown): string {
  if (!isRecord(value)) return `${key}：${text(value)}`;
  return Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}：${text(v)}`)
    .join('；');
}

/** A year's 解读 in words. */
function yearText(y: Record<string, unknown>): string {
  const ratio = y.ratio === null || y.ratio === undefined ? '' : `（${text(y.ratio)}%）`;
  return `${text(y.year)}年：规范性文件 ${text(y.policies)} 件，已解读 ${text(y.interpreted)} 件${ratio}`;
}

/** The stored findings of one result as lines in Chinese. */
export function findingTexts(details: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'lastPublishedOn') lines.push(value ? `最近一次发布：${text(value)}` : '尚未发布任何信息');
    else if (key === 'columns' && Array.isArray(value))
      for (const c of value) lines.push(isRecord(c) ? columnText(c) : text(c));
    else if (key === 'items' && Array.isArray(value))
      for (const i of value) lines.push(isRecord(i) ? `${text(i.title)}（信息 ${text(i.id)}）` : text(i));
    else if (key === 'years' && Array.isArray(value)) lines.push(...value.filter(isRecord).map(yearText));
    else if (Array.isArray(value)) for (const v of value) lines.push(genericText(key, v));
    else if (value !== null && value !== undefined) lines.push(genericText(key, value));
  }
  return lines.filter((l) => l !== '');
}

/** A value in words with its unit, or 无. */
export function valueText(value: number | null, unit: string): string {
  return value === null ? '无' : `${value}${unit}`;
}

export const STATE_LABELS: Record<IndicatorState | 'missing', string> = {
  ...INDICATOR_STATE_LABELS,
  missing: '未运行',
};

/** Canonical form of a number: JSON's (integers without a decimal point). */
const num = (n: number | null) => (n === null ? 'null' : JSON.stringify(n));

/** Keys sorted at every level, so the same stored details always give the same text. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** One row's canonical line: agency, day, indicator, value, threshold, state, details — tab-separated. */
export function canonicalLine(row: EvidenceRow): string {
  return [
    row.agency,
    row.day,
    row.indicator,
    num(row.value),
    num(row.threshold),
    row.state,
    sortedJson(row.details),
  ].join('\t');
}

/** SHA-256 (hex) of the lines joined by "\n". */
export function evidenceDigest(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

function summaryOf(
  agency: string,
  indicator: string,
  rows: EvidenceRow[],
  periodDays: number,
): IndicatorSummary {
  const definition = definitionOf(indicator, rows[0]?.threshold ?? 0);
  const count = (state: IndicatorState) => rows.filter((r) => r.state === state).length;
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const failed = rows.filter((r) => r.state === 'failed').map((r) => r.day);
  const worst =
    values.length === 0 ? null : definition.trips === 'below' ? Math.min(...values) : Math.max(...values);
  return {
    agency,
    indicator,
    name: definition.name,
    veto: definition.veto,
    unit: definition.unit,
    thresholdLabel: definition.rule === '' ? String(rows[0]?.threshold ?? '') : thresholdLabel(definition),
    days: {
      ok: count('ok'),
      alarm: count('alarm'),
      failed: count('failed'),
      missing: periodDays - new Set(rows.map((r) => r.day)).size,
    },
    worst,
    firstFailedOn: failed[0] ?? null,
    lastFailedOn: failed.at(-1) ?? null,
  };
}

/**
 * The pack of the stored rows in [from, to] of the agencies (rows outside the period or of another
 * agency are left out). Every agency gets a summary per indicator stored for any of them in the period.
 */
export function evidencePack(input: {
  from: string;
  to: string;
  agencies: readonly EvidenceAgency[];
  rows: readonly EvidenceRow[];
}): EvidencePack {
  const { from, to } = input;
  const codes = new Set(input.agencies.map((a) => a.code));
  const inPeriod = input.rows.filter((r) => codes.has(r.agency) && r.day >= from && r.day <= to);
  const order = indicatorOrder(inPeriod.map((r) => r.indicator));
  const agencyIndex = new Map(input.agencies.map((a, i) => [a.code, i]));
  const rows = [...inPeriod].sort(
    (a, b) =>
      (agencyIndex.get(a.agency) ?? 0) - (agencyIndex.get(b.agency) ?? 0) ||
      order.indexOf(a.indicator) - order.indexOf(b.indicator) ||
      a.day.localeCompare(b.day),
  );
  const periodDays = daysFrom(from, to) + 1;
  const summaries = input.agencies.flatMap((agency) =>
    order.map((indicator) =>
      summaryOf(
        agency.code,
        indicator,
        rows.filter((r) => r.agency === agency.code && r.indicator === indicator),
        periodDays,
      ),
    ),
  );
  const findings = rows
    .filter((r) => r.state !== 'ok')
    .flatMap((r) =>
      findingTexts(r.details).map((line) => ({
        agency: r.agency,
        day: r.day,
        indicator: r.indicator,
        state: r.state,
        text: line,
      })),
    );
  const canonical = rows.map(canonicalLine);
  return {
    from,
    to,
    periodDays,
    agencies: [...input.agencies],
    summaries,
    rows,
    findings,
    canonical,
    digest: evidenceDigest(canonical),
  };
}

/** Every day of the period, oldest first. */
export function periodDaysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
