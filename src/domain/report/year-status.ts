/**
 * Where a year's annual report stands, for the list of years: not begun, a draft, published (its
 * latest version and day), or past its deadline unpublished. The deadline is 条例 第四十九条's
 * (publicationDeadline in validate.ts):
 *
 * 条例 第四十九条第一款：县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关
 * 上一年度政府信息公开工作年度报告并向社会公布。
 * 第二款：县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息
 * 公开工作年度报告。
 */
import { publicationDeadline } from './validate.ts';
import type { AgencyKind } from './vocabulary.ts';

export const REPORT_YEAR_STATUSES = ['none', 'draft', 'published', 'overdue'] as const;
export type ReportYearStatusCode = (typeof REPORT_YEAR_STATUSES)[number];

export const REPORT_YEAR_STATUS_LABELS: Record<ReportYearStatusCode, string> = {
  none: '未编制',
  draft: '草稿',
  published: '已发布',
  overdue: '逾期未发布',
};

export interface ReportYearFacts {
  year: number;
  /** today in China, YYYY-MM-DD */
  today: string;
  agencyKind: AgencyKind;
  /** the agency's own deadline (“MM-DD”) when 第四十九条 does not bind it */
  ownDeadline: string | null;
  /** staff have saved the year's narrative at least once */
  draftSaved: boolean;
  /** the latest published version, if any */
  latest: { version: number; publishedOn: string } | null;
}

export interface ReportYearStatus {
  year: number;
  status: ReportYearStatusCode;
  /** the last day to publish, null when no deadline applies (an agency outside 第四十九条 without its own) */
  deadline: string | null;
  latest: { version: number; publishedOn: string } | null;
  draftSaved: boolean;
}

/** The status of one year's report on `today`: published wins; then past the deadline; then a saved draft. */
export function reportYearStatus(facts: ReportYearFacts): ReportYearStatus {
  const deadline = publicationDeadline(facts.year, facts.agencyKind, facts.ownDeadline);
  const base = { year: facts.year, deadline, latest: facts.latest, draftSaved: facts.draftSaved };
  if (facts.latest) return { ...base, status: 'published' };
  if (deadline && facts.today > deadline) return { ...base, status: 'overdue' };
  return { ...base, status: facts.draftSaved ? 'draft' : 'none' };
}

/** The years the list offers: from 2020 (the first year the 2021 format compares with) to last year. */
export function reportYearsUpTo(today: string): number[] {
  const last = Number(today.slice(0, 4)) - 1;
  const years: number[] = [];
  for (let y = last; y >= 2020; y--) years.push(y);
  return years;
}
