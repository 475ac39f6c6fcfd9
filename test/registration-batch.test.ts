/**
 * Online submissions written together (commands/requests/registration-batcher.ts, issue 12): a
 * batch writes each registration exactly as one alone would — its consecutive number, tracking
 * code, clock, events, receipt letter and token — and a submission that fails its batch fails
 * alone: the others are registered, the numbers stay consecutive.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAgency } from '../src/commands/items/testing.ts';
import { prepareRegistration } from '../src/commands/requests/prepare-registration.ts';
import { writeRegistrations } from '../src/commands/requests/register-request.ts';
import { MAX_BATCH, registerWithTokens } from '../src/commands/requests/registration-batcher.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { buildServer } from '../src/server/app.ts';
import { describeEachDatabase } from './databases.ts';

const CODE = 'batchzone';
const NOW = new Date('2021-06-10T02:00:00Z'); // a Thursday, a working day

const applicant = (n: number) => ({
  name: `申请人${n}`,
  idType: 'passport',
  idNumber: `E${String(30000000 + n)}`,
  phone: '13800138000',
  address: '威海市临港区测试路1号',
  information: `2021年第${n}批城乡低保资金发放明细`,
  form: 'paper',
  delivery: 'post',
});

describeEachDatabase('online submissions written together', (use) => {
  let app: FastifyInstance;
  let agencyId: number;

  beforeAll(async () => {
    agencyId = await createTestAgency(use(), CODE);
    const unlimited = 1_000_000;
    app = await buildServer({
      db: use(),
      now: () => NOW,
      submissionLimits: {
        perAddressPerMinute: unlimited,
        perApplicantPerMinute: unlimited,
        postsPerAddressPerMinute: unlimited,
      },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (n: number, headers: Record<string, string> = {}, suggest = false) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${CODE}/requests/online`,
      headers,
      payload: {
        applicantType: 'natural_person',
        applicant: applicant(n),
        ...(suggest ? { publishSuggestion: { reasons: ['public_interest'], note: `第${n}件建议公开` } } : {}),
      },
    });

  /** Every stored registration of the agency with its events, letters and token, by number. */
  async function stored() {
    const db = use().kysely;
    const requests = await db
      .selectFrom('requests')
      .select(['id', 'registration_no', 'registration_seq', 'tracking_code', 'information', 'due_on'])
      .where('agency_id', '=', agencyId)
      .orderBy('registration_seq')
      .execute();
    const events = await db
      .selectFrom('events')
      .select(['id', 'subject_id', 'seq', 'name', 'data'])
      .where('subject_type', '=', 'request')
      .where('agency_id', '=', agencyId)
      .execute();
    const letters = await db
      .selectFrom('letters')
      .select(['request_id', 'event_id', 'kind', 'html'])
      .where('agency_id', '=', agencyId)
      .execute();
    const tokens = await db.selectFrom('online_submissions').select(['token', 'request_id']).execute();
    return { requests, events, letters, tokens };
  }

  it(`registers ${MAX_BATCH + 15} submissions filed at once, each as it would be alone`, async () => {
    const count = MAX_BATCH + 15; // more than one batch
    const before = await stored();
    const answers = await Promise.all(Array.from({ length: count }, (_, i) => post(i + 1, {}, i % 3 === 0)));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    const receipts = answers.map(
      (a) => a.json() as { trackingCode: string; registrationNo: string; dueOn: string },
    );
    const after = await stored();
    const fresh = after.requests.slice(before.requests.length);
    expect(fresh).toHaveLength(count);
    // consecutive numbers from 1, each receipt's own, in the order the posts arrived
    expect(fresh.map((r) => r.registration_seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(new Set(receipts.map((r) => r.registrationNo)).size).toBe(count);
    expect(new Set(receipts.map((r) => r.trackingCode)).size).toBe(count);
    for (const [i, receipt] of receipts.entries()) {
      const row = fresh.find((r) => r.registration_no === receipt.registrationNo);
      expect(row?.information).toBe(applicant(i + 1).information);
      expect(row?.tracking_code).toBe(receipt.trackingCode.replaceAll('-', ''));
      expect(row?.due_on).toBe(receipt.dueOn);
      const own = after.events.filter((e) => e.subject_id === String(row?.id));
      const received = own.find((e) => e.name === 'requests.received');
      expect(received?.seq).toBe(1);
      expect(JSON.parse(received?.data ?? '{}')).toMatchObject({
        registrationNo: receipt.registrationNo,
        channel: 'online',
      });
      const suggested = own.filter((e) => e.name === 'requests.publish_suggested');
      expect(suggested.map((e) => e.seq)).toEqual(i % 3 === 0 ? [2] : []);
      expect(own).toHaveLength(i % 3 === 0 ? 2 : 1);
      const letters = after.letters.filter((l) => l.request_id === row?.id);
      expect(letters).toHaveLength(1);
      expect(letters[0]?.kind).toBe('receipt');
      expect(letters[0]?.event_id).toBe(received?.id);
      expect(letters[0]?.html).toContain(receipt.registrationNo);
      expect(letters[0]?.html).toContain(receipt.trackingCode);
      expect(letters[0]?.html).toContain(applicant(i + 1).information);
      expect(after.tokens.filter((t) => t.request_id === row?.id)).toHaveLength(1);
    }
  });

  it('a submission that fails its batch fails alone: a key posted twice at once files once, the others file', async () => {
    const before = await stored();
    const key = { 'idempotency-key': 'same-form-twice' };
    const answers = await Promise.all([post(201), post(202, key), post(203), post(202, key), post(204)]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes, answers.map((a) => a.body).join('\n')).toEqual([200, 201, 201, 201, 201]);
    const keyed = [answers[1]?.json(), answers[3]?.json()];
    expect(keyed[0]).toEqual(keyed[1]);
    const after = await stored();
    const fresh = after.requests.slice(before.requests.length);
    expect(fresh).toHaveLength(4);
    const last = before.requests.at(-1)?.registration_seq ?? 0;
    expect(fresh.map((r) => r.registration_seq)).toEqual([last + 1, last + 2, last + 3, last + 4]);
    expect(after.tokens.length - before.tokens.length).toBe(4);
  });

  it('writes a batch in one transaction: one of another agency, year or receipt kind is refused, nothing written', async () => {
    const ctx = testContext(use(), { actor: null, now: NOW });
    const calendar = await ctx.calendar.get();
    const online = (n: number) =>
      prepareRegistration(
        ctx,
        {
          agencyId,
          channel: 'online',
          applicantType: 'natural_person',
          applicant: applicant(n),
          submittedAt: NOW,
        },
        calendar,
      );
    const before = await stored();
    const other = { ...online(301), agencyId: agencyId + 1000 };
    await expect(
      inTransaction(use(), (trx) => writeRegistrations(trx, use().dialect, [online(302), other])),
    ).rejects.toThrow(/one agency, year and receipt kind/);
    // and a token used twice fails the whole batch: nothing of it is kept
    await expect(
      registerWithTokens(use(), [
        { prepared: online(303), token: 'a'.repeat(32) },
        { prepared: online(304), token: 'a'.repeat(32) },
      ]),
    ).rejects.toThrow();
    const after = await stored();
    expect(after.requests).toHaveLength(before.requests.length);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.letters).toHaveLength(before.letters.length);
    // the counter was not moved either: the next registration takes the next number
    const [next] = await registerWithTokens(use(), [{ prepared: online(305), token: 'b'.repeat(32) }]);
    expect(next?.registrationNo).toContain(
      `〔2021〕${(before.requests.at(-1)?.registration_seq ?? 0) + 1}号`,
    );
  });
});
