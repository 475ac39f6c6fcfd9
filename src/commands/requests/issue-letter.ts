import type { LetterKind } from '../../domain/letters/kinds.ts';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import { INFORMATION_FORM_LABELS, type InformationForm } from '../../domain/requests/applicant.ts';
import { displayTrackingCode } from '../../domain/requests/identifiers.ts';
import { type OralApplication, oralConfirmationSentence } from '../../domain/requests/intake.ts';
import { renderLetterDocx } from '../../render/letters/docx.ts';
import { letterFileName } from '../../render/letters/file-name.ts';
import { renderLetterHtml } from '../../render/letters/html.ts';
import type { Reader, Trx, TrxContext } from '../context.ts';

/** What a letter says beyond the agency, the case and the applicant (the sections of its kind). */
export type LetterSections = Omit<LetterData, 'agency' | 'case' | 'applicant' | 'issuedOn'>;

export interface LetterRequest {
  kind: LetterKind;
  sections: LetterSections;
}

/** The agency's own template of a kind, else the default shipped with the platform. */
export async function templateOf(db: Reader, agencyId: number, kind: LetterKind): Promise<string> {
  const own = await db
    .selectFrom('letter_templates')
    .select('template')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return own?.template ?? defaultTemplate(kind);
}

/** What a letter's data is made from: the agency's and the case's columns, as stored. */
export interface LetterSource {
  name: string;
  office: string;
  address: string;
  postcode: string;
  phone: string;
  registration_no: string | null;
  tracking_code: string | null;
  received_on: string;
  /** the stored applicant (JSON) */
  applicant: string | null;
  information: string | null;
  form: string | null;
  /** the oral application's record (JSON) */
  oral: string | null;
}

/** The letter data of stored columns (letterDataOf's row), plus the letter's own sections. */
export function letterDataOf(
  row: LetterSource,
  issuedOn: string,
  answerDueOn: string | undefined,
  sections: LetterSections,
): LetterData {
  const applicant = row.applicant ? (JSON.parse(row.applicant) as { name?: string }) : {};
  const oral = row.oral ? (JSON.parse(row.oral) as OralApplication) : null;
  return {
    agency: {
      name: row.name,
      office: row.office,
      address: row.address,
      postcode: row.postcode,
      phone: row.phone,
    },
    case: {
      registrationNo: row.registration_no ?? '',
      trackingCode: row.tracking_code ? displayTrackingCode(row.tracking_code) : '',
      receivedOn: row.received_on,
      answerDueOn,
      information: row.information ?? '',
      form: INFORMATION_FORM_LABELS[row.form as InformationForm] ?? row.form ?? '',
      ...(oral ? { oralConfirmation: oralConfirmationSentence(oral) } : {}),
    },
    applicant: { name: applicant.name ?? '' },
    issuedOn,
    ...sections,
  };
}

/** The letter data of a case: agency, case and applicant as stored, plus the letter's own sections. */
export async function letterData(
  db: Reader,
  requestId: number,
  issuedOn: string,
  answerDueOn: string | undefined,
  sections: LetterSections,
): Promise<LetterData> {
  const row = await db
    .selectFrom('requests')
    .innerJoin('agencies', 'agencies.id', 'requests.agency_id')
    .select([
      'agencies.name',
      'agencies.office',
      'agencies.address',
      'agencies.postcode',
      'agencies.phone',
      'requests.registration_no',
      'requests.tracking_code',
      'requests.received_on',
      'requests.applicant',
      'requests.information',
      'requests.form',
      'requests.oral',
    ])
    .where('requests.id', '=', requestId)
    .executeTakeFirstOrThrow();
  return letterDataOf(row, issuedOn, answerDueOn, sections);
}

/** A letter target: the case, the event that sends the letter, its day and the answer's due day. */
export interface LetterTarget {
  agencyId: number;
  requestId: number;
  eventId: number;
  issuedOn: string;
  answerDueOn?: string;
}

/**
 * Issues a letter with an event of the case: fills the agency's template, renders HTML and DOCX,
 * and keeps both in `letters`, tied to the event that sent it (in the caller's transaction, `ctx.trx`).
 */
export async function issueLetter(
  ctx: TrxContext<unknown>,
  target: LetterTarget,
  letter: LetterRequest,
): Promise<number> {
  const { trx } = ctx;
  const data = await letterData(trx, target.requestId, target.issuedOn, target.answerDueOn, letter.sections);
  const template = await templateOf(trx, target.agencyId, letter.kind);
  return storeLetter(ctx, target, letter.kind, data, template);
}

/** A letter's row as kept in `letters`: the HTML rendered as issued, the source to build its DOCX. */
export function letterRow(
  target: LetterTarget,
  kind: LetterKind,
  data: LetterData,
  template: string,
  createdAt: Date,
) {
  // The HTML is the letter as issued; the DOCX is built from the same data and template when it is
  // first downloaded (letterDocx), not here: building it was two thirds of a submission's time.
  return {
    agency_id: target.agencyId,
    request_id: target.requestId,
    event_id: target.eventId,
    kind,
    file_name: letterFileName(kind, data),
    html: renderLetterHtml(kind, data, template),
    docx: new Uint8Array(0),
    source: JSON.stringify({ kind, data, template }),
    created_at: createdAt.toISOString(),
  };
}

/** Keeps letters (letterRow) in one statement: a batch of registrations' receipts. */
export async function insertLetters(
  trx: Trx,
  rows: ReadonlyArray<ReturnType<typeof letterRow>>,
): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto('letters')
      .values([...rows])
      .execute();
}

/**
 * Keeps a letter whose data and template the caller already has, tied to the event that sent it.
 */
export async function storeLetter(
  ctx: TrxContext<unknown>,
  target: LetterTarget,
  kind: LetterKind,
  data: LetterData,
  template: string,
): Promise<number> {
  const inserted = await ctx.trx
    .insertInto('letters')
    .values(letterRow(target, kind, data, template, ctx.clock.now()))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * The DOCX of a stored letter: kept once built; else built from the data and the template it was
 * issued with (`letters.source`) and kept. Throws when neither is there (a damaged row).
 */
export async function letterDocx(
  db: Reader,
  letter: { id: number; docx: Uint8Array; source: string | null },
): Promise<Buffer> {
  if (letter.docx.length > 0) return Buffer.from(letter.docx);
  if (!letter.source) throw new Error(`letter ${letter.id} has neither a DOCX nor its source`);
  const { kind, data, template } = JSON.parse(letter.source) as {
    kind: LetterKind;
    data: LetterData;
    template: string;
  };
  const docx = await renderLetterDocx(kind, data, template);
  await db.updateTable('letters').set({ docx }).where('id', '=', letter.id).execute();
  return Buffer.from(docx);
}
