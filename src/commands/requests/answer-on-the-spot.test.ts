/**
 * The commands of 当场答复 (条例 第三十三条第一款) and of 第四十条's provision, on both databases:
 * one transaction each, nothing written when a check fails.
 */
import { beforeAll, expect, it } from 'vitest';
import { addAgency } from '../../../test/accounts.ts';
import { describeEachDatabase } from '../../../test/databases.ts';
import type { Db } from '../../db/connection.ts';
import type { ScopeRole } from '../../domain/accounts/actor.ts';
import { residentIdCheckCode } from '../../domain/identity/resident-id.ts';
import { testContext } from '../testing-context.ts';
import { answerOnTheSpot } from './answer-on-the-spot.ts';
import { applyCaseAction } from './apply-case-action.ts';

const id17 = '37100219800101123';
const applicant = {
  ...{
    name: '李四',
    idType: 'resident_id',
    idNumber: id17 + residentIdCheckCode(id17),
    phone: '13800000000',
  },
  ...{ address: '山东省威海市某路2号', information: '某项目环评批复', form: 'email', email: 'li@example.cn' },
  delivery: 'email',
};
/** Monday 2026-03-23: a working day. */
const TODAY = '2026-03-23';
const partial = {
  items: [
    { description: '环评批复', outcome: 'granted' },
    { description: '企业报价', outcome: 'denied.third_party' },
  ],
  basis: 'a37',
  reasons: '企业报价涉及商业秘密',
  fields: { delivery: '当场交付电子文档', reason: '第三方不同意公开其商业秘密' },
};

describeEachDatabase('answerOnTheSpot and record_provision (commands)', (use) => {
  let db: Db;
  let agencyId: number;
  let unsetId: number;
  const ctx = (username = 'cmd-operator', roles: readonly ScopeRole[] = ['operator']) =>
    testContext(db, { now: TODAY, actor: { username, roles } });

  beforeAll(async () => {
    db = use();
    agencyId = await addAgency(db, 'cmd-ots');
    unsetId = await addAgency(db, 'cmd-ots-unset');
    await db.kysely.updateTable('agencies').set({ court: '' }).where('id', '=', unsetId).execute();
  });

  const eventsOf = (requestId: number) =>
    db.kysely
      .selectFrom('events')
      .select(['name', 'occurred_on', 'actor', 'data'])
      .where('subject_type', '=', 'request')
      .where('subject_id', '=', String(requestId))
      .orderBy('seq')
      .execute();
  const rowsOf = async (agency: number) => ({
    requests: await db.kysely.selectFrom('requests').select('id').where('agency_id', '=', agency).execute(),
    events: await db.kysely.selectFrom('events').select('id').where('agency_id', '=', agency).execute(),
    counters: await db.kysely
      .selectFrom('registration_counters')
      .select('last_seq')
      .where('agency_id', '=', agency)
      .execute(),
  });

  it('条例第三十三条第一款: a 部分公开 answered on the spot: three events, receipt and answer dated the day received', async () => {
    const done = await answerOnTheSpot(ctx(), {
      ...{ agencyId, channel: 'in_person', applicantType: 'natural_person', applicant },
      decision: partial,
    });
    expect(done).toMatchObject({ receivedOn: TODAY, decidedOn: TODAY, state: 'decided', version: 2 });
    const events = await eventsOf(done.requestId);
    expect(events.map((e) => e.name)).toEqual([
      'requests.received',
      'requests.decided',
      'requests.answered_on_the_spot',
    ]);
    expect(events.every((e) => e.occurred_on === TODAY && e.actor === 'cmd-operator')).toBe(true);
    expect(JSON.parse(events[1].data)).toMatchObject({ outcome: 'partial', basis: 'a37' });
    const letters = await db.kysely
      .selectFrom('letters')
      .select(['kind', 'html'])
      .where('request_id', '=', done.requestId)
      .orderBy('id')
      .execute();
    expect(letters.map((l) => l.kind)).toEqual(['receipt', 'answer.partial']);
    expect(letters[1].html).toContain('2026年3月23日');
    const row = await db.kysely
      .selectFrom('requests')
      .select(['outcome', 'decided_on', 'received_on', 'channel'])
      .where('id', '=', done.requestId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'partial', decided_on: TODAY, received_on: TODAY, channel: 'in_person' });
  });

  it('条例第四十三条 with 第三十三条第一款: the help given is kept with a request answered on the spot', async () => {
    const done = await answerOnTheSpot(ctx(), {
      ...{ agencyId, channel: 'in_person', applicantType: 'natural_person', applicant },
      assistance: { needs: ['visual'], help: '工作人员逐项宣读申请内容并代为填写' },
      decision: partial,
    });
    const row = await db.kysely
      .selectFrom('requests')
      .select('assistance')
      .where('id', '=', done.requestId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.assistance ?? 'null')).toMatchObject({
      needs: ['visual'],
      help: '工作人员逐项宣读申请内容并代为填写',
    });
  });

  it.each<[string, string, ScopeRole[], string]>([
    ['a reviewer', 'cmd-reviewer', ['reviewer'], '经办人'],
    ['an approver', 'cmd-approver', ['approver'], '经办人'],
    ['an agency administrator', 'cmd-admin', ['agency_admin'], '经办人'],
  ])('条例第三十三条第一款: refuses %s before anything is written', async (_who, user, roles, message) => {
    const before = await rowsOf(agencyId);
    await expect(
      answerOnTheSpot(ctx(user, roles), {
        ...{ agencyId, channel: 'in_person', applicantType: 'natural_person', applicant },
        decision: partial,
      }),
    ).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(message) });
    expect(await rowsOf(agencyId)).toEqual(before);
  });

  it('条例第三十三条第一款: a decision refused after the registration (the court unset) rolls the registration back', async () => {
    const before = await rowsOf(unsetId);
    await expect(
      answerOnTheSpot(ctx(), {
        ...{ agencyId: unsetId, channel: 'in_person', applicantType: 'natural_person', applicant },
        decision: {
          outcome: 'granted',
          basis: 'a36.2',
          reasons: '属于公开范围',
          fields: { delivery: '当场交付' },
        },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('行政诉讼管辖法院') });
    expect(await rowsOf(unsetId)).toEqual(before);
    expect(before.requests).toEqual([]);
  });

  it('条例第四十条: a 部分公开 provided as electronic data, as asked: its event and 提供方式告知书', async () => {
    const done = await answerOnTheSpot(ctx(), {
      ...{ agencyId, channel: 'in_person', applicantType: 'natural_person', applicant },
      decision: partial,
    });
    const result = await applyCaseAction(ctx(), {
      agencyId,
      requestId: done.requestId,
      expectedVersion: done.version,
      action: 'record_provision',
      payload: { method: 'electronic', how: '环评批复扫描件已发送至您的电子邮箱li@example.cn' },
    });
    expect(result).toMatchObject({ state: 'decided', version: done.version + 1 });
    const last = (await eventsOf(done.requestId)).at(-1);
    expect(last?.name).toBe('requests.provision_recorded');
    expect(JSON.parse(last?.data ?? '{}')).toMatchObject({
      provision: { inspection: false, formLabel: '电子数据', outcomeLabel: '部分公开' },
    });
    const letter = await db.kysely
      .selectFrom('letters')
      .select('html')
      .where('request_id', '=', done.requestId)
      .where('kind', '=', 'provision')
      .executeTakeFirstOrThrow();
    expect(letter.html).toContain('作出部分公开的答复');
    expect(letter.html).toContain('本机关以电子数据形式向您提供相关政府信息');
    expect(letter.html).not.toContain('经审查');
  });

  it('条例第三十六条第（一）项: a 予以公开 pointing to the published information has nothing to provide', async () => {
    const done = await answerOnTheSpot(ctx(), {
      ...{ agencyId, channel: 'in_person', applicantType: 'natural_person', applicant },
      decision: {
        outcome: 'granted',
        basis: 'a36.1',
        reasons: '已主动公开',
        fields: { where: '本机关门户网站' },
      },
    });
    await expect(
      applyCaseAction(ctx(), {
        agencyId,
        requestId: done.requestId,
        expectedVersion: done.version,
        action: 'record_provision',
        payload: { method: 'paper', how: '附送复印件' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('第三十六条第（一）项'),
    });
  });
});
