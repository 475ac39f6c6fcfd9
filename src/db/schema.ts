import type { Generated } from 'kysely';
import type { SensitiveViewTable, SessionTable, UserRoleTable, UserTable } from './schema-accounts.ts';
import type {
  AgencyColumnTable,
  AttachmentTable,
  ItemIndexCounterTable,
  ItemScreeningTable,
  ItemSettingsTable,
  ItemTable,
  ScreeningWordTable,
  SearchDocumentTable,
  SearchMetaTable,
  SearchTextTable,
} from './schema-items.ts';
import type {
  CatalogEntryTable,
  ColumnSettingTable,
  DeadLinkTable,
  ExternalLinkResultTable,
  InspectionResultTable,
  KeptCountTable,
  LinkCheckTable,
  NewMediaAccountTable,
  NewMediaClosureTable,
  RateLimitTable,
  ReminderTable,
  ReportCheckBatchTable,
  ReportCheckTable,
  ScheduledRunTable,
  WebsiteReportTable,
} from './schema-oversight.ts';
import type {
  ApprovalRequestTable,
  ItemRequestTable,
  LetterTable,
  LetterTemplateTable,
  OnlineSubmissionTable,
  PublicationProposalTable,
  RegistrationCounterTable,
  RequestItemTable,
  RequestTable,
  ReviewCaseTable,
  WithheldReviewTable,
} from './schema-requests.ts';

export type * from './schema-accounts.ts';
export type * from './schema-items.ts';
export type * from './schema-oversight.ts';
export type * from './schema-requests.ts';

/**
 * The tables, as Kysely sees them (accounts in schema-accounts.ts, requests in schema-requests.ts, items and search in
 * schema-items.ts, 年报体检, 督办, 网站自查 and 政务新媒体 in schema-oversight.ts). Dates are ISO text (YYYY-MM-DD) on both databases, so they
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
  /** the day the agency was retired (撤销/合并, 0033); null while active: its data and reports stay */
  retired_on: Generated<string | null>;
  /** 省/市/县（区）/部门/乡镇街道 (domain/agencies/tree.ts AGENCY_LEVELS, 0033); '' when not stated */
  level: Generated<string>;
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
  /** 行政事业性收费 in whole 分 (0029) */
  fees_fen: number;
  /** the same in 万元 as the agency entered it (“706”, “24252.311082”): what the report prints */
  fees_wan_text: string;
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
  /** 采购总金额 in whole 分 (0029) */
  procurement_amount_fen: number | null;
  /** the same in 元 as entered (“184718.6”); null with the amount */
  procurement_amount_yuan_text: string | null;
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
  site_files: SiteFileTable;
  report_checks: ReportCheckTable;
  report_check_batches: ReportCheckBatchTable;
  reminders: ReminderTable;
  screening_words: ScreeningWordTable;
  item_screenings: ItemScreeningTable;
  column_settings: ColumnSettingTable;
  inspection_results: InspectionResultTable;
  scheduled_runs: ScheduledRunTable;
  link_checks: LinkCheckTable;
  dead_links: DeadLinkTable;
  external_link_results: ExternalLinkResultTable;
  new_media_accounts: NewMediaAccountTable;
  new_media_closures: NewMediaClosureTable;
  website_reports: WebsiteReportTable;
  catalog_entries: CatalogEntryTable;
  kept_counts: KeptCountTable;
  rate_limits: RateLimitTable;
}

/** A site's settings (0022): the installation's (`scope` 'installation') or an agency's ('agency:<id>'), JSON. */
export interface SiteSettingsTable {
  scope: string;
  agency_id: number | null;
  data: string;
  updated_at: string;
}

/** An image a site's settings may point at (0027): the 党政机关网站 mark or the icon, served at /site-files/. */
export interface SiteFileTable {
  sha256: string;
  storage_key: string;
  media_type: string;
  /** the extension of its address (`png`), from the type read from its content */
  extension: string;
  size: number;
  /** the name it was uploaded with */
  file_name: string;
  created_at: string;
  created_by: string;
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
