import type { Transaction } from 'kysely';
import { sealApplicant } from '../../crypto/applicant-id.ts';
import { idVaultFor } from '../../crypto/id-vault.ts';
import { rethrowConflict } from '../../db/conflict.ts';
import type { Dialect } from '../../db/connection.ts';
import { appendNewSubjectEvents } from '../../db/events.ts';
import {
  agencyWithNextNumbers,
  insertRequestsWithUnusedTrackingCodes,
} from '../../db/queries/registration.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AgencyActor } from '../../domain/accounts/actor.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { computeClock } from '../../domain/clock/compute-clock.ts';
import { isIsoDate, todayInChina } from '../../domain/dates.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import type { ApplicantType, RequestChannel } from '../../domain/report/vocabulary.ts';
import {
  type ApplicantInput,
  applicantProblems,
  correctionApplicantProblems,
} from '../../domain/requests/applicant.ts';
import type { ClockReading } from '../../domain/requests/clock-events.ts';
import { displayTrackingCode, registrationNumber } from '../../domain/requests/identifiers.ts';
import {
  type Assistance,
  type AssistanceInput,
  assistanceProblems,
  type OralApplication,
  type OralInput,
  oralProblems,
} from '../../domain/requests/intake.ts';
import { registrationRefusal } from '../../domain/requests/policy.ts';
import {
  normalizeSuggestion,
  type PublishSuggestion,
  suggestionProblem,
} from '../../domain/requests/proposals/suggestion.ts';
import {
  type CorrectionRequest,
  correctionRequestProblems,
  type RequestKind,
} from '../../domain/requests/record-correction.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { caseEventOf, clockColumns } from './case-store.ts';
import { insertLetters, letterDataOf, letterRow } from './issue-letter.ts';

export interface RegisterRequestInput {
  agencyId: number;
  channel: RequestChannel;
  applicantType: ApplicantType;
  applicant: ApplicantInput;
  /**
   * 第三十一条: in person, the day handed in; registered post, the day signed for; ordinary mail,
   * fax or other, the day receipt was confirmed with the applicant. Not given for online
   * submissions: those are acknowledged automatically (see receivedDate).
   */
  receivedOn?: string;
  /** how the received day was established (签收 / 当面递交 / 与申请人确认), kept on the event */
  receiptNote?: string;
  /** the instant an online submission arrived */
  submittedAt?: Date;
  /** 条例第四十四条第二款: the applicant suggests publishing the information, with the reasons */
  publishSuggestion?: { reasons: readonly string[]; note?: string };
  /** disclosure (default) or record_correction (条例 第四十一条) */
  kind?: RequestKind;
  /** a correction request's record, inaccuracy and evidence */
  correction?: Partial<CorrectionRequest>;
  /** 条例 第二十九条第一款: an oral application written up by the office (channel `oral` only, required there) */
  oral?: OralInput;
  /** 条例 第四十三条: the help given to a citizen with reading, sight or hearing difficulties */
  assistance?: AssistanceInput;
  /** answered on the spot (条例 第三十三条第一款, answer-on-the-spot.ts): the receipt says so */
  onTheSpot?: boolean;
}

export interface RegisteredRequest {
  requestId: number;
  trackingCode: string;
  registrationNo: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
  version: number;
}

/**
 * 第三十一条（三）: an online submission counts as received on the day both sides confirm; the
 * platform confirms automatically, on the day it arrives if that is a working day, else on the
 * next working day.
 */
export function onlineReceivedDate(submittedAt: Date, calendar: WorkCalendar): string {
  const day = todayInChina(submittedAt);
  return calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1);
}

function receivedDate(input: RegisterRequestInput, calendar: WorkCalendar, today: string): string {
  if (input.channel === 'online') {
    if (!input.submittedAt) throw new AppError('validation', '网络提交的申请缺少提交时间。');
    return onlineReceivedDate(input.submittedAt, calendar);
  }
  const on = input.receivedOn;
  const problem: FieldIssue | null = !on
    ? {
        field: 'receivedOn',
        message: '请填写收到申请的日期（当面递交日、挂号信签收日或与申请人确认之日，条例第三十一条）',
      }
    : !isIsoDate(on)
      ? { field: 'receivedOn', message: `收到日期“${on}”无效，请写成 YYYY-MM-DD` }
      : on > today
        ? { field: 'receivedOn', message: `收到日期 ${on} 不能晚于今天` }
        : on < '2000-01-01'
          ? { field: 'receivedOn', message: `收到日期 ${on} 早于2000年，工作日历不覆盖该日期` }
          : null;
  if (problem) throw new AppError('validation', problem.message, [problem]);
  return on as string;
}

/**
 * The applicant's suggestion to publish given with the application (条例第四十四条第二款), checked;
 * none when not given or no reason ticked and no note written (an untouched form part). A correction
 * request (第四十一条) asks for no information to be provided, so there is nothing to suggest.
 */
function suggestionOf(
  given: RegisterRequestInput['publishSuggestion'],
  kind: RequestKind,
): PublishSuggestion | null {
  if (!given || (given.reasons.length === 0 && !given.note?.trim())) return null;
  if (kind === 'record_correction') {
    // 条例 第四十四条：“对行政机关依申请公开的政府信息，申请人认为……可以建议行政机关将该信息纳入主动公开的范围。”
    const message =
      '更正申请（条例第四十一条）不能建议纳入主动公开：建议只针对依申请公开的政府信息（条例第四十四条第二款），请删去“建议纳入主动公开”。';
    throw new AppError('validation', message, [{ field: 'publishSuggestion', message }]);
  }
  const problem = suggestionProblem(given);
  if (problem) throw new AppError('validation', problem, [{ field: 'publishSuggestion', message: problem }]);
  return normalizeSuggestion(given);
}

/** Who registers: a member of staff (the operator role), or nobody signed in (a citizen, online only). */
export type Registrar = AgencyActor | null;

/** The event log's actor of a citizen's online request. */
const PUBLIC_USERNAME = 'public';

/**
 * A registration checked and worked out, ready to be written: everything but what the database
 * gives (the registration number, the tracking code, the ids). Made outside any transaction, so a
 * refusal writes nothing and a batch of them (registration-batcher.ts) holds the write lock only to
 * write.
 */
export interface PreparedRegistration {
  agencyId: number;
  channel: RequestChannel;
  applicantType: ApplicantType;
  kind: RequestKind;
  letterKind: 'receipt' | 'correction_receipt';
  /** the applicant as the letters name them (a correction request's record as the information) */
  applicant: ApplicantInput;
  /** the applicant as stored: the ID number sealed (AES-256-GCM), hashed and masked */
  storedApplicant: string;
  correction: { record: string; inaccuracy: string; evidence: string } | null;
  oral: (OralApplication & { writtenUpBy: string }) | null;
  assistance: (Assistance & { recordedBy: string; recordedOn: string }) | null;
  suggestion: PublishSuggestion | null;
  receivedOn: string;
  year: number;
  reading: ClockReading;
  receiptNote: string | null;
  submittedAt: Date | null;
  onTheSpot: boolean;
  /** who registers (a username, or `public` for a citizen online) and when it is recorded */
  actor: string;
  at: Date;
}

/**
 * Checks a registration and works it out (intake): who registers (domain/requests/policy.ts), the
 * applicant (第二十九条), the received date (第三十一条), the suggestion (第四十四条第二款), the clock.
 * Throws the refusal; nothing is written.
 */
export function prepareRegistration(
  ctx: CommandContext<Registrar>,
  input: RegisterRequestInput,
  calendar: WorkCalendar,
): PreparedRegistration {
  const kind = input.kind ?? 'disclosure';
  const refusal = registrationRefusal(ctx.actor, input.channel, kind);
  if (refusal) throw new AppError('forbidden', refusal);
  const today = ctx.clock.today();
  // 条例 第四十一条：“公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，
  // 可以要求行政机关更正。” — who asks, the record, what is inaccurate and the evidence.
  const problems = [
    ...(kind === 'record_correction'
      ? [
          ...correctionApplicantProblems(input.applicant, input.applicantType),
          ...correctionRequestProblems(input.correction ?? {}),
        ]
      : applicantProblems(input.applicant, input.applicantType)),
    ...oralProblems(input.channel, input.oral),
    ...(input.assistance ? assistanceProblems(input.applicantType, input.assistance) : []),
  ];
  if (problems.length > 0) {
    const what = kind === 'record_correction' ? '更正申请' : '申请信息';
    throw new AppError('validation', `${what}有误：${problems.map((p) => p.message).join('；')}`, problems);
  }
  const correction =
    kind === 'record_correction'
      ? {
          record: String(input.correction?.record).trim(),
          inaccuracy: String(input.correction?.inaccuracy).trim(),
          evidence: String(input.correction?.evidence).trim(),
        }
      : null;
  // a correction request's record is what the queue searches and the letters name as the information
  const applicant = correction
    ? { ...input.applicant, information: correction.record, form: undefined, delivery: undefined }
    : input.applicant;
  const actor = ctx.actor?.username ?? PUBLIC_USERNAME;
  // 第二十九条第一款: the office wrote it up; the registering staff member is who did
  const oral = input.oral ? { ...(input.oral as OralApplication), writtenUpBy: actor } : null; // checked above
  const receivedOn = receivedDate(input, calendar, today);
  const suggestion = suggestionOf(input.publishSuggestion, kind);
  const assistance = input.assistance
    ? { ...(input.assistance as Assistance), recordedBy: actor, recordedOn: receivedOn } // checked above
    : null;
  return {
    agencyId: input.agencyId,
    channel: input.channel,
    applicantType: input.applicantType,
    kind,
    letterKind: correction ? 'correction_receipt' : 'receipt',
    applicant,
    storedApplicant: JSON.stringify(sealApplicant(applicant, idVaultFor(ctx.db))),
    correction,
    oral,
    assistance,
    suggestion,
    receivedOn,
    year: Number(receivedOn.slice(0, 4)),
    reading: computeClock({ received: receivedOn, events: [] }, calendar, today),
    receiptNote: input.receiptNote ?? null,
    submittedAt: input.submittedAt ?? null,
    onTheSpot: input.onTheSpot === true,
    actor,
    at: ctx.clock.now(),
  };
}

/** Registrations a batch may write together: of one agency, one year and one receipt kind. */
export function batchKey(prepared: PreparedRegistration): string {
  return `${prepared.agencyId}:${prepared.year}:${prepared.letterKind}`;
}

/**
 * Writes prepared registrations of one agency, year and receipt kind (batchKey) in the caller's
 * transaction: the agency's next registration numbers, the requests with their tracking codes and
 * clocks, the first events (received; the suggestion to publish) and the receipt letters — a
 * statement each for all of them, so a batch of online submissions costs the statements of one
 * (issue 12). Answers the registrations in the given order.
 */
export async function writeRegistrations(
  trx: Transaction<Database>,
  dialect: Dialect,
  registrations: readonly PreparedRegistration[],
): Promise<RegisteredRequest[]> {
  const [first] = registrations;
  if (!first) return [];
  if (registrations.some((r) => batchKey(r) !== batchKey(first)))
    throw new Error('writeRegistrations: one agency, year and receipt kind per batch');
  const count = registrations.length;
  const found = await agencyWithNextNumbers(
    trx,
    dialect,
    first.agencyId,
    first.year,
    first.letterKind,
    count,
  );
  if (!found) throw new AppError('not_found', '未找到该机关。');
  const { lastSeq, own_template, ...agency } = found;
  const template = own_template ?? defaultTemplate(first.letterKind);
  const prefix = agency.request_prefix || agency.short_name;
  const seqs = registrations.map((_, i) => lastSeq - count + 1 + i);
  const numbers = seqs.map((seq) => registrationNumber(prefix, first.year, seq));
  const inserted = await insertRequestsWithUnusedTrackingCodes(
    trx,
    registrations.map((r, i) => ({
      agency_id: agency.id,
      applicant_type: r.applicantType,
      channel: r.channel,
      received_on: r.receivedOn,
      decided_on: null,
      outcome: null,
      fee_yuan: 0,
      mixed_items: 0,
      registration_no: numbers[i],
      registration_year: r.year,
      registration_seq: seqs[i],
      submitted_at: r.submittedAt?.toISOString() ?? null,
      // the ID number only sealed (AES-256-GCM), hashed and masked: never in clear at rest
      applicant: r.storedApplicant,
      information: r.applicant.information ?? null,
      doc_number: r.applicant.docNumber ?? null,
      form: r.applicant.form ?? null,
      delivery: r.applicant.delivery ?? null,
      publish_suggestion: r.suggestion ? JSON.stringify(r.suggestion) : null,
      kind: r.kind,
      correction: r.correction ? JSON.stringify(r.correction) : null,
      oral: r.oral ? JSON.stringify(r.oral) : null,
      assistance: r.assistance ? JSON.stringify(r.assistance) : null,
      state: 'open',
      version: 1,
      ...clockColumns(r.reading),
    })),
  );
  const events = registrations.flatMap((r, i) => {
    const registrationNo = numbers[i] as string;
    const requestId = inserted[i]?.id as number;
    const received = caseEventOf({
      agencyId: agency.id,
      requestId,
      type: 'received',
      occurredOn: r.receivedOn,
      actor: r.actor,
      at: r.at,
      stateBefore: null,
      stateAfter: 'open',
      data: {
        kind: r.kind,
        ...(r.correction ? { correction: r.correction } : {}),
        channel: r.channel,
        receiptNote: r.receiptNote,
        ...(r.oral ? { oral: r.oral } : {}),
        ...(r.assistance ? { assistance: r.assistance } : {}),
        ...(r.onTheSpot ? { onTheSpot: true } : {}),
        registrationNo,
        due: r.reading.due,
      },
    });
    const suggested = r.suggestion
      ? [
          {
            event: caseEventOf({
              agencyId: agency.id,
              requestId,
              type: 'publish_suggested',
              occurredOn: r.receivedOn,
              actor: r.actor,
              at: r.at,
              stateBefore: 'open',
              stateAfter: 'open',
              data: { before: null, after: r.suggestion },
            }),
            seq: 2,
          },
        ]
      : [];
    return [{ event: received, seq: 1 }, ...suggested];
  });
  const eventIds = await appendNewSubjectEvents(trx, events);
  // the received events' ids, in the registrations' order (each followed by its suggestion's, if any)
  const receivedIds = events.flatMap((e, i) => (e.seq === 1 ? [eventIds[i] as number] : []));
  await insertLetters(
    trx,
    registrations.map((r, i) => {
      const { trackingCode } = inserted[i] as { trackingCode: string };
      // 第三十三条第一款: a request answered on the spot says so (a correction request never is: onTheSpotBody)
      const sections = r.onTheSpot ? { receipt: { onTheSpot: true } } : {};
      // the receipt's data from what is written (letterData would read the same row back)
      const data = letterDataOf(
        {
          ...agency,
          registration_no: numbers[i] as string,
          tracking_code: trackingCode,
          received_on: r.receivedOn,
          applicant: r.storedApplicant,
          information: r.applicant.information ?? null,
          form: r.applicant.form ?? null,
          oral: r.oral ? JSON.stringify(r.oral) : null,
        },
        r.receivedOn,
        r.reading.due,
        sections,
      );
      const target = {
        agencyId: agency.id,
        requestId: inserted[i]?.id as number,
        eventId: receivedIds[i] as number,
        issuedOn: r.receivedOn,
        answerDueOn: r.reading.due,
      };
      return letterRow(target, r.letterKind, data, template, r.at);
    }),
  );
  return registrations.map((r, i) => ({
    requestId: inserted[i]?.id as number,
    trackingCode: displayTrackingCode(inserted[i]?.trackingCode as string),
    registrationNo: numbers[i] as string,
    receivedOn: r.receivedOn,
    dueOn: r.reading.due,
    provisional: r.reading.provisional,
    version: 1,
  }));
}

/**
 * Registers a disclosure request (intake): checks who registers (domain/requests/policy.ts),
 * validates the applicant (第二十九条), fixes the received date (第三十一条), gives it a random
 * tracking code and the agency's next registration number of the year, starts its clock and
 * records the first event — all in one transaction.
 */
export async function registerRequest(
  ctx: CommandContext<Registrar>,
  input: RegisterRequestInput,
): Promise<RegisteredRequest> {
  const calendar = await ctx.calendar.get();
  const prepared = prepareRegistration(ctx, input, calendar);
  return inTransaction(ctx.db, async (trx) => {
    const [registered] = await writeRegistrations(trx, ctx.db.dialect, [prepared]);
    return registered as RegisteredRequest;
  }).catch((error: unknown) => rethrowConflict(error, '登记时与同时进行的其他登记冲突，请重试。'));
}
