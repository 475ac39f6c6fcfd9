import type { AdminFigures } from './types.ts';

/**
 * The yearly figures of table 二 (五)(六)(八) that come from other systems: decisions on
 * licences, penalties and enforcement, and 行政事业性收费. Fees are entered in 元 with at most
 * two decimals and kept as whole 元 (the money rule: the report's 万元 with four decimals is
 * exactly one 元), rounded half up: 1234.49 → 1234, 1234.50 → 1235.
 */
export const FIGURE_FIELDS = [
  { key: 'licenseDecisions', label: '行政许可 本年处理决定数量', cell: 't2.license.decisions', unit: '件' },
  { key: 'penaltyDecisions', label: '行政处罚 本年处理决定数量', cell: 't2.penalty.decisions', unit: '件' },
  {
    key: 'enforcementDecisions',
    label: '行政强制 本年处理决定数量',
    cell: 't2.enforcement.decisions',
    unit: '件',
  },
  { key: 'feesYuan', label: '行政事业性收费 本年收费金额（元）', cell: 't2.fees.amount_wan', unit: '元' },
] as const;
export type FigureKey = (typeof FIGURE_FIELDS)[number]['key'];

const MAX_COUNT = 2147483647;
const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** “1234.56” → 1235 whole 元 (half up); null unless a decimal ≥ 0 with at most two places. */
export function yuanToWhole(text: string): number | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return Number(match[1]) + (cents >= 50 ? 1 : 0);
}

function countOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_COUNT ? n : null;
}

function feesOf(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? yuanToWhole(String(value)) : null;
  return typeof value === 'string' ? yuanToWhole(value) : null;
}

/** A problem with one figure: where it is (a field name or a spreadsheet cell) and what to do. */
export interface FigureIssue {
  field: string;
  message: string;
}

/**
 * The four figures from raw values (JSON or spreadsheet cells), or an issue per bad value;
 * `where` names the place of each value in the messages (“licenseDecisions”, “B2”).
 */
export function parseFigures(
  values: Partial<Record<FigureKey, unknown>>,
  where: (key: FigureKey) => string,
): { figures: AdminFigures; issues: [] } | { figures: null; issues: FigureIssue[] } {
  const issues: FigureIssue[] = [];
  const parsed: Partial<Record<FigureKey, number>> = {};
  for (const field of FIGURE_FIELDS) {
    const raw = values[field.key];
    const place = where(field.key);
    if (raw === undefined || raw === null || raw === '') {
      issues.push({ field: place, message: `${place}（${field.label}）为空，请填写；没有的填 0。` });
      continue;
    }
    const value = field.key === 'feesYuan' ? feesOf(raw) : countOf(raw);
    if (value === null) {
      const what = field.key === 'feesYuan' ? '不小于 0、最多两位小数的金额（元）' : '不小于 0 的整数';
      issues.push({ field: place, message: `${place}（${field.label}）的值“${String(raw)}”应为${what}。` });
      continue;
    }
    parsed[field.key] = value;
  }
  if (issues.length > 0) return { figures: null, issues };
  return {
    figures: {
      licenseDecisions: parsed.licenseDecisions ?? 0,
      penaltyDecisions: parsed.penaltyDecisions ?? 0,
      enforcementDecisions: parsed.enforcementDecisions ?? 0,
      feesYuan: parsed.feesYuan ?? 0,
    },
    issues: [],
  };
}
