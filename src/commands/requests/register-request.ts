import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Insertable, Kysely, QueryCreator } from 'kysely';
import { sealApplicant } from '../../crypto/applicant-id.ts';
import { idVaultFor } from '../../crypto/id-vault.ts';
import { rethrowConflict } from '../../db/conflict.ts';
import type { Dialect } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestTable } from '../../db/schema-requests.ts';
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
import {
  displayTrackingCode,
  registrationNumber,
  TRACKING_CODE_BYTES,
  trackingCodeFrom,
} from '../../domain/requests/identifiers.ts';
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
import { type CommandContext, inTrx } from '../context.ts';
import { appendCaseEvent, clockColumns } from './case-store.ts';
import { letterDataOf, storeLetter } from './issue-letter.ts';

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
 * The agency with what its receipt letter needs (its own template of the kind, if it has one), and
 * its next registration number of the year, counted up (registration_counters). On PostgreSQL the
 * count and the read are one statement (the counter's upsert in a WITH), one round trip fewer per
 * registration (issue 12); SQLite, in process, runs them one after the other. None when the agency
 * does not exist (and nothing is counted).
 */
async function agencyWithNextNumber(
  trx: Kysely<Database>,
  dialect: Dialect,
  agencyId: number,
  year: number,
  letterKind: 'receipt' | 'correction_receipt',
) {
  const countUp = (db: QueryCreator<Database>) =>
    db
      .insertInto('registration_counters')
      .columns(['agency_id', 'year', 'last_seq'])
      .expression((eb) =>
        eb
          .selectFrom('agencies')
          .select((eb) => [
            'id',
            eb.cast<number>(eb.val(year), 'integer').as('year'),
            eb.lit(1).as('last_seq'),
          ])
          .where('id', '=', agencyId),
      )
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet((eb) => ({ last_seq: eb('registration_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq');
  const agencyColumns = [
    'id',
    'short_name',
    'request_prefix',
    'name',
    'office',
    'address',
    'postcode',
    'phone',
  ] as const;
  const ownTemplate = (eb: ExpressionBuilder<Database, 'agencies'>) =>
    eb
      .selectFrom('letter_templates')
      .select('template')
      .whereRef('letter_templates.agency_id', '=', 'agencies.id')
      .where('letter_templates.kind', '=', letterKind)
      .as('own_template');
  if (dialect === 'postgres') {
    const row = await trx
      .with('counter', countUp)
      .selectFrom('agencies')
      .select((eb) => [
        ...agencyColumns,
        ownTemplate(eb),
        eb.selectFrom('counter').select('last_seq').as('last_seq'),
      ])
      .where('id', '=', agencyId)
      .executeTakeFirst();
    if (!row || row.last_seq === null) return undefined;
    const { last_seq, ...agency } = row;
    return { ...agency, lastSeq: last_seq };
  }
  const agency = await trx
    .selectFrom('agencies')
    .select((eb) => [...agencyColumns, ownTemplate(eb)])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) return undefined;
  const counter = await countUp(trx).executeTakeFirstOrThrow();
  return { ...agency, lastSeq: counter.last_seq };
}

/**
 * Inserts a new request with a tracking code no request holds yet, and answers its id and code. 60
 * random bits make a collision unlikely but not impossible (the column is unique): the INSERT skips
 * a code already taken (`on conflict (tracking_code) do nothing`, so no row comes back) and a new one
 * is drawn, inside the registration's transaction — one statement where a look-up and an insert
 * were two (issue 12). Any other unique column that clashes still fails the INSERT.
 */
export async function insertWithUnusedTrackingCode(
  trx: Kysely<Database>,
  row: Omit<Insertable<RequestTable>, 'tracking_code'>,
  draw: (size: number) => Uint8Array = randomBytes,
): Promise<{ id: number; trackingCode: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingCode = trackingCodeFrom(draw(TRACKING_CODE_BYTES));
    const inserted = await trx
      .insertInto('requests')
      .values({ ...row, tracking_code: trackingCode })
      .onConflict((oc) => oc.column('tracking_code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, trackingCode };
  }
  throw new AppError('conflict', '未能生成唯一的查询码，请重试。');
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
  const kind = input.kind ?? 'disclosure';
  const refusal = registrationRefusal(ctx.actor, input.channel, kind);
  if (refusal) throw new AppError('forbidden', refusal);
  const today = ctx.clock.today();
  const calendar = await ctx.calendar.get();
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
  const writtenUpBy = ctx.actor?.username ?? PUBLIC_USERNAME;
  // 第二十九条第一款: the office wrote it up; the registering staff member is who did
  const oral = input.oral ? { ...(input.oral as OralApplication), writtenUpBy } : null; // checked above
  const receivedOn = receivedDate(input, calendar, today);
  const suggestion = suggestionOf(input.publishSuggestion, kind);
  const assistance = input.assistance
    ? { ...(input.assistance as Assistance), recordedBy: writtenUpBy, recordedOn: receivedOn } // checked above
    : null;
  const reading = computeClock({ received: receivedOn, events: [] }, calendar, today);
  return inTransaction(ctx.db, async (trx) => {
    const letterKind = correction ? 'correction_receipt' : 'receipt';
    const year = Number(receivedOn.slice(0, 4));
    const found = await agencyWithNextNumber(trx, ctx.db.dialect, input.agencyId, year, letterKind);
    if (!found) throw new AppError('not_found', '未找到该机关。');
    const { lastSeq, ...agency } = found;
    const registrationNo = registrationNumber(agency.request_prefix || agency.short_name, year, lastSeq);
    const storedApplicant = JSON.stringify(sealApplicant(applicant, idVaultFor(ctx.db)));
    const inserted = await insertWithUnusedTrackingCode(trx, {
      agency_id: agency.id,
      applicant_type: input.applicantType,
      channel: input.channel,
      received_on: receivedOn,
      decided_on: null,
      outcome: null,
      fee_yuan: 0,
      mixed_items: 0,
      registration_no: registrationNo,
      registration_year: year,
      registration_seq: lastSeq,
      submitted_at: input.submittedAt?.toISOString() ?? null,
      // the ID number only sealed (AES-256-GCM), hashed and masked: never in clear at rest
      applicant: storedApplicant,
      information: applicant.information ?? null,
      doc_number: applicant.docNumber ?? null,
      form: applicant.form ?? null,
      delivery: applicant.delivery ?? null,
      publish_suggestion: suggestion ? JSON.stringify(suggestion) : null,
      kind,
      correction: correction ? JSON.stringify(correction) : null,
      oral: oral ? JSON.stringify(oral) : null,
      assistance: assistance ? JSON.stringify(assistance) : null,
      state: 'open',
      version: 1,
      ...clockColumns(reading),
    });
    const { trackingCode } = inserted;
    const eventId = await appendCaseEvent(trx, {
      agencyId: agency.id,
      requestId: inserted.id,
      type: 'received',
      occurredOn: receivedOn,
      actor: ctx.actor?.username ?? PUBLIC_USERNAME,
      at: ctx.clock.now(),
      stateBefore: null,
      stateAfter: 'open',
      data: {
        kind,
        ...(correction ? { correction } : {}),
        channel: input.channel,
        receiptNote: input.receiptNote ?? null,
        ...(oral ? { oral } : {}),
        ...(assistance ? { assistance } : {}),
        ...(input.onTheSpot ? { onTheSpot: true } : {}),
        registrationNo,
        due: reading.due,
      },
    });
    if (suggestion)
      await appendCaseEvent(trx, {
        agencyId: agency.id,
        requestId: inserted.id,
        type: 'publish_suggested',
        occurredOn: receivedOn,
        actor: ctx.actor?.username ?? PUBLIC_USERNAME,
        at: ctx.clock.now(),
        stateBefore: 'open',
        stateAfter: 'open',
        data: { before: null, after: suggestion },
      });
    const target = {
      agencyId: agency.id,
      requestId: inserted.id,
      eventId,
      issuedOn: receivedOn,
      answerDueOn: reading.due,
    };
    // 第三十三条第一款: a request answered on the spot says so (a correction request never is: onTheSpotBody)
    const sections = input.onTheSpot ? { receipt: { onTheSpot: true } } : {};
    // the receipt's data from what was just written (letterData would read the same row back)
    const data = letterDataOf(
      {
        ...agency,
        registration_no: registrationNo,
        tracking_code: trackingCode,
        received_on: receivedOn,
        applicant: storedApplicant,
        information: applicant.information ?? null,
        form: applicant.form ?? null,
        oral: oral ? JSON.stringify(oral) : null,
      },
      receivedOn,
      reading.due,
      sections,
    );
    await storeLetter(
      inTrx(ctx, trx),
      target,
      letterKind,
      data,
      agency.own_template ?? defaultTemplate(letterKind),
    );
    return {
      requestId: inserted.id,
      trackingCode: displayTrackingCode(trackingCode),
      registrationNo,
      receivedOn,
      dueOn: reading.due,
      provisional: reading.provisional,
      version: 1,
    };
  }).catch((error: unknown) => rethrowConflict(error, '登记时与同时进行的其他登记冲突，请重试。'));
}
