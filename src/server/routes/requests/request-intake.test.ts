/**
 * Issue 11 point 5 through the API, on both databases: an oral application written up by the
 * office (条例 第二十九条第一款), the help given to the applicant (第四十三条) at registration and on the
 * case by role, and a consultation of another agency by the 牵头制作 agency only (第三十四条).
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';
import { htmlText } from '../../../render/letters/testing.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'intake-route-2026';
const BASE = '/api/v1/agencies/in-mine/requests';
const ROLES = ['operator', 'approver', 'reviewer', 'admin'] as const;

/** A valid 居民身份证号: the 17 digits and their check code (GB 11643, domain/identity). */
const residentId = (body17: string): string => body17 + residentIdCheckCode(body17);

const APPLICANT = {
  name: '王大爷',
  idType: 'resident_id',
  idNumber: residentId('37100219500101123'),
  phone: '13800000000',
  address: '山东省威海市环翠区某路1号',
  information: '本村2025年度土地征收补偿标准',
  form: 'paper',
  delivery: 'pickup',
};
const ORAL = { difficulty: '申请人不识字，无法书写申请', confirmation: 'read_back' };
const HELP = { needs: ['reading'], help: '工作人员逐项宣读申请内容，并当场代为填写' };

describeEachDatabase(
  'oral applications, help given and the lead agency (条例 第二十九条、第三十四条、第四十三条)',
  (use) => {
    let app: FastifyInstance;
    let db: Db;
    const as: Record<string, Record<string, string>> = {};

    beforeAll(async () => {
      db = use();
      const mine = await addAgency(db, 'in-mine', '威海市某区人民政府');
      const roles = {
        operator: 'operator',
        approver: 'approver',
        reviewer: 'reviewer',
        admin: 'agency_admin',
      };
      for (const [who, role] of Object.entries(roles))
        await addUser(db, {
          username: `in-${who}`,
          displayName: `${who} 姓名`,
          password: PASSWORD,
          agencyId: mine,
          roles: [role],
        });
      const other = await addAgency(db, 'in-other');
      await addUser(db, {
        username: 'in-other-admin',
        password: PASSWORD,
        agencyId: other,
        roles: ['agency_admin'],
      });
      app = await buildServer({
        db,
        now: () => new Date('2026-03-20T02:00:00Z'),
        signInLimits: { perIpPerMinute: 1000 },
      });
      for (const who of [...ROLES, 'other-admin'])
        as[who] = (await signInAs(app, `in-${who}`, PASSWORD)).headers;
      as.nobody = {};
    });
    afterAll(() => app.close());

    const register = (payload: object, who = 'operator') =>
      app.inject({
        method: 'POST',
        url: BASE,
        headers: as[who],
        payload: {
          applicantType: 'natural_person',
          applicant: APPLICANT,
          receivedOn: '2026-03-19',
          ...payload,
        },
      });
    const view = async (id: number) =>
      (await app.inject({ url: `${BASE}/${id}`, headers: as.operator })).json();
    const count = async () => (await db.kysely.selectFrom('requests').select('id').execute()).length;
    const letterText = async (requestId: number, kind: string) => {
      const row = await db.kysely
        .selectFrom('letters')
        .select('html')
        .where('request_id', '=', requestId)
        .where('kind', '=', kind)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return htmlText(row.html);
    };

    it('条例第二十九条第一款: registers an oral application written up by the office; the receipt says so', async () => {
      const res = await register({ channel: 'oral', oral: ORAL });
      expect(res.statusCode, res.body).toBe(201);
      const { requestId } = res.json();
      const found = await view(requestId);
      expect(found.channel).toBe('oral');
      expect(found.oral).toEqual({
        ...ORAL,
        confirmationLabel: '宣读后口头确认',
        confirmationNote: null,
        writtenUpBy: 'in-operator',
        writtenUpByName: 'operator 姓名',
      });
      expect(found.events[0]).toMatchObject({ type: 'received', actor: 'in-operator', data: { oral: ORAL } });
      const text = await letterText(requestId, 'receipt');
      expect(text).toContain('您于2026年3月19日口头提出政府信息公开申请。因您采用书面形式确有困难');
      expect(text).toContain(
        '第二十九条第一款的规定，本机关政府信息公开工作机构已按您的口述代为填写政府信息公开申请，经向您宣读后由您口头确认，并予登记',
      );
      expect(text).not.toMatch(/[{}]|[。；，][。；，]/u);
    });

    it.each([
      [
        'without the applicant’s confirmation',
        { channel: 'oral', oral: { difficulty: ORAL.difficulty } },
        '申请人确认',
      ],
      ['without any oral details', { channel: 'oral' }, '书面形式确有困难'],
      ['with oral details on a letter', { channel: 'letter', oral: ORAL }, '只有口头提出的申请'],
      [
        'with an unknown confirmation',
        { channel: 'oral', oral: { ...ORAL, confirmation: 'nod' } },
        '当场签字确认',
      ],
    ])(
      '条例第二十九条第一款: refuses an oral application %s in Chinese, writing nothing',
      async (_s, body, words) => {
        const before = await count();
        const res = await register(body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toContain(words);
        expect(res.json().error.message).not.toMatch(/confirmation|difficulty/);
        expect(await count()).toBe(before);
      },
    );

    it('条例第四十三条: records the help at registration, shows it on the case and as the queue’s tag, never on tracking', async () => {
      const res = await register({ channel: 'oral', oral: ORAL, assistance: HELP });
      expect(res.statusCode, res.body).toBe(201);
      const { requestId, trackingCode } = res.json();
      const found = await view(requestId);
      expect(found.assistance).toMatchObject({
        ...HELP,
        needsLabel: '阅读困难',
        recordedBy: 'in-operator',
        recordedByName: 'operator 姓名',
      });
      const queue = (await app.inject({ url: `${BASE}?filter=all`, headers: as.operator })).json();
      const summary = queue.cases.find((c: { id: number }) => c.id === requestId);
      expect(summary.assistanceNeeds).toEqual(['reading']);
      const tracked = await app.inject(`/api/v1/track/${trackingCode}`);
      expect(tracked.statusCode).toBe(200);
      expect(tracked.body).not.toContain(HELP.help);
      expect(tracked.body).not.toContain('assistance');
      expect(tracked.body).not.toContain(ORAL.difficulty);
    });

    it('条例第四十三条: refuses the help for an organization (the article speaks of 公民), writing nothing', async () => {
      const before = await count();
      const res = await register({
        channel: 'in_person',
        applicantType: 'business',
        applicant: { ...APPLICANT, idType: 'other', idName: '营业执照', idNumber: 'YYZZ-1', name: '某公司' },
        assistance: HELP,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('公民');
      expect(await count()).toBe(before);
    });

    const assist = (id: number, who: string, payload: object) =>
      app.inject({ method: 'POST', url: `${BASE}/${id}/assistance`, headers: as[who], payload });

    it('条例第四十三条: the operator records the help later on the case, an event before → after', async () => {
      const { requestId, version } = (await register({ channel: 'letter' })).json();
      const help = { needs: ['visual', 'hearing'], help: '提供大字版答复并电话告知办理进度' };
      const res = await assist(requestId, 'operator', { expectedVersion: version, ...help });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ requestId, version: version + 1 });
      const found = await view(requestId);
      expect(found.version).toBe(version + 1);
      expect(found.assistance).toMatchObject({
        ...help,
        needsLabel: '视觉障碍、听觉障碍',
        recordedOn: '2026-03-20',
      });
      const event = found.events.at(-1);
      expect(event).toMatchObject({ type: 'assistance_recorded', actor: 'in-operator', stateAfter: 'open' });
      expect(event.data).toMatchObject({ before: null, after: help });
      const stale = await assist(requestId, 'operator', { expectedVersion: version, ...help });
      expect(stale.statusCode).toBe(409);
    });

    it.each(['approver', 'reviewer', 'admin', 'other-admin', 'nobody'])(
      '条例第四十三条: refuses %s recording the help, writing nothing',
      async (who) => {
        const { requestId, version } = (await register({ channel: 'letter' })).json();
        const res = await assist(requestId, who, { expectedVersion: version, ...HELP });
        expect([401, 403, 404]).toContain(res.statusCode);
        expect((await view(requestId)).assistance).toBeNull();
      },
    );

    it.each([
      ['no difficulty', { needs: [], help: HELP.help }, '申请人存在的困难'],
      ['no help written', { needs: ['hearing'], help: '' }, '提供的帮助'],
      ['an unknown difficulty', { needs: ['mobility'], help: HELP.help }, '阅读困难'],
    ])('条例第四十三条: refuses help with %s in Chinese, writing nothing', async (_s, body, words) => {
      const { requestId, version } = (await register({ channel: 'letter' })).json();
      const res = await assist(requestId, 'operator', { expectedVersion: version, ...body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(words);
      const found = await view(requestId);
      expect(found.assistance).toBeNull();
      expect(found.version).toBe(version);
    });

    const consult = (id: number, version: number, payload: object) =>
      app.inject({
        method: 'POST',
        url: `${BASE}/${id}/actions/send_consultation`,
        headers: as.operator,
        payload: { expectedVersion: version, payload },
      });
    const JOINT = {
      kind: 'agency',
      party: '威海市生态环境局',
      question: '是否同意公开该补偿标准中贵机关提供的部分',
      coProducers: ['威海市生态环境局', '威海市自然资源和规划局'],
    };

    it('条例第三十四条: the 牵头制作 agency consults a co-producer; the letter says this agency leads', async () => {
      const { requestId, version } = (await register({ channel: 'letter' })).json();
      const res = await consult(requestId, version, { ...JOINT, lead: 'this' });
      expect(res.statusCode, res.body).toBe(200);
      const found = await view(requestId);
      expect(found.events.at(-1)).toMatchObject({
        type: 'consultation_sent',
        data: { coProducers: JOINT.coProducers, lead: 'this' },
      });
      const text = await letterText(requestId, 'consultation');
      expect(text).toContain('政府信息公开征求意见函');
      expect(text).toContain(
        '该政府信息由本机关与威海市生态环境局、威海市自然资源和规划局共同制作，本机关为牵头制作的行政机关。',
      );
      expect(text).toContain('第三十四条');
    });

    it('条例第三十四条: another agency leads — refused in Chinese citing the article, nothing written', async () => {
      const { requestId, version } = (await register({ channel: 'letter' })).json();
      const res = await consult(requestId, version, { ...JOINT, lead: '威海市生态环境局' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('条例第三十四条');
      expect(res.json().error.message).toContain('本机关不是牵头制作机关');
      const found = await view(requestId);
      expect(found.state).toBe('open');
      expect(found.version).toBe(version);
      expect(found.letters).toHaveLength(1);
    });

    it.each([
      ['without the co-producers', { ...JOINT, coProducers: undefined, lead: 'this' }, '共同制作'],
      ['without the lead', JOINT, '牵头制作机关'],
      ['with a lead that is not a co-producer', { ...JOINT, lead: '威海市财政局' }, '不在共同制作机关之列'],
      ['to a third party with co-producers', { ...JOINT, kind: 'third_party', lead: 'this' }, '第三十二条'],
    ])('条例第三十四条: refuses an agency consultation %s in Chinese', async (_s, payload, words) => {
      const { requestId, version } = (await register({ channel: 'letter' })).json();
      const res = await consult(requestId, version, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(words);
      expect((await view(requestId)).version).toBe(version);
    });
  },
);
