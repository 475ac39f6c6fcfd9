/**
 * What an applicant sees by tracking code (the API's `/api/v1/track/:code` and the portal's
 * tracking page): the agency, registration number, state, received and due dates, working days
 * left (provisional when the calendar is unconfirmed) and the letters — nothing about the applicant.
 */

import { findByTrackingCode } from '../../db/queries/request-cases.ts';
import { todayInChina } from '../../domain/dates.ts';
import { type DeliveryMethod, deliverySentence, isDeliveryMethod } from '../../domain/letters/delivery.ts';
import { isLetterKind, letterKindLabel } from '../../domain/letters/kinds.ts';
import { isOutcome, outcomeInWords } from '../../domain/report/vocabulary.ts';
import { displayTrackingCode, normalizeTrackingCode } from '../../domain/requests/identifiers.ts';
import { CORRECTION_OUTCOME_LABELS, isCorrectionOutcome } from '../../domain/requests/record-correction.ts';
import { CASE_STATE_LABELS, type CaseState } from '../../domain/requests/state-machine.ts';
import type { CommandContext } from '../context.ts';
import { readClock } from './case-store.ts';

export interface Tracking {
  /** the code as it is read out: `7KX4-9MPQ-2RTB` */
  trackingCode: string;
  agency: { code: string; name: string };
  registrationNo: string | null;
  /** disclosure, or record_correction (更正申请, 条例 第四十一条: its due date is guidance, not statutory) */
  kind: string;
  state: string;
  stateLabel: string;
  receivedOn: string;
  decidedOn: string | null;
  /** the answer in words once decided (“不予公开（属于国家秘密）”; a correction request's “予以更正”), else null */
  outcomeLabel: string | null;
  dueOn: string;
  workingDaysLeft: number;
  overdue: boolean;
  provisional: boolean;
  provisionalYears: number[];
  letters: Array<{
    id: number;
    kind: string;
    /** how the letter is called: 受理回执, 答复书（予以公开）… */
    title: string;
    fileName: string;
    /** the date printed on the letter (its event's day), not when it was stored */
    issuedOn: string;
    createdAt: string;
    docxUrl: string;
    htmlUrl: string;
    /** 送达 as the applicant may read it: day, method, the post's number (no note, no address) */
    delivery: { sentOn: string; method: DeliveryMethod; trackingNo: string | null; sentence: string } | null;
  }>;
}

function deliveryOf(l: {
  sent_on: string | null;
  sent_method: string | null;
  sent_tracking_no: string | null;
}) {
  if (!l.sent_on || !l.sent_method || !isDeliveryMethod(l.sent_method)) return null;
  const delivery = { sentOn: l.sent_on, method: l.sent_method, trackingNo: l.sent_tracking_no };
  return { ...delivery, sentence: deliverySentence(delivery) };
}

/** The answer in words: one of the 21 outcomes, or a correction request's own (条例 第四十一条), else null. */
function outcomeLabelOf(row: { outcome: string | null; correction_outcome: string | null }): string | null {
  if (row.outcome && isOutcome(row.outcome)) return outcomeInWords(row.outcome);
  if (row.correction_outcome && isCorrectionOutcome(row.correction_outcome))
    return CORRECTION_OUTCOME_LABELS[row.correction_outcome];
  return null;
}

/**
 * The request of a tracking code as the applicant sees it; null for a malformed or unknown code. The
 * code may be typed loosely (case, spaces, dashes: `normalizeTrackingCode`); old 32-character codes work.
 */
export async function trackRequest(
  ctx: CommandContext<null>,
  input: { trackingCode: string },
): Promise<Tracking | null> {
  const trackingCode = normalizeTrackingCode(input.trackingCode);
  if (!trackingCode) return null;
  const found = await findByTrackingCode(ctx.db, trackingCode);
  if (!found) return null;
  const { row } = found;
  const calendar = await ctx.calendar.get();
  const clock = await readClock(
    ctx.db.kysely,
    { id: row.id, receivedOn: row.received_on },
    calendar,
    ctx.clock.today(),
  );
  const state = row.state as CaseState;
  const shown = displayTrackingCode(trackingCode);
  const letterBase = `/api/v1/track/${encodeURIComponent(shown)}/letters`;
  return {
    trackingCode: shown,
    agency: { code: row.agency_code, name: row.agency_name },
    registrationNo: row.registration_no,
    kind: row.kind,
    state,
    stateLabel: CASE_STATE_LABELS[state] ?? state,
    receivedOn: row.received_on,
    decidedOn: row.decided_on ?? row.correction_decided_on,
    outcomeLabel: outcomeLabelOf(row),
    dueOn: clock.due,
    workingDaysLeft: clock.workingDaysLeft,
    overdue: clock.overdue,
    provisional: clock.provisional,
    provisionalYears: clock.provisionalYears,
    letters: found.letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      title: isLetterKind(l.kind) ? letterKindLabel(l.kind) : l.kind,
      fileName: l.file_name,
      issuedOn: l.issued_on ?? todayInChina(new Date(l.created_at)),
      createdAt: l.created_at,
      docxUrl: `${letterBase}/${l.id}.docx`,
      htmlUrl: `${letterBase}/${l.id}.html`,
      delivery: deliveryOf(l),
    })),
  };
}
