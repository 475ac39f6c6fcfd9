import type { Generated } from 'kysely';

/**
 * The tables of oversight, as Kysely sees them: 年报体检 kept (0030, docs/report-check.md), 督办
 * (0031, docs/supervision.md), 网站自查's column classes and daily results (0034, docs/inspection.md)
 * and the 政务新媒体 registry (0035, docs/new-media.md). Re-exported by schema.ts.
 */
/** A report file checked by signed-in staff (0029, 年报体检): what was read and found; the file is not kept. */
export interface ReportCheckTable {
  id: Generated<number>;
  /** the staff user's agency; null for a platform administrator's check */
  agency_id: number | null;
  batch_id: number | null;
  file_name: string;
  sha256: string;
  size: number;
  /** pdf, docx, html, text, markdown; null when the file could not be read */
  source_type: string | null;
  /** the agency, year and format as read from the report */
  agency_name: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  /** JSON: the CheckedReport, or the UnreadableFile */
  result: string;
  checked_by: string;
  checked_at: string;
}

/** 督办 (0031, docs/supervision.md): a supervisor's reminder to an agency below them, tracked until closed. */
export interface ReminderTable {
  id: Generated<number>;
  /** the agency reminded */
  agency_id: number;
  /** the supervising office it was sent under */
  from_agency_id: number;
  /** `general`, `request`, `item`, `report` (domain/supervision/reminders.ts) */
  subject: string;
  subject_label: string;
  message: string;
  due_on: string;
  /** `open`, `answered`, `closed` */
  state: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  closed_at: string | null;
  created_by: string;
  created_at: string;
  version: Generated<number>;
}

/** Report files checked together (0029): a supervising office's batch, with its counts. */
export interface ReportCheckBatchTable {
  id: Generated<number>;
  agency_id: number | null;
  name: string;
  created_by: string;
  created_at: string;
  /** files read, files unreadable, reports with errors, errors and warnings in all */
  reports: number;
  unreadable: number;
  with_errors: number;
  errors: number;
  warnings: number;
}

/** A catalogue column's class for the self-inspection (0034): `news`, `notice`, `policy`, `other`. */
export interface ColumnSettingTable {
  agency_id: number;
  /** `category` (a20.1…a20.15, other) or `column` (agency_columns.code, or gkzd), as column_notes */
  scope: string;
  code: string;
  column_class: string;
  /** an `other` column's expected frequency in days; null: no rule */
  frequency_days: number | null;
  updated_at: string;
  updated_by: string;
}

/** One indicator of one agency's self-inspection on one day (0034); a re-run replaces the day. */
export interface InspectionResultTable {
  agency_id: number;
  /** ISO date */
  day: string;
  /** domain/inspection/indicators.ts INDICATOR_CODES */
  indicator: string;
  value: number | null;
  threshold: number;
  /** `ok`, `alarm`, `failed` */
  state: string;
  /** the findings (InspectionDetails) as JSON */
  details: string;
  run_at: string;
}

/** A scheduled job's run of one day (0036): the daily 网站自查 of every agency, claimed by one server. */
export interface ScheduledRunTable {
  /** `inspection` */
  job: string;
  /** ISO date (China) */
  day: string;
  /** the server that claimed it: host and process id */
  runner: string;
  started_at: string;
  /** null while running (or when the runner died) */
  finished_at: string | null;
  agencies: Generated<number>;
  vetoed: Generated<number>;
  /** JSON: [{ agency, message }] */
  failures: Generated<string>;
}

/** A count of a rate limit (0042, src/server/rate-counters.ts), shared by every server on the database. */
export interface RateLimitTable {
  key: string;
  count: number;
  /** milliseconds since the epoch: the count ends then */
  window_ends: number;
  /** milliseconds since the epoch: the key is refused until then (sign-in's growing delay); 0 when not */
  locked_until: Generated<number>;
}

/** An agency's 政务新媒体 account (0035, docs/new-media.md): it posts through its agency_channels row. */
export interface NewMediaAccountTable {
  id: Generated<number>;
  agency_id: number;
  /** the agency_channels code its postings (publications rows) are on */
  channel_code: string;
  /** wechat, weibo, douyin, … (domain/new-media/accounts.ts) */
  platform: string;
  name: string;
  /** the account's id on the platform (微信号, 微博 UID, …) */
  account_id: Generated<string>;
  /** 主办单位 */
  host_unit: string;
  opened_on: string;
  /** 关停: the day it stopped (also set by a 注销 of an operating account); null while operating — every closed spell is in new_media_closures */
  closed_on: string | null;
  /** 注销 */
  cancelled_on: string | null;
  /** operating, closed, cancelled */
  state: string;
  /** filed, pending, not_filed (备案) */
  filing_status: string;
  filing_no: Generated<string>;
  /** 负责人 and their phone */
  manager: string;
  manager_phone: Generated<string>;
  note: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One 关停 of a 政务新媒体 account (0045, domain/new-media/periods.ts): closed from, operating again from. */
export interface NewMediaClosureTable {
  id: Generated<number>;
  agency_id: number;
  account_id: number;
  closed_on: string;
  /** null while still closed (or cancelled: never reopened) */
  reopened_on: string | null;
}

/** One agency's link check of one day (0037, docs/inspection.md); a re-run replaces the day. */
export interface LinkCheckTable {
  agency_id: number;
  day: string;
  checked_at: string;
  checked_by: string;
  /** pages rendered and read */
  pages: number;
  /** distinct links checked */
  links: number;
  internal_dead: number;
  /** 1: external links were checked in this run (the setting), 0: not */
  external_enabled: number;
  /** external addresses asked in this run (the others answered by the cache or deferred) */
  external_checked: number;
  /** external addresses left for a later run (the run's budget spent) */
  external_deferred: number;
  external_dead: number;
  /** 1: the page bound stopped the crawl before every page was read */
  truncated: number;
}

/** A dead link a day's check found (0037): the pages holding it as a JSON array (the first 20). */
export interface DeadLinkTable {
  id: Generated<number>;
  agency_id: number;
  day: string;
  url: string;
  /** `internal`, `external` */
  kind: string;
  status: number | null;
  /** domain/inspection/links-dead.ts LINK_ERRORS */
  error: string | null;
  pages: string;
  page_count: number;
  /** ISO date */
  first_seen: string;
  /** ISO instant */
  last_seen: string;
}

/** An external address as last checked (0037): the installation's cache, by the address's SHA-256. */
export interface ExternalLinkResultTable {
  url_sha256: string;
  url: string;
  checked_at: string;
  status: number | null;
  error: string | null;
  dead: number;
}

/** An agency's 政府网站工作年度报表 of a year (0038, docs/website-report.md): the manual rows as filled in. */
export interface WebsiteReportTable {
  agency_id: number;
  year: number;
  /** JSON: row code → value (a number, a text, or null) */
  fields: string;
  updated_at: string;
  updated_by: string;
}

/** A 公开事项标准目录 entry (0039, docs/catalog.md); audience, manner, levels, columns and the rule are JSON. */
export interface CatalogEntryTable {
  id: Generated<number>;
  agency_id: number;
  /** the entry's place in the catalogue */
  sort: number;
  /** 序号 as printed */
  seq: number | null;
  domain: Generated<string>;
  level1: string;
  level2: Generated<string>;
  content: string;
  basis: Generated<string>;
  /** 公开时限 as written */
  deadline: string;
  /** its parsed rule (domain/catalog/deadline.ts DeadlineRule) */
  deadline_rule: string;
  subject: string;
  channels: Generated<string>;
  /** ["all","specific"] */
  audience: string;
  /** ["active","on_request"] */
  manner: string;
  /** ["县级","乡级"] */
  levels: string;
  /** ["category:a20.7","column:gkzd"] */
  columns: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** Counts kept ahead (0041): an agency's counts of a year, of a kind, as of when the count began. */
export interface KeptCountTable {
  agency_id: number;
  year: number;
  /** `overview` (the 工作台's) or `cells` (the report tables') */
  kind: string;
  /** JSON */
  data: string;
  /** the latest event's id when the count began */
  seen_event: number;
  /** ISO instant */
  counted_at: string;
}
