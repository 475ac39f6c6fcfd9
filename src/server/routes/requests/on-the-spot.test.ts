/**
 * 当场答复 (条例 第三十三条第一款, `POST …/requests/on-the-spot`) and the 第四十条 provision action
 * (`POST …/requests/:id/actions/record_provision`), for every role, on both databases.
 */

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import type { Db } from '../../../db/connection.ts';
import { residentIdCheckCode } from '../../../domain/identity/resident-id.ts';
import { buildServer } from '../../app.ts';

const PASSWORD = 'On-the-spot-2026';
const URL = '/api/v1/agencies/ots/requests/on-the-spot';
/** Friday 2026-03-20, 10:00 in China: a working day. */
const NOW = new Date('2026-03-20T02:00:00Z');
const TODAY = '2026-03-20';

/** A valid 居民身份证号: the 17 digits and their check code (GB 11643, domain/identity). */
const residentId = (body17: string): string => body17 + residentIdCheckCode(body17);

const applicant = {
  ...{ name: '张三', idType: 'resident_id', idNumber: residentId('37100219800101123'), phone: '13800000000' },
  ...{ address: '山东省威海市环翠区某路1号', information: '2025年临港区城乡低保资金发放明细' },
  ...{ form: 'paper', delivery: 'pickup' },
};
const granted = {
  outcome: 'granted',
  basis: 'a36.2',
  reasons: '该信息属于公开范围',
  fields: { delivery: '当场提供纸质复印件' },
};
const body = (extra: object = {}) => ({
  applicantType: 'natural_person',
  applicant,
  decision: granted,
  ...extra,
});

const ROLES = {
  operator: ['operator'],
  reviewer: ['reviewer'],
  approver: ['approver'],
  admin: ['agency_admin'],
} as const;
const as = (user: string) => ({ 'x-gongkai-user': user });

describeEachDatabase('当场答复 and 第四十条, through the API', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;

  beforeAll(async () => {
    db = use();
    agencyId = await addAgency(db, 'ots', '临港测试机关');
    for (const [name, roles] of Object.entries(ROLES))
      await addUser(db, { username: `ots-${name}`, password: PASSWORD, agencyId, roles: [...roles] });
    const other = await addAgency(db, 'ots-other');
    await addUser(db, {
      username: 'ots-other-admin',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    const unset = await addAgency(db, 'ots-unset');
    await db.kysely.updateTable('agencies').set({ review_body: '' }).where('id', '=', unset).execute();
    await addUser(db, {
      username: 'ots-unset-operator',
      password: PASSWORD,
      agencyId: unset,
      roles: ['operator'],
    });
    app = await buildServer({ db, now: () => NOW, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: object, headers: Record<string, string> = as('ots-operator'), url = URL) =>
    app.inject({ method: 'POST', url, headers, payload });
  const act = (
    id: number,
    version: number,
    payload: object,
    headers: Record<string, string> = as('ots-operator'),
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/agencies/ots/requests/${id}/actions/record_provision`,
      headers,
      payload: { expectedVersion: version, payload },
    });
  /** What a refused step must leave untouched: requests, events, letters, registration numbers. */
  const written = async () => {
    const count = async (table: 'requests' | 'events' | 'letters' | 'registration_counters') =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counters = await db.kysely.selectFrom('registration_counters').select('last_seq').execute();
    return {
      requests: await count('requests'),
      events: await count('events'),
      letters: await count('letters'),
      counters: counters.map((c) => c.last_seq),
    };
  };
  const caseOf = async (id: number) =>
    (
      await app.inject({ url: `/api/v1/agencies/ots/requests/${id}`, headers: as('ots-reviewer') })
    ).json() as {
      version: number;
      allowedActions: string[];
      events: Array<{ type: string; occurredOn: string; actor: string; data: Record<string, unknown> }>;
      letters: Array<{ id: number; kind: string }>;
    };
  const letterText = async (requestId: number, kind: string) => {
    const row = await db.kysely
      .selectFrom('letters')
      .select('html')
      .where('request_id', '=', requestId)
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.html.replace(/<[^>]+>/g, '');
  };

  describe('条例第三十三条第一款: 当场答复', () => {
    it('条例第三十三条第一款: registers and answers in one step, both dated the day handed in', async () => {
      const res = await post(body());
      expect(res.statusCode, res.body).toBe(201);
      const done = res.json();
      expect(done).toMatchObject({ receivedOn: TODAY, decidedOn: TODAY, state: 'decided', version: 2 });
      expect(done.registrationNo).toMatch(/〔2026〕\d+号$/);
      const found = await caseOf(done.requestId);
      expect(found.events.map((e) => e.type)).toEqual(['received', 'decided', 'answered_on_the_spot']);
      for (const e of found.events) {
        expect(e.occurredOn).toBe(TODAY);
        expect(e.actor).toBe('ots-operator');
      }
      expect(found.events[0].data).toMatchObject({ channel: 'in_person', receiptNote: '当面递交，当场答复' });
      expect(String(found.events[2].data.basis)).toContain('能够当场答复的，应当当场予以答复');
      expect(found.letters.map((l) => l.kind)).toEqual(['receipt', 'answer.granted']);
      const receipt = await letterText(done.requestId, 'receipt');
      expect(receipt).toContain('第三十三条第一款的规定，本机关已当场作出答复，答复书与本回执同日出具。');
      expect(receipt).not.toContain('20个工作日');
      expect(found.events[0].data).toMatchObject({ onTheSpot: true });
      const answer = await letterText(done.requestId, 'answer.granted');
      expect(answer).toContain('本机关于2026年3月20日收到您提出的政府信息公开申请');
      expect(answer).toContain('获取该政府信息的方式、途径和时间：当场提供纸质复印件。');
      expect(answer).toContain('2026年3月20日');
      expect(answer).toContain('威海市人民政府');
      expect(found.allowedActions).toEqual(['record_provision']);
    });

    it.each([
      ['a reviewer', as('ots-reviewer'), 403, '经办人'],
      ['an approver', as('ots-approver'), 403, '经办人'],
      ['the agency’s administrator', as('ots-admin'), 403, '经办人'],
      ['another agency’s administrator', as('ots-other-admin'), 403, ''],
      ['nobody signed in', {}, 401, ''],
    ] as const)(
      '条例第三十三条第一款: refuses %s and writes nothing',
      async (_who, headers, status, message) => {
        const before = await written();
        const res = await post(body(), { ...headers });
        expect(res.statusCode).toBe(status);
        if (message) expect(res.json().error.message).toContain(message);
        expect(await written()).toEqual(before);
      },
    );

    it.each([
      ['an applicant without a name', body({ applicant: { ...applicant, name: '' } }), '姓名'],
      [
        'a decision without its basis’s field',
        body({ decision: { ...granted, fields: {} } }),
        '获取的方式、途径和时间',
      ],
      ['a decision without reasons', body({ decision: { ...granted, reasons: '' } }), '答复理由'],
      ['a basis of another outcome', body({ decision: { ...granted, basis: 'a14.secret' } }), '依据'],
      ['no decision at all', { applicantType: 'natural_person', applicant }, '请填写“答复”'],
      ['a request received by letter', body({ channel: 'letter' }), '“收到方式”应为“当面”'],
    ])(
      '条例第三十三条第一款: refuses %s with 400 in Chinese and writes nothing',
      async (_situation, payload, message) => {
        const before = await written();
        const res = await post(payload);
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().error;
        expect(error.message).toContain(message);
        expect(error.message).toMatch(/[\u4e00-\u9fa5]/u);
        expect(error.message).not.toMatch(/receivedOn|occurredOn/);
        expect(await written()).toEqual(before);
      },
    );

    it('条例第三十三条第一款: refuses while the remedies are unset, naming “行政复议机关”, and writes nothing', async () => {
      const before = await written();
      const res = await post(
        body(),
        as('ots-unset-operator'),
        '/api/v1/agencies/ots-unset/requests/on-the-spot',
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('行政复议机关');
      expect(await written()).toEqual(before);
    });

    it('条例第三十三条第一款: a refusal uses no registration number: the next answer takes the next one', async () => {
      const first = (await post(body())).json();
      await post(body({ decision: { ...granted, fields: {} } }));
      const next = (await post(body())).json();
      const seq = (no: string) => Number(/〔2026〕(\d+)号/.exec(no)?.[1]);
      expect(seq(next.registrationNo)).toBe(seq(first.registrationNo) + 1);
    });
  });

  describe('条例第四十条: how the information is provided', () => {
    let id: number;
    let version: number;
    beforeAll(async () => {
      const done = (await post(body())).json();
      id = done.requestId;
      version = done.version;
    });

    it('条例第四十条: arranges 查阅、抄录 on a working day, with its notice naming day, place and contact', async () => {
      const res = await act(id, version, {
        method: 'inspection',
        reason: 'cost_too_high',
        date: '2026-03-23',
        time: '上午9:00至11:30',
        place: '本机关档案室（江苏东路1号三楼）',
        contact: '王明，0631-5587393',
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
      const found = await caseOf(id);
      expect(found.events.at(-1)?.type).toBe('provision_recorded');
      const text = await letterText(id, 'provision');
      expect(text).toContain('政府信息查阅、抄录通知书');
      expect(text).toContain('第四十条规定：“行政机关依申请公开政府信息');
      expect(text).toContain('本机关已于2026年3月20日作出予以公开的答复。');
      expect(text).toContain(
        '您要求的政府信息形式为“纸质”。经审查，按照您要求的形式提供政府信息，公开成本过高。',
      );
      expect(text).toContain('一、查阅日期和时间：2026年3月23日，上午9:00至11:30。');
      expect(text).toContain('二、查阅地点：本机关档案室（江苏东路1号三楼）。');
      expect(text).toContain('三、联系人及联系电话：王明，0631-5587393。');
    });

    it('条例第四十条: provides in the form asked for without a reason', async () => {
      const res = await act(id, version, { method: 'paper', how: '随本告知书附送复印件，共3页' });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
      const text = await letterText(id, 'provision');
      expect(text).toContain('政府信息提供方式告知书');
      expect(text).toContain('本机关以纸质形式向您提供相关政府信息：随本告知书附送复印件，共3页。');
    });

    it.each([
      [
        'a 查阅 day on a Saturday',
        { method: 'inspection', reason: 'cost_too_high', date: '2026-03-21' },
        '不是工作日',
      ],
      [
        'a 查阅 day before today',
        { method: 'inspection', reason: 'cost_too_high', date: '2026-03-19' },
        '早于今天',
      ],
      [
        'another form without the reason',
        { method: 'electronic', how: '发送电子邮件' },
        '不按申请人要求的形式提供的理由',
      ],
      ['a form without how it is provided', { method: 'paper' }, '提供方式说明'],
      ['an unknown method', { method: 'pigeon' }, '请选择“提供方式”'],
    ])(
      '条例第四十条: refuses %s with 400 in Chinese and writes nothing',
      async (_situation, payload, message) => {
        const before = await written();
        const res = await act(id, version, { time: '上午', place: '档案室', contact: '王明', ...payload });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.message).toContain(message);
        expect(await written()).toEqual(before);
      },
    );

    it.each([
      ['a reviewer', as('ots-reviewer'), 403],
      ['an approver', as('ots-approver'), 403],
      ['the agency’s administrator', as('ots-admin'), 403],
      ['another agency’s administrator', as('ots-other-admin'), 403],
      ['nobody signed in', {}, 401],
    ] as const)('条例第四十条: refuses %s and writes nothing', async (_who, headers, status) => {
      const before = await written();
      const res = await act(id, version, { method: 'paper', how: '随本告知书附送' }, { ...headers });
      expect(res.statusCode).toBe(status);
      expect(await written()).toEqual(before);
    });

    it('条例第四十条: refuses a case whose answer provides nothing (无法提供), in Chinese', async () => {
      const denied = (
        await post(
          body({ decision: { outcome: 'unable.not_held', basis: 'a36.4', reasons: '经检索未找到' } }),
        )
      ).json();
      expect((await caseOf(denied.requestId)).allowedActions).toEqual([]);
      const res = await act(denied.requestId, denied.version, { method: 'paper', how: '随本告知书附送' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('该申请的办理结果为“无法提供”');
    });

    it('条例第四十条: refuses a case not yet answered (the state machine)', async () => {
      const open = await app.inject({
        method: 'POST',
        url: '/api/v1/agencies/ots/requests',
        headers: as('ots-operator'),
        payload: { channel: 'letter', receivedOn: TODAY, applicantType: 'natural_person', applicant },
      });
      expect(open.statusCode, open.body).toBe(201);
      const res = await act(open.json().requestId, 1, { method: 'paper', how: '随本告知书附送' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('只有“已办结”的申请可以');
    });
  });
});
