import type { Generated } from 'kysely';

/**
 * The tables of proactive disclosure (主动公开, 0003) and its search index (0005): items (their
 * events are in `events`, 0012), the agencies' sub-columns, 索引号 counters and settings, attachments, the index.
 */
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

/** An agency's 错敏词 list entry (0032, docs/screening.md): a wrong or sensitive form, its correct form. */
export interface ScreeningWordTable {
  id: Generated<number>;
  agency_id: number;
  word: string;
  correction: string | null;
  note: string;
  created_by: string;
  created_at: string;
}

/** One screening of an item before publication (0032): at 送保密审查 and at 保密审查通过. */
export interface ItemScreeningTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  /** `submitted` or `review` */
  stage: string;
  screened_at: string;
  screened_by: string;
  finding_count: number;
  /** Finding[] as JSON (domain/items/screening.ts), personal data masked */
  findings: string;
  /** the attachments whose text was not read: [{fileName, reason}] as JSON */
  unscreened: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  confirm_note: string | null;
  /** the event the screening was kept with (items.submitted, items.approved) */
  event_id: number | null;
}
