/** A request case as the staff API shows it: the stored case, its clock as of today, what can be done. */

import type { ActorNames } from '../../db/queries/actor-names.ts';
import type { findCase } from '../../db/queries/request-cases.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { storedClock } from '../../domain/clock/projected.ts';
import { todayInChina } from '../../domain/dates.ts';
import { maskApplicant } from '../../domain/identity/mask.ts';
import { DELIVERY_METHOD_LABELS, isDeliveryMethod } from '../../domain/letters/delivery.ts';
import { clockEventsOf } from '../../domain/requests/clock-events.ts';
import { displayTrackingCode } from '../../domain/requests/identifiers.ts';
import {
  type AssistanceNeed,
  assistanceLabel,
  ORAL_CONFIRMATION_LABELS,
  type OralConfirmation,
} from '../../domain/requests/intake.ts';
import {
  type CorrectionRequest,
  isCorrectionOutcome,
  isRequestKind,
  type RequestKind,
} from '../../domain/requests/record-correction.ts';
import { allowedActions, CASE_STATE_LABELS, type CaseState } from '../../domain/requests/state-machine.ts';
import { parseJson } from './json.ts';

type FoundCase = NonNullable<Awaited<ReturnType<typeof findCase>>>;

const labelOfMethod = (method: string | null) =>
  method && isDeliveryMethod(method) ? DELIVERY_METHOD_LABELS[method] : (method ?? '');

/** A stored correction request (JSON) as the API shows it. */
function correctionOf(stored: Record<string, unknown>): CorrectionRequest {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    record: text(stored.record),
    inaccuracy: text(stored.inaccuracy),
    evidence: text(stored.evidence),
  };
}

/** Who wrote up an oral application, or recorded the help given (stored in the case's JSON). */
function storedUser(stored: string | null, field: 'writtenUpBy' | 'recordedBy'): string | null {
  if (!stored) return null;
  const value = parseJson(stored)[field];
  return typeof value === 'string' && value ? value : null;
}

/**
 * Every user a case's page names (events, files, letters' 送达, 第四十四条 decisions, who wrote up an
 * oral application and recorded the help given).
 */
export function caseUsernames(found: FoundCase): Array<string | null> {
  return [
    storedUser(found.row.oral, 'writtenUpBy'),
    storedUser(found.row.assistance, 'recordedBy'),
    ...found.events.map((e) => e.actor),
    ...found.attachments.map((a) => a.created_by),
    ...found.letters.map((l) => l.sent_by),
    ...found.publication.decisions.map((d) => d.actor),
  ];
}

/**
 * The case, its timeline, its clock as of `today` and the actions its state allows. The applicant's
 * ID number is masked (the full number: `POST …/requests/:id/applicant-id`, logged).
 */
export function caseJson(found: FoundCase, calendar: WorkCalendar, today: string, names: ActorNames) {
  const { row, events, letters, reviews, items, attachments, publication } = found;
  const clockEvents = clockEventsOf(
    events.map((e) => ({ type: e.type, on: e.occurred_on ?? '', data: e.data, seq: e.seq })),
  );
  const clock = storedClock({ received: row.received_on, events: clockEvents }, calendar, today);
  const state = row.state as CaseState;
  const kind: RequestKind = isRequestKind(row.kind) ? row.kind : 'disclosure';
  return {
    id: row.id,
    version: row.version,
    registrationNo: row.registration_no,
    trackingCode: row.tracking_code && displayTrackingCode(row.tracking_code),
    state,
    stateLabel: CASE_STATE_LABELS[state] ?? state,
    channel: row.channel,
    applicantType: row.applicant_type,
    applicant: row.applicant ? maskApplicant(parseJson(row.applicant)) : null,
    receivedOn: row.received_on,
    oral: oralJson(row.oral, names),
    assistance: assistanceJson(row.assistance, names),
    decidedOn: row.decided_on ?? row.correction_decided_on,
    kind,
    correction: row.correction ? correctionOf(parseJson(row.correction)) : null,
    correctionOutcome:
      row.correction_outcome && isCorrectionOutcome(row.correction_outcome) ? row.correction_outcome : null,
    outcome: row.outcome,
    legalBasis: row.legal_basis,
    feeFen: Number(row.fee_fen),
    items: items.map((i) => ({ seq: i.seq, outcome: i.outcome })),
    clock,
    allowedActions: allowedActions(state, { kind, outcome: row.outcome, basis: row.legal_basis }),
    events: events.map((e) => ({
      id: e.id,
      seq: e.seq,
      type: e.type,
      occurredOn: e.occurred_on,
      recordedAt: e.recorded_at,
      actor: e.actor,
      actorName: names(e.actor),
      stateBefore: e.state_before,
      stateAfter: e.state_after,
      data: parseJson(e.data),
    })),
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      fileName: l.file_name,
      eventId: l.event_id,
      createdAt: l.created_at,
      issuedOn: l.issued_on ?? todayInChina(new Date(l.created_at)),
      delivery: l.sent_on
        ? {
            method: l.sent_method,
            methodLabel: labelOfMethod(l.sent_method),
            sentOn: l.sent_on,
            trackingNo: l.sent_tracking_no,
            note: l.sent_note,
            recordedBy: l.sent_by,
            recordedByName: l.sent_by ? names(l.sent_by) : null,
          }
        : null,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mediaType: a.media_type,
      size: Number(a.size),
      createdAt: a.created_at,
      createdBy: a.created_by,
      createdByName: names(a.created_by),
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      group: r.grp,
      filedOn: r.filed_on,
      decidedOn: r.decided_on,
      result: r.result,
    })),
    publication: {
      ...publication,
      decisions: publication.decisions.map((d) => ({ ...d, actorName: names(d.actor) })),
    },
  };
}

/** 条例 第二十九条第一款: the oral application as stored, with the confirmation's label. */
function oralJson(stored: string | null, names: ActorNames) {
  if (!stored) return null;
  const oral = parseJson(stored);
  const confirmation = String(oral.confirmation ?? '');
  return {
    difficulty: String(oral.difficulty ?? ''),
    confirmation,
    confirmationLabel: ORAL_CONFIRMATION_LABELS[confirmation as OralConfirmation] ?? confirmation,
    confirmationNote:
      typeof oral.confirmationNote === 'string' && oral.confirmationNote ? oral.confirmationNote : null,
    writtenUpBy: String(oral.writtenUpBy ?? ''),
    writtenUpByName: names(String(oral.writtenUpBy ?? '')),
  };
}

/** 条例 第四十三条: the help given as stored, with the difficulties' labels. */
function assistanceJson(stored: string | null, names: ActorNames) {
  if (!stored) return null;
  const assistance = parseJson(stored);
  const needs = Array.isArray(assistance.needs) ? (assistance.needs as AssistanceNeed[]) : [];
  return {
    needs,
    needsLabel: assistanceLabel(needs),
    help: String(assistance.help ?? ''),
    recordedBy: String(assistance.recordedBy ?? ''),
    recordedByName: names(String(assistance.recordedBy ?? '')),
    recordedOn: String(assistance.recordedOn ?? ''),
  };
}
