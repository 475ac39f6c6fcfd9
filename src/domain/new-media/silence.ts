/**
 * How long an account has been silent, against the 2-week rule of the national inspection.
 *
 * 国务院办公厅秘书局关于印发政府网站与政务新媒体检查指标、监管工作年度考核指标的通知（国办秘函〔2019〕19号）,
 * 政务新媒体检查指标, 单项否决 (a single defect makes the account 不合格): the indicator's own text was
 * NOT found through the search tool. The rule as inspectors apply it, in their published reports:
 * 浙江省 2021年第四季度 (51云监测, www.51yunjiance.com/pucha/detail-87.html): 「此次检查发现20个政务新媒体
 * 账号出现监测点前两周内未更新问题」; 渭南市 2020年第四季度 (a copy at wfqyp.cn/ztzl/wzgl/gzjz/1628313620293124097.html): 「……等24个政务新媒体账号超过2周未更新」.
 *
 * So an operating account whose last posting (or, before any, its opening) is 14 or more days
 * before today is 超期未更新; from 7 days it is 预警 — issue 15 asks for an alarm at least 7 days
 * before a veto trips. Days are calendar days (the rule says weeks, not working days). An account
 * closed or cancelled is not inspected.
 */
import type { AccountState } from './accounts.ts';

/** The veto: two weeks without an update. */
export const SILENCE_VETO_DAYS = 14;
/** The alarm: 7 days before the veto. */
export const SILENCE_WARNING_DAYS = SILENCE_VETO_DAYS - 7;

export const SILENCE_LEVELS = ['ok', 'warning', 'overdue', 'not_operating'] as const;
export type SilenceLevel = (typeof SILENCE_LEVELS)[number];
export const SILENCE_LEVEL_LABELS: Record<SilenceLevel, string> = {
  ok: '正常',
  warning: '预警',
  overdue: '超期未更新',
  not_operating: '不在运营',
};

export interface Silence {
  /** calendar days since the last posting (or the opening, before any); null when not operating */
  days: number | null;
  level: SilenceLevel;
  /** days left before the veto (0 when it has tripped); null when not operating */
  daysToVeto: number | null;
}

/** An account's silence on `today`, from its last posting day (null: none yet). */
export function silence(
  account: { state: AccountState; openedOn: string },
  lastPostedOn: string | null,
  today: string,
): Silence {
  if (account.state !== 'operating') return { days: null, level: 'not_operating', daysToVeto: null };
  const since = lastPostedOn !== null && lastPostedOn > account.openedOn ? lastPostedOn : account.openedOn;
  const days = Math.max(0, daysBetween(since, today));
  const level: SilenceLevel =
    days >= SILENCE_VETO_DAYS ? 'overdue' : days >= SILENCE_WARNING_DAYS ? 'warning' : 'ok';
  return { days, level, daysToVeto: Math.max(0, SILENCE_VETO_DAYS - days) };
}

/** Calendar days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
