/**
 * Registrations written: one (registerRequest: staff, the CLI, the demo, answers on the spot) or a
 * batch of online submissions (registration-batcher.ts), from prepared registrations
 * (prepare-registration.ts), with a statement per table.
 */
import type { Transaction } from 'kysely';
import { rethrowConflict } from '../../db/conflict.ts';
import type { Dialect } from '../../db/connection.ts';
import { appendNewSubjectEvents } from '../../db/events.ts';
import {
  agencyWithNextNumbers,
  insertRequestsWithUnusedTrackingCodes,
} from '../../db/queries/registration.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import { displayTrackingCode, registrationNumber } from '../../domain/requests/identifiers.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { caseEventOf, clockColumns } from './case-store.ts';
import { insertLetters, letterDataOf, letterRow } from './issue-letter.ts';
import {
  batchKey,
  type PreparedRegistration,
  prepareRegistration,
  type RegisterRequestInput,
  type Registrar,
} from './prepare-registration.ts';

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
      fee_fen: 0,
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
