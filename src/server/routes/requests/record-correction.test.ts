/**
 * 条例 第四十一条 through the API: a request to correct a record about the applicant is registered with
 * the record, the inaccuracy and the evidence, answered by its own decision (never one of the 21
 * outcomes) in a 更正申请答复书, shown as such in the queue, and left out of table 三 — by every role,
 * on both databases.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { htmlText } from '../../../render/letters/testing.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'correction-route-2026';
const BASE = '/api/v1/agencies/rc-mine/requests';
const ROLES = ['operator', 'approver', 'reviewer', 'agency_admin'] as const;

import { applicant, correction, correctionBody, disclosureBody } from './correction-testing.ts';

describeEachDatabase('条例第四十一条: correction requests through the API', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let _agencyId = 0;
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = use();
    const mine = await addAgency(db, 'rc-mine', '威海市临港区民政局');
    _agencyId = mine;
    for (const role of ROLES)
      await addUser(db, { username: `rc-${role}`, password: PASSWORD, agencyId: mine, roles: [role] });
    const other = await addAgency(db, 'rc-other');
    await addUser(db, {
      username: 'rc-other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    app = await buildServer({
      db,
      now: () => new Date('2026-03-20T02:00:00Z'),
      signInLimits: { perIpPerMinute: 1000 },
    });
    for (const user of [...ROLES.map((r) => `rc-${r}`), 'rc-other-admin'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
    as.nobody = {};
  });
  afterAll(() => app.close());

  const register = (who: string, body: object) =>
    app.inject({ method: 'POST', url: BASE, headers: as[who], payload: body });
  const view = async (id: number) => {
    const res = await app.inject({ url: `${BASE}/${id}`, headers: as['rc-operator'] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const act = (who: string, id: number, action: string, expectedVersion: number, payload: object) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/${id}/actions/${action}`,
      headers: as[who],
      payload: { expectedVersion, payload },
    });
  const count = async () =>
    Number(
      (
        await db.kysely
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('registering', () => {
    it('条例第四十一条: the operator registers a correction request; it is kept with its record, inaccuracy and evidence', async () => {
      const res = await register('rc-operator', correctionBody());
      expect(res.statusCode, res.body).toBe(201);
      const found = await view(res.json().requestId);
      expect(found.kind).toBe('record_correction');
      expect(found.correction).toEqual(correction);
      expect(found.allowedActions).toEqual(['decide_correction']);
      expect(found.letters.map((l: { kind: string }) => l.kind)).toEqual(['correction_receipt']);
      expect(found.applicant.information).toBe(correction.record);
      const received = found.events.find((e: { type: string }) => e.type === 'received');
      expect(received.data).toMatchObject({ kind: 'record_correction', correction });
    });

    it('条例第四十一条: the applicant’s tracking says it is a correction request, its date guidance only', async () => {
      const { trackingCode } = (await register('rc-operator', correctionBody())).json();
      const api = await app.inject(`/api/v1/track/${trackingCode}`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ kind: 'record_correction' });
      expect(api.body).not.toContain(applicant.idNumber);
      const page = await app.inject(`/track?code=${trackingCode}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('更正申请（政府信息公开条例第四十一条）');
      expect(page.body).toContain('参考答复期限');
      expect(page.body).toContain('更正申请登记回执');
    });

    it.each(['rc-approver', 'rc-reviewer', 'rc-agency_admin', 'rc-other-admin'])(
      '条例第四十一条: %s may not register one (403), and nothing is written',
      async (who) => {
        const before = await count();
        const res = await register(who, correctionBody());
        expect(res.statusCode).toBe(403);
        expect(await count()).toBe(before);
      },
    );

    it('条例第四十一条 with 第二十九条第一款 and 第四十三条: an oral correction request keeps what the office wrote up and the help given', async () => {
      const res = await register(
        'rc-operator',
        correctionBody({
          channel: 'oral',
          oral: { difficulty: '申请人视力障碍，无法书写', confirmation: 'read_back' },
          assistance: { needs: ['visual'], help: '工作人员逐项宣读并代为填写' },
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const found = await view(res.json().requestId);
      expect(found).toMatchObject({ kind: 'record_correction', channel: 'oral', correction });
      expect(found.oral).toMatchObject({
        difficulty: '申请人视力障碍，无法书写',
        writtenUpBy: 'rc-operator',
      });
      expect(found.assistance).toMatchObject({ needs: ['visual'], help: '工作人员逐项宣读并代为填写' });
      expect(found.letters.map((l: { kind: string }) => l.kind)).toEqual(['correction_receipt']);
    });

    it('条例第三十三条第一款 is for 政府信息公开申请: 当场答复 refuses a correction request in Chinese, nothing written', async () => {
      const before = await count();
      const { receivedOn: _day, channel: _channel, ...body } = correctionBody();
      const res = await app.inject({
        method: 'POST',
        url: `${BASE}/on-the-spot`,
        headers: as['rc-operator'],
        payload: {
          ...body,
          decision: {
            outcome: 'granted',
            basis: 'a36.2',
            reasons: '属于公开范围',
            fields: { delivery: '当场提供' },
          },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('当场答复（条例第三十三条第一款）只适用于政府信息公开申请');
      expect(await count()).toBe(before);
    });

    it('条例第四十一条: nobody signed in may not register one', async () => {
      const res = await register('nobody', correctionBody());
      expect([401, 403]).toContain(res.statusCode);
    });

    it('条例第四十一条 “有证据证明”: without evidence it is refused in Chinese naming the field, nothing written', async () => {
      const before = await count();
      const res = await register(
        'rc-operator',
        correctionBody({ correction: { ...correction, evidence: '' } }),
      );
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('validation');
      expect(error.message).toContain('申请人提供的证明该记录不准确的证据');
      expect(error.details).toContainEqual({
        field: 'correction.evidence',
        message: expect.stringContaining('证据'),
      });
      expect(await count()).toBe(before);
    });

    it('条例第四十一条: a wrong kind is refused in Chinese', async () => {
      const res = await register('rc-operator', correctionBody({ kind: 'complaint' }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('申请类型应为');
    });

    it('a disclosure request stays the default kind', async () => {
      const res = await register('rc-operator', disclosureBody);
      expect(res.statusCode, res.body).toBe(201);
      const found = await view(res.json().requestId);
      expect(found.kind).toBe('disclosure');
      expect(found.correction).toBeNull();
      expect(found.allowedActions).toContain('decide');
      expect(found.allowedActions).not.toContain('decide_correction');
      expect(found.letters.map((l: { kind: string }) => l.kind)).toEqual(['receipt']);
    });
  });

  describe('deciding', () => {
    let correctionId = 0;
    let disclosureId = 0;
    beforeAll(async () => {
      correctionId = (await register('rc-operator', correctionBody())).json().requestId;
      disclosureId = (await register('rc-operator', disclosureBody)).json().requestId;
    });

    it('条例第四十一条: the normal decide refuses a correction request, saying why', async () => {
      const res = await act('rc-operator', correctionId, 'decide', 1, {
        outcome: 'granted',
        basis: 'a36.2',
        reasons: '属于公开范围',
        fields: { delivery: '随本答复书邮寄' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('该申请是更正申请（条例第四十一条）');
    });

    it('条例第四十一条: a correction request cannot get a 补正告知 (条例第三十条)', async () => {
      const res = await act('rc-operator', correctionId, 'request_correction', 1, {
        until: '2026-03-31',
        what: '请补充证据',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('只适用于政府信息公开申请');
    });

    it('条例第四十一条: decide_correction refuses a disclosure request, saying why', async () => {
      const res = await act('rc-operator', disclosureId, 'decide_correction', 1, {
        outcome: 'corrected',
        corrected: '已更正',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('请使用“作出答复”');
    });

    it.each(['rc-approver', 'rc-reviewer', 'rc-agency_admin', 'rc-other-admin', 'nobody'])(
      '条例第四十一条: %s may not decide one',
      async (who) => {
        const res = await act(who, correctionId, 'decide_correction', 1, {
          outcome: 'corrected',
          corrected: '已更正',
        });
        expect([401, 403, 404]).toContain(res.statusCode);
        expect((await view(correctionId)).version).toBe(1);
      },
    );

    it('条例第四十一条: a refusal without its reason is refused, naming the fields in Chinese; nothing written', async () => {
      const res = await act('rc-operator', correctionId, 'decide_correction', 1, { outcome: 'refused' });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.message).toContain('不予更正的理由');
      expect(error.details.map((d: { field: string }) => d.field)).toEqual(['ground', 'reason']);
      const found = await view(correctionId);
      expect(found.version).toBe(1);
      expect(found.state).toBe('open');
    });

    it('条例第四十一条: an unknown outcome is refused in Chinese', async () => {
      const res = await act('rc-operator', correctionId, 'decide_correction', 1, { outcome: 'granted' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('更正申请的处理结果应为');
    });

    it('条例第四十一条 “审核属实的，应当予以更正并告知申请人”: the operator corrects; a 更正申请答复书 is issued, no outcome of table 三', async () => {
      const res = await act('rc-operator', correctionId, 'decide_correction', 1, {
        outcome: 'corrected',
        corrected: '将家庭人口由4人更正为3人。',
      });
      expect(res.statusCode, res.body).toBe(200);
      const found = await view(correctionId);
      expect(found.state).toBe('decided');
      expect(found.correctionOutcome).toBe('corrected');
      expect(found.outcome).toBeNull();
      expect(found.allowedActions).toEqual([]);
      const decided = found.events.find((e: { type: string }) => e.type === 'decided');
      expect(decided.actor).toBe('rc-operator');
      expect(decided.data).toMatchObject({ action: 'decide_correction', correctionOutcome: 'corrected' });
      const letter = found.letters.find((l: { kind: string }) => l.kind === 'correction_answer');
      const html = await app.inject({
        url: `${BASE}/${correctionId}/letters/${letter.id}.html`,
        headers: as['rc-operator'],
      });
      expect(html.statusCode).toBe(200);
      const text = htmlText(html.body);
      expect(text).toContain('政府信息更正申请答复书');
      expect(text).toContain('本机关已予以更正：将家庭人口由4人更正为3人。');
      expect(text).toContain('第四十一条规定：“公民、法人或者其他组织有证据证明');
      expect(text).toContain('六十日内向威海市人民政府申请行政复议');
      expect(text).toContain('六个月内向威海市环翠区人民法院提起行政诉讼');
      expect(text).not.toMatch(/[{}]/u);
    });

    it('条例第四十一条: the applicant’s tracking gives the answer in words and its day', async () => {
      const found = await view(correctionId);
      const res = await app.inject(`/api/v1/track/${found.trackingCode}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ outcomeLabel: '予以更正', decidedOn: found.decidedOn });
      const page = await app.inject(`/track?code=${found.trackingCode}`);
      expect(htmlText(page.body)).toContain('予以更正');
    });

    it('条例第四十条 is not for a correction answer: 告知提供方式 is refused, saying it provides no information', async () => {
      const found = await view(correctionId);
      const res = await act('rc-operator', correctionId, 'record_provision', found.version, {
        method: 'paper',
        how: '邮寄',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('更正申请的答复不向申请人提供政府信息');
      expect((await view(correctionId)).version).toBe(found.version);
    });

    it('条例第四十一条: the queue shows the kind and the correction outcome', async () => {
      const res = await app.inject({ url: `${BASE}?filter=all`, headers: as['rc-reviewer'] });
      expect(res.statusCode).toBe(200);
      const listed = res.json().cases.find((c: { id: number }) => c.id === correctionId);
      expect(listed).toMatchObject({
        kind: 'record_correction',
        correctionOutcome: 'corrected',
        outcome: null,
      });
      const other = await app.inject({ url: `${BASE}?filter=all`, headers: as['rc-other-admin'] });
      expect([403, 404]).toContain(other.statusCode);
    });
  });
});
