/**
 * The lifecycle of a normative document (规章 or 行政规范性文件) in the registry: 制发 (issued),
 * 修改 (amended: a new version supersedes this one), 废止 (repealed), and the yearly 清理 (review).
 *
 * 国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）：
 * 「建立行政规范性文件清理常态化机制……对不符合法律、法规、规章和国家政策规定的，要及时修改或废止」;
 * 「要根据……及时公布继续有效、废止和失效的文件目录」.
 *
 * Pure: every rule takes the document's state and the day, and answers with a Chinese reason or null.
 */

export const DOCUMENT_STATUSES = ['in_force', 'amended', 'repealed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  in_force: '现行有效',
  amended: '已修改',
  repealed: '已废止',
};

/** The decisions of a review pass (清理): 保留, 修改, 废止. */
export const REVIEW_DECISIONS = ['kept', 'amended', 'repealed'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  kept: '保留',
  amended: '修改',
  repealed: '废止',
};

/** What the rules need to know of one version of a document. */
export interface DocumentState {
  docNumber: string;
  status: DocumentStatus;
  issuedOn: string;
  /** the day it stopped being in force (repealed, or superseded by a newer version) */
  repealedOn: string | null;
}

/**
 * In force on a day: issued on or before it, not stopped on or before it. The same predicate as
 * table 二 (一)'s 现行有效件数 at the year's last day, so the portal's list and the report agree.
 */
export function inForceOn(doc: Pick<DocumentState, 'issuedOn' | 'repealedOn'>, day: string): boolean {
  return doc.issuedOn <= day && (doc.repealedOn === null || doc.repealedOn > day);
}

/** The status a stored row really has: a row with a repeal date and no status of its own is repealed. */
export function effectiveStatus(status: string, repealedOn: string | null): DocumentStatus {
  if (status === 'amended' || status === 'repealed') return status;
  return repealedOn === null ? 'in_force' : 'repealed';
}

function notCurrent(doc: DocumentState, verb: string): string | null {
  if (doc.status === 'repealed')
    return `文件 ${doc.docNumber} 已于 ${doc.repealedOn ?? '此前'} 废止，不能${verb}；如需恢复其内容，请制发新文件。`;
  if (doc.status === 'amended')
    return `文件 ${doc.docNumber} 的这一版本已于 ${doc.repealedOn ?? '此前'} 被修改后的新版本取代，请对现行版本${verb}。`;
  return null;
}

/** 修改: only the version in force is amended, on or after the day it was issued. */
export function amendRefusal(doc: DocumentState, on: string): string | null {
  const refused = notCurrent(doc, '修改');
  if (refused) return refused;
  if (on < doc.issuedOn)
    return `修改日期 ${on} 早于文件 ${doc.docNumber} 的制发日期 ${doc.issuedOn}，请检查日期。`;
  return null;
}

/** 废止: only the version in force is repealed, once, on or after the day it was issued. */
export function repealRefusal(doc: DocumentState, on: string): string | null {
  const refused = notCurrent(doc, '废止');
  if (refused) return refused;
  if (on < doc.issuedOn)
    return `废止日期 ${on} 早于文件 ${doc.docNumber} 的制发日期 ${doc.issuedOn}，请检查日期。`;
  return null;
}

/** 清理: a decision is recorded for a document in force on the review day, in that year's pass or later. */
export function reviewRefusal(doc: DocumentState, reviewedOn: string, year: number): string | null {
  if (reviewedOn < `${year}-01-01`)
    return `清理日期 ${reviewedOn} 早于 ${year} 年，请填写该年度清理工作的日期。`;
  const refused = notCurrent(doc, '作清理决定');
  if (refused) return refused;
  if (!inForceOn(doc, reviewedOn))
    return `文件 ${doc.docNumber} 在清理日期 ${reviewedOn} 尚未制发（制发日期 ${doc.issuedOn}），不在现行有效文件之列。`;
  return null;
}
