/**
 * The disclosure requests' tables (依申请公开), as Kysely sees them: cases, their letters and
 * registration counters, review cases, 第四十四条 proposals, the 第十八条 reviews and approvals.
 */
import type { Generated } from 'kysely';

export interface RequestTable {
  id: Generated<number>;
  agency_id: number;
  ref: string | null;
  applicant_type: string;
  channel: string;
  received_on: string;
  decided_on: string | null;
  outcome: string | null;
  /** the 信息处理费 paid, in whole 分 (0029) */
  fee_fen: number;
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

/** An online request filed through the portal's form, by its one-time submission token (0007). */
export interface OnlineSubmissionTable {
  token: string;
  request_id: number;
  created_at: string;
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

/**
 * 提请审批 (0026, 0028): a case action or an item's 发布 put by the 经办人 to the 审批负责人; pending, then
 * approved or returned. Exactly one of request_id and item_id is set.
 */
export interface ApprovalRequestTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number | null;
  /** the item whose 发布 is put to approval (0028) */
  item_id: number | null;
  /** the case action (`extend`) or the item action (`publish`): approvals.ts */
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
  /** the case's or the item's event the approval's action wrote */
  event_id: number | null;
}
