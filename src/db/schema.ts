import type { Generated } from 'kysely';
import type { SensitiveViewTable, SessionTable, UserRoleTable, UserTable } from './schema-accounts.ts';
import type {
  AgencyColumnTable,
  AttachmentTable,
  ItemIndexCounterTable,
  ItemSettingsTable,
  ItemTable,
  SearchDocumentTable,
  SearchMetaTable,
  SearchTextTable,
} from './schema-items.ts';

export type * from './schema-accounts.ts';
export type * from './schema-items.ts';

/**
 * The tables, as Kysely sees them (accounts in schema-accounts.ts, items and search in
 * schema-items.ts). Dates are ISO text (YYYY-MM-DD) on both databases, so they
 * compare as text and never shift with time zones; flags are 0/1 integers; money is whole 元.
 * Every table carries `agency_id`.
 */
export interface AgencyTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  parent_id: number | null;
  kind: string;
  address: string;
  postcode: string;
  phone: string;
  website: string;
  website_name: string;
  office: string;
  created_at: string;
  request_prefix: Generated<string>;
  /** “MM-DD”: the annual report deadline an agency outside 条例 第四十九条 has set itself (0014) */
  report_deadline: string | null;
  /** 行政复议机关's full name, court for suits, complaint channel (0015); '' when not set */
  review_body: Generated<string>;
  court: Generated<string>;
  complaint_channel: Generated<string>;
  /** 公开指南 (0023, 条例 第十二条第二款): 办公时间, 传真号码, 电子邮箱; '' when not set */
  office_hours: Generated<string>;
  fax: Generated<string>;
  email: Generated<string>;
  /** 1 when the agency takes applications by 传真 / by 电子邮件 (0023) */
  accepts_fax: Generated<number>;
  accepts_email: Generated<number>;
}

/** An agency's 政府信息查阅场所 (0023, 条例 第二十五条). */
export interface ReadingPointTable {
  id: Generated<number>;
  agency_id: number;
  name: string;
  /** `archives`, `library`, `service_center`, `other` (domain/guide/reading-points.ts) */
  kind: string;
  address: string;
  hours: Generated<string>;
  phone: Generated<string>;
  sort: Generated<number>;
}

/** The 备注说明 of a catalogue column (0023): a 第二十条 category or an agency sub-column. */
export interface ColumnNoteTable {
  agency_id: number;
  /** `category` (code a20.1…a20.15, other) or `column` (agency_columns.code, or gkzd) */
  scope: string;
  code: string;
  note: string;
}

export interface AgencyChannelTable {
  agency_id: number;
  code: string;
  name: string;
  sort: number;
}

export interface PublicationTable {
  id: Generated<number>;
  agency_id: number;
  ref: string | null;
  title: string;
  category: string;
  channel: string;
  formed_on: string;
  published_on: string;
  is_policy_document: number;
  is_interpretation: number;
  interprets_id: number | null;
  is_meeting: number;
  is_online_interview: number;
  /** the item this row publishes (0003): the website row at publication, or a posting elsewhere */
  item_id: number | null;
  /** where a posting on another channel can be seen (0003) */
  link: string | null;
}

export interface NormativeDocumentTable {
  id: Generated<number>;
  agency_id: number;
  kind: string;
  doc_number: string;
  title: string;
  issued_on: string;
  /** the day this version stopped being in force: repealed (废止) or superseded by an amendment */
  repealed_on: string | null;
  /** registry lifecycle (0004): `in_force`, `amended` (superseded by a newer version) or `repealed` */
  status: Generated<string>;
  /** 1 for a document as first issued, +1 per amendment */
  version: Generated<number>;
  /** the version this one amends */
  supersedes_id: number | null;
  /** the repealing document's 文号 or title */
  repealed_by: string | null;
  /** 发文机关 */
  issuer: Generated<string>;
  /** the published item carrying the text */
  item_id: number | null;
}

export interface AdminFiguresTable {
  agency_id: number;
  year: number;
  license_decisions: number;
  penalty_decisions: number;
  enforcement_decisions: number;
  fees_yuan: number;
  /** the 2019 format's own figures (0013), null when not stated */
  license_items_prev: number | null;
  license_items_change: number | null;
  other_services_items_prev: number | null;
  other_services_items_change: number | null;
  other_services_decisions: number | null;
  penalty_items_prev: number | null;
  penalty_items_change: number | null;
  enforcement_items_prev: number | null;
  enforcement_items_change: number | null;
  fees_items_prev: number | null;
  fees_items_change: number | null;
  procurement_projects: number | null;
  /** whole 元 */
  procurement_amount_yuan: number | null;
}

export interface RequestTable {
  id: Generated<number>;
  agency_id: number;
  ref: string | null;
  applicant_type: string;
  channel: string;
  received_on: string;
  decided_on: string | null;
  outcome: string | null;
  fee_yuan: number;
  mixed_items: number;
  tracking_code: string | null;
  registration_no: string | null;
  registration_year: number | null;
  registration_seq: number | null;
  submitted_at: string | null;
  /** JSON: the applicant of 第二十九条 (name, ID document, contact) */
  applicant: string | null;
  information: string | null;
  doc_number: string | null;
  form: string | null;
  delivery: string | null;
  state: Generated<string>;
  version: Generated<number>;
  due_on: string | null;
  due_provisional: Generated<number>;
  waiting_until: string | null;
  clock_state: string | null;
  legal_basis: string | null;
  /** 'disclosure' (政府信息公开申请) or 'record_correction' (更正申请, 条例 第四十一条), migration 0017 */
  kind: Generated<string>;
  /** JSON of a correction request: the record, what is inaccurate, the evidence offered */
  correction: string | null;
  /** a correction request's outcome (corrected, transferred, referred, refused); `outcome` stays null */
  correction_outcome: string | null;
  /** the day a correction request was answered (its `decided_on` stays null, like its `outcome`) */
  correction_decided_on: string | null;
  /** JSON: an oral application written up by the office (条例 第二十九条第一款), 0018 */
  oral: string | null;
  /** JSON: the help given to the applicant (条例 第四十三条), 0018 */
  assistance: string | null;
  /** JSON `{reasons, note}`: the applicant's suggestion to publish (条例 第四十四条第二款, 0019) */
  publish_suggestion: string | null;
}

/** A decision on a proposal to publish proactively (条例 第四十四条, 0019): 纳入 or 不纳入. */
export interface PublicationProposalTable {
  id: Generated<number>;
  agency_id: number;
  /** the proposal's request ids ascending, comma-joined (unique per agency) */
  request_key: string;
  kind: string;
  /** `included` (a draft item opened) or `not_included` */
  result: string;
  reason: string;
  item_id: number | null;
  actor: string;
  decided_at: string;
}

/** An item drafted from requests (条例 第四十四条, 0019). */
export interface ItemRequestTable {
  agency_id: number;
  item_id: number;
  request_id: number;
  proposal_id: number;
}

export interface RequestItemTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number;
  seq: number;
  outcome: string;
}

export interface ReviewCaseTable {
  id: Generated<number>;
  agency_id: number;
  grp: string;
  request_id: number | null;
  filed_on: string;
  decided_on: string | null;
  result: string | null;
}

export interface AnnualReportTable {
  agency_id: number;
  year: number;
  narrative: string | null;
  published_on: string | null;
  updated_at: string;
  /** the draft's version, +1 per save (0009; 0: never saved) */
  version: Generated<number>;
}

/** A published version of an annual report, frozen (0009). Never updated. */
/** The PDF of a published version, made once and served byte for byte (0025). */
export interface AnnualReportPdfTable {
  version_id: number;
  /** hex SHA-256 of `pdf`: the download's strong ETag */
  sha256: string;
  size: number;
  pdf: Uint8Array;
  created_at: string;
}

export interface AnnualReportVersionTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  /** 1 for the first publication, 2, 3, … for corrections */
  version: number;
  /** the day this version went public */
  published_on: string;
  /** why a correction was made (null for version 1) */
  reason: string | null;
  /** the approver's 说明 for publishing over error-severity violations (0014), else null */
  note: string | null;
  actor: string;
  recorded_at: string;
  /** JSON: ReportSnapshot (src/domain/report/snapshot.ts) */
  snapshot: string;
}

/**
 * The one event log (0012): every change, who (`actor`), when (`at`, the instant recorded), what
 * (`name`: `requests.extended`, `items.published`, `calendar.override_set`, …) of what subject,
 * numbered per subject (`seq`, unique: a concurrent writer of the same number loses). `agency_id`
 * is null for the installation's changes (the calendar, platform accounts).
 */
export interface EventTable {
  id: Generated<number>;
  agency_id: number | null;
  name: string;
  subject_type: string;
  subject_id: string;
  seq: number;
  actor: string;
  /** the instant it was recorded, ISO UTC */
  at: string;
  /** the day a case's event counts from (the clock reads it); null for other subjects */
  occurred_on: string | null;
  state_before: string | null;
  state_after: string | null;
  /** JSON: what changed, before → after, the input */
  data: string;
}

export interface RegistrationCounterTable {
  agency_id: number;
  year: number;
  last_seq: number;
}

export interface LetterTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number;
  event_id: number | null;
  kind: string;
  file_name: string;
  html: string;
  /** empty until first downloaded (0021): then built from `source` and kept */
  docx: Uint8Array;
  /** JSON {kind, data, template}: what the letter was composed from (0021); null before */
  source: string | null;
  created_at: string;
  /** 送达: the day it went to the applicant, how, the post's number, a note, who recorded it, when */
  sent_on: string | null;
  sent_method: string | null;
  sent_tracking_no: string | null;
  sent_note: string | null;
  sent_by: string | null;
  sent_recorded_at: string | null;
}

export interface LetterTemplateTable {
  agency_id: number;
  kind: string;
  template: string;
  updated_at: string;
  updated_by: string;
}

export interface CalendarOverrideTable {
  id: Generated<number>;
  date: string;
  kind: string;
  source: string;
  created_at: string;
  actor: string;
}

export interface CalendarNoticeTable {
  year: number;
  source: string;
  holidays: string;
  workdays: string;
  imported_at: string;
  actor: string;
}

export interface Database {
  agencies: AgencyTable;
  agency_channels: AgencyChannelTable;
  reading_points: ReadingPointTable;
  column_notes: ColumnNoteTable;
  publications: PublicationTable;
  normative_documents: NormativeDocumentTable;
  admin_figures: AdminFiguresTable;
  requests: RequestTable;
  request_items: RequestItemTable;
  review_cases: ReviewCaseTable;
  annual_reports: AnnualReportTable;
  annual_report_versions: AnnualReportVersionTable;
  annual_report_pdfs: AnnualReportPdfTable;
  events: EventTable;
  registration_counters: RegistrationCounterTable;
  letters: LetterTable;
  letter_templates: LetterTemplateTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_notices: CalendarNoticeTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  sensitive_views: SensitiveViewTable;
  items: ItemTable;
  agency_columns: AgencyColumnTable;
  item_index_counters: ItemIndexCounterTable;
  item_settings: ItemSettingsTable;
  attachments: AttachmentTable;
  registry_reviews: RegistryReviewTable;
  withheld_reviews: WithheldReviewTable;
  approval_requests: ApprovalRequestTable;
  search_documents: SearchDocumentTable;
  search_texts: SearchTextTable;
  search_meta: SearchMetaTable;
  online_submissions: OnlineSubmissionTable;
  publication_proposals: PublicationProposalTable;
  item_requests: ItemRequestTable;
  site_settings: SiteSettingsTable;
}

/** A site's settings (0022): the installation's (`scope` 'installation') or an agency's ('agency:<id>'), JSON. */
export interface SiteSettingsTable {
  scope: string;
  agency_id: number | null;
  data: string;
  updated_at: string;
}

/** An online request filed through the portal's form, by its one-time submission token (0007). */
export interface OnlineSubmissionTable {
  token: string;
  request_id: number;
  created_at: string;
}

/** One decision of a yearly review pass (清理) on a document in force: kept, amended or repealed. */
export interface RegistryReviewTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  document_id: number;
  /** `kept` (保留), `amended` (修改) or `repealed` (废止) */
  decision: string;
  note: Generated<string>;
  reviewed_on: string;
  /** the new version an `amended` decision produced */
  result_document_id: number | null;
  actor: string;
  recorded_at: string;
}

/**
 * One decision of the yearly review of information withheld under 条例 第十六条 (第十八条, 0020):
 * never updated; a correction is the next `seq` of the same agency, year, request and part.
 */
export interface WithheldReviewTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  request_id: number;
  /** 0: the case withheld as a whole; n: its n-th item */
  part: number;
  seq: number;
  /** `kept` (继续不予公开) or `disclosed` (转为公开) */
  decision: string;
  reason: string;
  /** the draft item a `disclosed` decision opened */
  item_id: number | null;
  actor: string;
  recorded_at: string;
}

/** 提请审批 (0026): a case action put by the 经办人 to the 审批负责人; pending, then approved or returned. */
export interface ApprovalRequestTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number;
  /** the case action (approvals.ts): `extend` */
  action: string;
  /** JSON: the action's fields as proposed */
  payload: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  /** pending, approved, returned */
  state: string;
  decided_by: string | null;
  decided_at: string | null;
  return_reason: string | null;
  /** the case event the approval's action wrote */
  event_id: number | null;
}
