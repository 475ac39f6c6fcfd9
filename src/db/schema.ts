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
}

export interface NormativeDocumentTable {
  id: Generated<number>;
  agency_id: number;
  kind: string;
  doc_number: string;
  title: string;
  issued_on: string;
  repealed_on: string | null;
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
  events: EventTable;
  registration_counters: RegistrationCounterTable;
  case_events: CaseEventTable;
  letters: LetterTable;
  letter_templates: LetterTemplateTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_notices: CalendarNoticeTable;
  users: UserTable;
  user_roles: UserRoleTable;
}
