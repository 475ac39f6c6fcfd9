import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Dates are ISO text (YYYY-MM-DD) on both databases, so they
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
  actor: string;
  recorded_at: string;
  /** JSON: ReportSnapshot (src/domain/report/snapshot.ts) */
  snapshot: string;
}

export interface EventTable {
  id: Generated<number>;
  agency_id: number;
  subject_type: string;
  subject_id: string;
  type: string;
  actor: string;
  at: string;
  data: string;
}

export interface RegistrationCounterTable {
  agency_id: number;
  year: number;
  last_seq: number;
}

/** Every change to a request case: who, when, what, state before → after. */
export interface CaseEventTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number;
  seq: number;
  type: string;
  occurred_on: string;
  recorded_at: string;
  actor: string;
  state_before: string | null;
  state_after: string;
  data: string;
}

export interface LetterTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number;
  event_id: number | null;
  kind: string;
  file_name: string;
  html: string;
  docx: Uint8Array;
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

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  created_at: string;
  /** `scrypt$N$r$p$salt$hash` (0006); null: the user cannot sign in until a password is set */
  password_hash: string | null;
  /** 1: cannot sign in, sessions refused (0006) */
  disabled: Generated<number>;
  /** 1: installation-level platform administrator (0006) */
  platform_admin: Generated<number>;
  password_changed_at: string | null;
}

/** A sign-in session (0006): only the SHA-256 of the cookie's token is stored. */
export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  /** sent back in X-CSRF-Token on every state-changing request */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** the absolute end (created + 7 days); the idle end is last_seen_at + 8 hours */
  expires_at: string;
  ip: string;
}

/** Every change to a user or their roles: who, when, what (0006). */
export interface UserEventTable {
  id: Generated<number>;
  user_id: number;
  /** the agency of a role change; null for installation-level changes */
  agency_id: number | null;
  type: string;
  actor: string;
  at: string;
  data: string;
}

/** One view of a full sensitive value (an applicant's ID number): who, where, what, when (0006). */
export interface SensitiveViewTable {
  id: Generated<number>;
  agency_id: number;
  actor: string;
  /** `request` */
  subject_type: string;
  subject_id: number;
  /** e.g. `applicant.idNumber` */
  field: string;
  ip: string;
  at: string;
}

export interface UserRoleTable {
  user_id: number;
  agency_id: number;
  role: string;
}

export interface Database {
  agencies: AgencyTable;
  agency_channels: AgencyChannelTable;
  publications: PublicationTable;
  normative_documents: NormativeDocumentTable;
  admin_figures: AdminFiguresTable;
  requests: RequestTable;
  request_items: RequestItemTable;
  review_cases: ReviewCaseTable;
  annual_reports: AnnualReportTable;
  annual_report_versions: AnnualReportVersionTable;
  events: EventTable;
  registration_counters: RegistrationCounterTable;
  case_events: CaseEventTable;
  letters: LetterTable;
  letter_templates: LetterTemplateTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_notices: CalendarNoticeTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  user_events: UserEventTable;
  sensitive_views: SensitiveViewTable;
  items: ItemTable;
  item_events: ItemEventTable;
  agency_columns: AgencyColumnTable;
  item_index_counters: ItemIndexCounterTable;
  item_settings: ItemSettingsTable;
  attachments: AttachmentTable;
  registry_reviews: RegistryReviewTable;
  search_documents: SearchDocumentTable;
  search_texts: SearchTextTable;
  search_meta: SearchMetaTable;
  online_submissions: OnlineSubmissionTable;
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

/** A proactively disclosed item (主动公开): draft → 保密审查 → published → withdrawn (0003). */
export interface ItemTable {
  id: Generated<number>;
  agency_id: number;
  /** 索引号, given at publication; unique per agency */
  index_no: string | null;
  title: string;
  /** sanitized rich text */
  body_html: string;
  /** plain text of the body, for search */
  body_text: string;
  /** 第二十条 category: `a20.1`…`a20.15` or `other` */
  category: string;
  /** the agency's own sub-column (agency_columns.code) */
  column_code: string | null;
  /** 发文机关 */
  issuer: string;
  /** 文号 */
  doc_number: string | null;
  /** 成文日期 */
  formed_on: string;
  published_on: string | null;
  /** `valid` (有效), `expired` (失效), `repealed` (废止) */
  validity: string;
  /** 主题分类 */
  subject: string;
  /** `draft`, `in_review`, `approved`, `published`, `withdrawn` */
  status: string;
  is_policy_document: number;
  is_interpretation: number;
  is_meeting: number;
  is_online_interview: number;
  /** an interpretation's policy document */
  interprets_item_id: number | null;
  reviewer: string | null;
  reviewed_on: string | null;
  /** `approved` or `rejected`: the last review's result */
  review_result: string | null;
  /** the reviewer's opinion, or the reason for sending it back */
  review_opinion: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

/** Every change to an item: who, when, what, state before → after (0003). */
export interface ItemEventTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  seq: number;
  type: string;
  at: string;
  actor: string;
  state_before: string | null;
  state_after: string;
  data: string;
}

/** The agency's own sub-columns of its 法定主动公开目录, each within a 第二十条 category (0003). */
export interface AgencyColumnTable {
  agency_id: number;
  code: string;
  name: string;
  category: string;
  sort: number;
}

/** The last 索引号 sequence number given by an agency in a year (0003). */
export interface ItemIndexCounterTable {
  agency_id: number;
  year: number;
  last_seq: number;
}

/** An agency's settings for its items: the 索引号 prefix (组织机构代码 or 统一社会信用代码) (0003). */
export interface ItemSettingsTable {
  agency_id: number;
  index_prefix: string;
  updated_at: string;
  updated_by: string;
}

/** A file attached to an item; the bytes are on disk under GONGKAI_FILES_DIR, keyed by sha256 (0003). */
export interface AttachmentTable {
  id: Generated<number>;
  agency_id: number;
  /** `item` */
  owner_type: string;
  owner_id: number;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: string;
  created_by: string;
}

/** PostgreSQL: one indexed (published) item, what search filters by, and its tsvector (0005). */
export interface SearchDocumentTable {
  item_id: number;
  agency_id: number;
  category: string;
  year: number;
  /** `policy`, `interpretation` or `other` */
  document_type: string;
  validity: string;
  published_on: string;
  /** segmented title (weight A) and body (weight B) */
  tsv: string;
}

/** The text of an indexed item as published, for snippets and related items (0005). */
export interface SearchTextTable {
  item_id: number;
  /** SQLite only: the item's rowid in search_fts (publication day × 2^32 + item id) */
  doc_key?: number;
  /** SQLite only (PostgreSQL has it in search_documents) */
  agency_id?: number;
  title: string;
  body_text: string;
  doc_number: string | null;
}

/** The search index's random instance id, one row (0005). */
export interface SearchMetaTable {
  instance: string;
}
