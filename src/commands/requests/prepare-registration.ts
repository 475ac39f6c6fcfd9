/**
 * A registration checked and worked out before anything is written (intake): the input of every
 * way a request arrives, who may register it, the applicant (第二十九条), the received date
 * (第三十一条), the suggestion to publish (第四十四条第二款) and the clock. register-request.ts writes it.
 */
import { sealApplicant } from '../../crypto/applicant-id.ts';
import { idVaultFor } from '../../crypto/id-vault.ts';
import type { AgencyActor } from '../../domain/accounts/actor.ts';
import type { WorkCalendar } from '../../domain/calendar/types.ts';
import { computeClock } from '../../domain/clock/compute-clock.ts';
import { isIsoDate, todayInChina } from '../../domain/dates.ts';
import type { ApplicantType, RequestChannel } from '../../domain/report/vocabulary.ts';
import {
  type ApplicantInput,
  applicantProblems,
  correctionApplicantProblems,
} from '../../domain/requests/applicant.ts';
import type { ClockReading } from '../../domain/requests/clock-events.ts';
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
