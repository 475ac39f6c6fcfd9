import type { CorrectionOutcome, RequestKind } from '../requests/record-correction.ts';
import type {
  ApplicantType,
  NormativeKind,
  Outcome,
  RequestChannel,
  ReviewResult,
  T4Group,
} from './vocabulary.ts';

/** A proactively published item, as far as the report needs it. */
export interface PublicationRecord {
  channel: string;
  publishedOn: string;
  isMeeting: boolean;
  isPolicyDocument: boolean;
  isInterpretation: boolean;
  isOnlineInterview: boolean;
}

/** A 规章 or 行政规范性文件 of the registry. */
export interface NormativeRecord {
  kind: NormativeKind;
  issuedOn: string;
  repealedOn: string | null;
}

/** A disclosure request, as far as the report needs it. */
export interface RequestRecord {
  applicantType: ApplicantType;
  channel: RequestChannel;
  receivedOn: string;
  decidedOn: string | null;
  outcome: Outcome | null;
  /** the 信息处理费 paid, in whole 分 */
  feeFen: number;
  /** the decision on each item, when the request had several */
  itemOutcomes: Outcome[];
  /** a request to correct a record (条例 第四十一条) is not counted in table 三; absent: disclosure */
  kind?: RequestKind;
  /** a correction request's outcome (`outcome` is null for it) */
  correctionOutcome?: CorrectionOutcome | null;
}

/** A reconsideration or litigation case about disclosure. */
export interface ReviewRecord {
  group: T4Group;
  filedOn: string;
  decidedOn: string | null;
  result: ReviewResult | null;
}

/** Whether a request's items were decided differently: some disclosed, some not (R2 → 部分公开). */
export function hasMixedItems(itemOutcomes: readonly Outcome[]): boolean {
  if (itemOutcomes.length < 2) return false;
  const disclosed = itemOutcomes.filter((o) => o === 'granted' || o === 'partial').length;
  return disclosed > 0 && disclosed < itemOutcomes.length;
}
