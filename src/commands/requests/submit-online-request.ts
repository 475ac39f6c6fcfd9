/**
 * An online request filed through the public portal's form: the same registration as the API's
 * (registerRequest), plus the form's one-time submission token recorded in the same transaction.
 * A repeated post of the same token (a double click, a reload of the confirmation) answers the
 * first request's receipt instead of registering a second request.
 */

import { isWriteConflict, rethrowConflict } from '../../db/conflict.ts';
import type { Db } from '../../db/connection.ts';
import type { ApplicantType } from '../../domain/report/vocabulary.ts';
import type { ApplicantInput } from '../../domain/requests/applicant.ts';
import { displayTrackingCode } from '../../domain/requests/identifiers.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { prepareRegistration } from './prepare-registration.ts';
import { registerSubmission } from './registration-batcher.ts';

/** A submission token: 32 lowercase hex digits (128 random bits), issued with the form. */
export const SUBMISSION_TOKEN = /^[0-9a-f]{32}$/;

export interface OnlineSubmission {
  agencyId: number;
  token: string;
  applicantType: ApplicantType;
  applicant: ApplicantInput;
  /** 条例第四十四条第二款: the applicant's suggestion to publish, ticked on the form */
  publishSuggestion?: { reasons: readonly string[]; note?: string };
  /**
   * The token was drawn for this post by the server (an API post without an Idempotency-Key): no
   * earlier submission can hold it, so it is not looked up first.
   */
  freshToken?: boolean;
}

/** What the applicant is shown: the same receipt whether this post registered it or an earlier one. */
export interface OnlineReceipt {
  trackingCode: string;
  registrationNo: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
  /** false when the token had already been used: this is the first submission's receipt */
  created: boolean;
}

async function receiptOfToken(db: Db, agencyId: number, token: string): Promise<OnlineReceipt | null> {
  const row = await db.kysely
    .selectFrom('online_submissions')
    .innerJoin('requests', 'requests.id', 'online_submissions.request_id')
    .select([
      'requests.agency_id',
      'requests.tracking_code',
      'requests.registration_no',
      'requests.received_on',
      'requests.due_on',
      'requests.due_provisional',
    ])
    .where('online_submissions.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  if (row.agency_id !== agencyId || !row.tracking_code || !row.registration_no)
    throw new AppError('conflict', '该表单已提交过，请重新打开申请页面填写。');
  return {
    trackingCode: displayTrackingCode(row.tracking_code),
    registrationNo: row.registration_no,
    receivedOn: row.received_on,
    dueOn: row.due_on ?? '',
    provisional: Number(row.due_provisional) === 1,
    created: false,
  };
}

/**
 * Registers an online request once per submission token. Validation problems come back as the
 * registration's `validation` AppError (with a detail per field) and record nothing. Submissions
 * arriving together are written together (registration-batcher.ts); each is answered once its own
 * registration is committed.
 */
export async function submitOnlineRequest(
  ctx: CommandContext<null>,
  input: OnlineSubmission,
): Promise<OnlineReceipt> {
  const { db } = ctx;
  const now = ctx.clock.now();
  if (!SUBMISSION_TOKEN.test(input.token))
    throw new AppError('bad_request', '表单已失效，请重新打开申请页面填写。');
  const earlier = input.freshToken ? null : await receiptOfToken(db, input.agencyId, input.token);
  if (earlier) return earlier;
  const prepared = prepareRegistration(
    ctx,
    {
      agencyId: input.agencyId,
      channel: 'online',
      applicantType: input.applicantType,
      applicant: input.applicant,
      publishSuggestion: input.publishSuggestion,
      submittedAt: now,
    },
    await ctx.calendar.get(),
  );
  try {
    const {
      requestId: _id,
      version: _version,
      ...receipt
    } = await registerSubmission(db, {
      prepared,
      token: input.token,
    });
    return { ...receipt, created: true };
  } catch (error) {
    if (!isWriteConflict(error) || error instanceof AppError) throw error;
    // A concurrent post of the same token won the primary key: show its receipt.
    const winner = await receiptOfToken(db, input.agencyId, input.token);
    if (winner) return winner;
    return rethrowConflict(error, '登记时与同时进行的其他登记冲突，请重试。');
  }
}
