import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { recordLetterSent } from '../../../commands/requests/record-letter-sent.ts';
import { testContext } from '../../../commands/testing-context.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const NOW = new Date('2026-05-20T04:00:00Z');

describeEachWithDemo('recording that a letter was sent (送达)', (use) => {
  let app: FastifyInstance;
  let as: Record<string, Record<string, string>> = {};
  let letter = { id: 0, requestId: 0, issuedOn: '', trackingCode: '' };

  const caseRow = () =>
    use()
      .kysely.selectFrom('requests')
      .select(['version', 'applicant'])
      .where('id', '=', letter.requestId)
      .executeTakeFirstOrThrow();
  const sentEvents = () =>
    use()
      .kysely.selectFrom('events')
      .select(['occurred_on', 'actor', 'data'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(letter.requestId))
      .where('name', '=', 'requests.letter_sent')
      .orderBy('seq')
      .execute();
  const letterRow = () =>
    use()
      .kysely.selectFrom('letters')
      .select(['sent_on', 'sent_method', 'sent_tracking_no', 'sent_note', 'sent_by'])
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
  const send = async (who: string, body: Record<string, unknown>, code = 'lingang') => {
    const { version } = await caseRow();
    return app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${code}/requests/${letter.requestId}/letters/${letter.id}/delivery`,
      headers: as[who],
      payload: { expectedVersion: version, ...body },
    });
  };

  beforeAll(async () => {
    const db = use();
    const found = await db.kysely
      .selectFrom('letters')
      .innerJoin('requests', 'requests.id', 'letters.request_id')
      .innerJoin('events', 'events.id', 'letters.event_id')
      .innerJoin('agencies', 'agencies.id', 'letters.agency_id')
      .select(['letters.id', 'letters.request_id', 'events.occurred_on', 'requests.tracking_code'])
      .where('agencies.code', '=', 'lingang')
      .where('requests.tracking_code', 'is not', null)
      .where('requests.applicant', 'is not', null)
      .orderBy('letters.id')
      .executeTakeFirstOrThrow();
    letter = {
      id: found.id,
      requestId: found.request_id,
      issuedOn: found.occurred_on ?? '',
      trackingCode: found.tracking_code ?? '',
    };
    const otherId = await addAgency(db, 'other');
    await addUser(db, {
      username: 'other-operator',
      password: 'other-agency-2026',
      agencyId: otherId,
      roles: ['operator'],
    });
    app = await buildServer({ db, signInLimits: { perIpPerMinute: 1000 }, now: () => NOW });
    await app.ready();
    as = {
      operator: (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers,
      reviewer: (await signInAs(app, 'lingang-reviewer', 'demo-reviewer-2021')).headers,
      other: (await signInAs(app, 'other-operator', 'other-agency-2026')).headers,
    };
  });
  afterAll(() => app.close());

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an unknown method', { method: 'fax', sentOn: '2026-05-19' }, 'method', /请选择送达方式/],
    [
      'a day in the future',
      { method: 'email', sentOn: '2026-05-21' },
      'sentOn',
      /不能晚于今天（2026-05-20）/,
    ],
    ['a day before the letter', { method: 'email', sentOn: '2000-01-01' }, 'sentOn', /不能早于文书日期/],
    [
      'post without a tracking number',
      { method: 'post', sentOn: '2026-05-19' },
      'trackingNo',
      /邮寄送达请填写邮件单号/,
    ],
    ['no date', { method: 'email' }, 'sentOn', /送达日期/],
  ])('refuses %s in Chinese and writes nothing', async (_name, body, field, message) => {
    const before = { case: await caseRow(), letter: await letterRow(), events: await sentEvents() };
    const res = await send('operator', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
    if (body.sentOn !== undefined)
      expect(res.json().error.details).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(await caseRow()).toEqual(before.case);
    expect(await letterRow()).toEqual(before.letter);
    expect(await sentEvents()).toEqual(before.events);
  });

  it('refuses a user of another agency, through the API and in the command, writing nothing', async () => {
    const res = await send('other', { method: 'email', sentOn: '2026-05-19' });
    expect(res.statusCode).toBe(403);
    const inOther = await send('other', { method: 'email', sentOn: '2026-05-19' }, 'other');
    expect(inOther.statusCode).toBe(404);
    const otherId = (
      await use()
        .kysely.selectFrom('agencies')
        .select('id')
        .where('code', '=', 'other')
        .executeTakeFirstOrThrow()
    ).id;
    await expect(
      recordLetterSent(
        testContext(use(), { actor: { username: 'other-operator', roles: ['operator'] }, now: '2026-05-20' }),
        {
          agencyId: otherId,
          requestId: letter.requestId,
          letterId: letter.id,
          expectedVersion: (await caseRow()).version,
          method: 'email',
          sentOn: '2026-05-19',
        },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await letterRow()).sent_on).toBeNull();
    expect(await sentEvents()).toEqual([]);
  });

  it('refuses a reviewer (no operator role) and a stale version', async () => {
    const reviewer = await send('reviewer', { method: 'email', sentOn: '2026-05-19' });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json().error.message).toContain('经办人');
    const stale = await send('operator', { method: 'email', sentOn: '2026-05-19', expectedVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(await sentEvents()).toEqual([]);
  });

  it('records a posting on the letter with one case event, and a correction with before → after', async () => {
    const { version } = await caseRow();
    const res = await send('operator', {
      method: 'post',
      sentOn: '2026-05-18',
      trackingNo: 'EA123456789CN',
      note: '挂号信，寄往申请人通信地址',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ letterId: letter.id, version: version + 1, method: 'post' });
    expect(await letterRow()).toEqual({
      sent_on: '2026-05-18',
      sent_method: 'post',
      sent_tracking_no: 'EA123456789CN',
      sent_note: '挂号信，寄往申请人通信地址',
      sent_by: 'lingang-operator',
    });
    expect((await caseRow()).version).toBe(version + 1);
    const events = await sentEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'lingang-operator' });
    expect(JSON.parse(events[0].data)).toMatchObject({
      letterId: letter.id,
      before: null,
      after: { method: 'post', sentOn: '2026-05-18', trackingNo: 'EA123456789CN' },
    });

    const detail = await app.inject({
      url: `/api/v1/agencies/lingang/requests/${letter.requestId}`,
      headers: as.operator,
    });
    const shown = detail.json().letters.find((l: { id: number }) => l.id === letter.id);
    expect(shown).toMatchObject({
      issuedOn: letter.issuedOn,
      delivery: { method: 'post', methodLabel: '邮寄', sentOn: '2026-05-18', trackingNo: 'EA123456789CN' },
    });

    const corrected = await send('operator', {
      method: 'post',
      sentOn: '2026-05-19',
      trackingNo: 'EA987654321CN',
    });
    expect(corrected.statusCode).toBe(200);
    const after = await sentEvents();
    expect(after).toHaveLength(2);
    expect(JSON.parse(after[1].data).before).toMatchObject({
      sentOn: '2026-05-18',
      trackingNo: 'EA123456789CN',
    });
    expect((await letterRow()).sent_note).toBeNull();
  });

  it('shows the applicant when and how, with the tracking number, and nothing about them', async () => {
    const { applicant } = await caseRow();
    const details = JSON.parse(applicant ?? '{}') as Record<string, string>;
    const api = await app.inject(`/api/v1/track/${letter.trackingCode}`);
    expect(api.statusCode, api.body).toBe(200);
    const sent = api.json().letters.find((l: { id: number }) => l.id === letter.id);
    expect(sent.delivery).toEqual({
      sentOn: '2026-05-19',
      method: 'post',
      trackingNo: 'EA987654321CN',
      sentence: '已于 5 月 19 日邮寄（单号 EA987654321CN）',
    });
    const page = await app.inject(`/track?code=${encodeURIComponent(letter.trackingCode)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="col">送达</th>');
    expect(page.body).toContain('已于 5 月 19 日邮寄（单号 EA987654321CN）');
    for (const key of ['name', 'address', 'phone', 'email', 'idNumber'] as const)
      if (details[key]) expect(page.body).not.toContain(details[key]);
    expect(page.body).not.toContain('lingang-operator');
  });
});
