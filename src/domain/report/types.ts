import type { CorrectionOutcome } from '../requests/record-correction.ts';
import type { MoneyFigureKey, OptionalFigureKey } from './figures.ts';
import type { FormatId } from './format.ts';
import type {
  AgencyKind,
  ApplicantType,
  NormativeKind,
  Outcome,
  RequestChannel,
  T4Group,
} from './vocabulary.ts';

/**
 * A cell value: whole numbers, except the amounts, printed as entered: `t2.fees.amount_wan` (万元,
 * “706”, “0.350000”) and `t2.procurement.amount_yuan` (元, “184718.6”; a number in versions published
 * before 0029).
 */
export type CellValue = number | string;
export type Cells = Record<string, CellValue>;

/** What the report says about the agency in its opening paragraph. */
export interface AgencyProfile {
  code: string;
  name: string;
  kind: AgencyKind;
  /** “MM-DD”: the report deadline the agency set itself when 条例 第四十九条 does not bind it */
  reportDeadline?: string | null;
  /** Short name used in the narrative (“临港区”); defaults to the name. */
  shortName: string;
  address: string;
  postcode: string;
  phone: string;
  website: string;
  websiteName: string;
  office: string;
}

/** Publications of one year, counted by channel and by flag. */
export interface PublicationFacts {
  /** channel code → count, in the agency's channel order. */
  byChannel: Array<{ code: string; name: string; count: number }>;
  total: number;
  meetings: number;
  policyDocuments: number;
  interpretations: number;
  onlineInterviews: number;
}

/** Requests of one year, aggregated per applicant column (the input of table 三). */
export type { CorrectionOutcome };

export interface RequestFacts {
  /** received in the year */
  received: Record<ApplicantType, number>;
  /** received before the year, undecided at its start */
  carriedIn: Record<ApplicantType, number>;
  /** undecided at the year's end (received up to its end) */
  carriedOut: Record<ApplicantType, number>;
  /** decided in the year, by outcome and column */
  decided: Partial<Record<Outcome, Partial<Record<ApplicantType, number>>>>;
  /** received in the year, by channel */
  byChannel: Record<RequestChannel, number>;
  /** information processing fees collected on requests decided in the year, in whole 分 */
  feesFen: number;
  /** decided requests whose items were decided differently but which are not counted as partial (R2) */
  mixedItemsNotPartial: number;
  /**
   * Requests to correct records (条例 第四十一条): none of the above counts them (table 三 is about
   * 政府信息公开申请); section 六 states them. Absent from versions published before migration 0017.
   */
  corrections?: CorrectionFacts;
}

/** A year's correction requests (条例 第四十一条), for section 六. */
export interface CorrectionFacts {
  /** received in the year */
  received: number;
  /** decided in the year, by outcome */
  decided: Record<CorrectionOutcome, number>;
  /** received by the year's end and undecided at it */
  pending: number;
}

export interface NormativeFacts {
  issued: number;
  repealed: number;
  /** in force on 31 December */
  valid: number;
  /** issued on or before 31 December, repealed or not (the 2019 format's 对外公开总数量) */
  issuedToDate: number;
}

/**
 * Figures that come from other systems (table 二 (五)(六)(八), and (九) in the 2019 format): the
 * four every year states, and the 2019 format's own (figures.ts), each absent when not stated.
 */
export interface AdminFigures extends Partial<Record<Exclude<OptionalFigureKey, MoneyFigureKey>, number>> {
  licenseDecisions: number;
  penaltyDecisions: number;
  enforcementDecisions: number;
  /** 行政事业性收费 in whole 分 (exact) */
  feesFen: number;
  /** the same in 万元 as the agency entered it (“706”, “0.350000”, “24252.311082”): the report prints it */
  feesWan: string;
  /** the 2019 format's 采购总金额 in whole 分, and in 元 as entered (both absent when not stated) */
  procurementAmountFen?: number;
  procurementAmountYuan?: string;
}

/** Reconsideration and litigation cases filed in the year, per group. */
export type ReviewFacts = Record<
  T4Group,
  { upheld: number; corrected: number; other: number; pending: number }
>;

/** Everything the report of one agency-year is computed from: aggregates, never raw rows. */
export interface YearFacts {
  year: number;
  publications: PublicationFacts;
  normative: Record<NormativeKind, NormativeFacts>;
  admin: AdminFigures | null;
  requests: RequestFacts;
  reviews: ReviewFacts;
}

export interface ReportFacts {
  agency: AgencyProfile;
  year: number;
  current: YearFacts;
  /** The previous year, when the agency has records for it (year-over-year, R7, R8). */
  previous: YearFacts | null;
}

/** A piece of narrative: generated from the data (owned by the draft) or written by staff. */
export type Segment =
  | { kind: 'generated'; key: string; text: string }
  /** `replaces`: the generated sentence staff took over by editing it; the draft no longer adds it. */
  | { kind: 'staff'; text: string; replaces?: string };

/** A numbered paragraph of a narrative section (“1.主动公开。…”). */
export interface Paragraph {
  /** stable topic id (`proactive`, `requests`, `management`, `platform`, `oversight`, …) */
  topic: string;
  /** lead-in printed before the text (“主动公开”), may be empty */
  title: string;
  segments: Segment[];
}

export interface Narrative {
  overview: Paragraph[];
  problems: Paragraph[];
  other: Paragraph[];
}

export type Severity = 'error' | 'warning';

export interface Violation {
  /** stable rule code: `R1`…`R10` with a suffix (`R1.column`, `R10.late`) */
  code: string;
  rule: string;
  severity: Severity;
  /** the cells involved */
  cells: string[];
  message: string;
}

export interface ChartDatum {
  label: string;
  value: number;
}

export interface ReportSection {
  key: 'overview' | 'proactive' | 'requests' | 'reviews' | 'problems' | 'other';
  /** the official heading (“一、总体情况”) */
  heading: string;
}

/** A complete annual report, ready to validate and render. */
export interface AnnualReport {
  /** the format its tables are in (formats/registry.ts) */
  format: FormatId;
  agency: AgencyProfile;
  year: number;
  /** the opening paragraphs (basis, contents, where to get the report) */
  preamble: string[];
  cells: Cells;
  /** cells of the previous year's report, when known (R7, R8) */
  previousCells: Cells | null;
  narrative: Narrative;
  charts: { publicationsByChannel: ChartDatum[]; requestOutcomes: ChartDatum[] };
  /** the date it was published on the portal, if it was */
  publishedOn: string | null;
  violations: Violation[];
  /**
   * The approver's 说明 when a version was published over error-severity violations: printed on
   * the published report (the violations themselves never are).
   */
  publicationNote?: string | null;
}
