import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { NOT_REVIEWED_OR_WITHDRAWN } from '../../../commands/items/item-store.ts';
import type { Db } from '../../../db/connection.ts';
import { loadReportFacts } from '../../../db/queries/report-facts.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

const PASSWORD = 'new-media-route-2026';
const BASE = '/api/v1/agencies/nm-mine/new-media';
/** 10:00 in China on 2026-03-20 */
const NOW = new Date('2026-03-20T02:00:00Z');

const WECHAT = {
  platform: 'wechat',
  name: '临港发布',
  accountId: 'lingang_fabu',
  hostUnit: '临港区人民政府办公室',
  openedOn: '2020-05-01',
  filingStatus: 'filed',
  filingNo: '鲁政新备2020001',
  manager: '张三',
  managerPhone: '0631-5212345',
};

describeEachDatabase('政务新媒体 routes', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let mine: number;
  const as: Record<string, Record<string, string>> = {};

  const post = (headers: Record<string, string>, payload: object, url = BASE) =>
    app.inject({ method: 'POST', url, headers, payload });
  const get = (headers: Record<string, string>, url = BASE) => app.inject({ method: 'GET', url, headers });
  const publish = (channel: string, published_on: string) =>
    db.kysely
      .insertInto('publications')
      .values({
        ...{ agency_id: mine, ref: null, title: `${channel} ${published_on}`, category: 'other', channel },
        ...{ formed_on: published_on, published_on, is_policy_document: 0, is_interpretation: 0 },
        ...{ interprets_id: null, is_meeting: 0, is_online_interview: 0, item_id: null, link: null },
      })
      .execute();

  beforeAll(async () => {
    db = use();
    const city = await addAgency(db, 'nm-city');
    mine = await addAgency(db, 'nm-mine', undefined, city);
    const other = await addAgency(db, 'nm-other');
    await db.kysely
      .insertInto('agency_channels')
      .values([
        { agency_id: mine, code: 'website', name: '网站', sort: 0 },
        { agency_id: mine, code: 'wechat', name: '微信', sort: 1 },
        { agency_id: mine, code: 'weibo', name: '微博', sort: 2 },
      ])
      .execute();
    await publish('wechat', '2025-06-01');
    await publish('wechat', '2026-03-13');
    await publish('website', '2026-03-19');
    for (const role of AGENCY_ROLES)
      await addUser(db, { username: `nm-${role}`, password: PASSWORD, agencyId: mine, roles: [role] });
    await addUser(db, {
      username: 'nm-outsider',
      password: PASSWORD,
      agencyId: other,
      roles: ['agency_admin'],
    });
    await addUser(db, {
      username: 'nm-supervisor',
      password: PASSWORD,
      agencyId: city,
      roles: [SUPERVISOR_ROLE],
    });
    app = await buildServer({ db, now: () => NOW, signInLimits: { perIpPerMinute: 1000 } });
    for (const user of [...AGENCY_ROLES.map((r) => `nm-${r}`), 'nm-outsider', 'nm-supervisor'])
      as[user] = (await signInAs(app, user, PASSWORD)).headers;
  });
  afterAll(() => app.close());

  it.each(AGENCY_ROLES.filter((r) => r !== 'agency_admin'))(
    'refuses registering to the %s (403)',
    async (role) => {
      const res = await post(as[`nm-${role}`], WECHAT);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
      expect(res.json().error.message).toContain('机关管理员');
    },
  );

  it('refuses reading and writing to another agency’s administrator', async () => {
    expect((await get(as['nm-outsider'])).statusCode).toBe(403);
    expect((await post(as['nm-outsider'], WECHAT)).statusCode).toBe(403);
    expect((await get(as['nm-outsider'], `${BASE}/stats?year=2025`)).statusCode).toBe(403);
  });

  it('lets a supervisor over the agency read the registry, never write to it (docs/supervision.md)', async () => {
    expect((await get(as['nm-supervisor'])).statusCode).toBe(200);
    expect((await get(as['nm-supervisor'], `${BASE}/stats?year=2025`)).statusCode).toBe(200);
    expect((await post(as['nm-supervisor'], WECHAT)).statusCode).toBe(403);
  });

  it('refuses anyone not signed in (401)', async () => {
    expect((await get({})).statusCode).toBe(401);
    expect((await post({}, WECHAT)).statusCode).toBe(401);
  });

  it('refuses bad fields naming them in Chinese, writing nothing', async () => {
    const res = await post(as['nm-agency_admin'], { ...WECHAT, filingNo: '', managerPhone: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'filingNo',
      'managerPhone',
    ]);
    expect(res.json().error.message).toContain('备案编号');
    const future = await post(as['nm-agency_admin'], { ...WECHAT, openedOn: '2026-03-21' });
    expect(future.json().error.details).toEqual([
      { field: 'openedOn', message: '“开设日期”不能晚于今天（2026-03-20）' },
    ]);
    const count = await db.kysely
      .selectFrom('new_media_accounts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('registers, counts postings from the channel’s publications, alarms on silence, and steps through 关停/注销', async () => {
    const admin = as['nm-agency_admin'];
    const first = await post(admin, WECHAT);
    expect(first.statusCode).toBe(201);
    // the agency's 微信 channel is linked: the postings already there are the account's
    expect(first.json()).toMatchObject({
      channelCode: 'wechat',
      channelName: '微信',
      platformLabel: '微信公众号',
      stateLabel: '运营中',
      filingStatusLabel: '已备案',
      lastPostedOn: '2026-03-13',
      postings: 2,
      postingsInYear: 1,
      silence: { days: 7, level: 'warning', label: '预警', daysToVeto: 7 },
    });
    const second = (await post(admin, { ...WECHAT, name: '临港服务', openedOn: '2026-03-18' })).json();
    expect(second).toMatchObject({
      channelCode: 'wechat-2',
      channelName: '微信公众号“临港服务”',
      postings: 0,
    });
    expect(second.silence).toMatchObject({ days: 2, level: 'ok' });
    const weibo = (
      await post(admin, { ...WECHAT, platform: 'weibo', name: '临港微博', openedOn: '2026-03-01' })
    ).json();
    expect(weibo.silence).toMatchObject({ days: 19, level: 'overdue', label: '超期未更新' });

    // every staff role reads the list
    for (const role of AGENCY_ROLES) {
      const list = await get(as[`nm-${role}`]);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        today: '2026-03-20',
        year: 2026,
        alarms: { warning: 1, overdue: 1 },
      });
      expect(list.json().accounts).toHaveLength(3);
    }

    // a posting on the new channel: the account's count and the annual report's channel row agree
    await publish('wechat-2', '2026-03-19');
    const detail = (await get(as['nm-operator'], `${BASE}/${second.id}`)).json();
    expect(detail.account).toMatchObject({ lastPostedOn: '2026-03-19', postingsInYear: 1 });
    expect(detail.events.map((e: { label: string }) => e.label)).toEqual(['登记政务新媒体账号']);
    const facts = await loadReportFacts(db, 'nm-mine', 2026);
    expect(facts?.current.publications.byChannel.filter((c) => c.code.startsWith('wechat'))).toEqual([
      { code: 'wechat', name: '微信', count: 1 },
      { code: 'wechat-2', name: '微信公众号“临港服务”', count: 1 },
    ]);

    // edit at the version seen
    const url = `${BASE}/${first.json().id}`;
    const stale = await app.inject({
      method: 'PATCH',
      url,
      headers: admin,
      payload: { expectedVersion: 9, manager: '李四' },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await app.inject({
      method: 'PATCH',
      url,
      headers: admin,
      payload: { expectedVersion: 1, manager: '李四' },
    });
    expect(edited.json()).toMatchObject({ manager: '李四', version: 2 });
    const asOperator = await app.inject({
      method: 'PATCH',
      url,
      headers: as['nm-operator'],
      payload: { expectedVersion: 2 },
    });
    expect(asOperator.statusCode).toBe(403);

    // 关停 needs a reason; then not inspected; twice is refused; 恢复运营; 注销 is final
    const step = (action: string, payload: object) => post(admin, payload, `${url}/actions/${action}`);
    const noReason = await step('close', { expectedVersion: 2, on: '2026-03-15' });
    expect(noReason.json().error.details).toEqual([{ field: 'reason', message: '请填写关停的原因' }]);
    const closed = await step('close', {
      expectedVersion: 2,
      on: '2026-03-15',
      reason: '整合至区融媒体中心',
    });
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closedOn: '2026-03-15',
      silence: { level: 'not_operating' },
    });
    const twice = await step('close', { expectedVersion: 3, on: '2026-03-16', reason: '再次' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'invalid_state']);
    const reopened = await step('reopen', { expectedVersion: 3, on: '2026-03-17' });
    expect(reopened.json()).toMatchObject({
      state: 'operating',
      closedOn: null,
      version: 4,
      // the closed spell is kept: closed on the 15th, operating again from the 17th
      closures: [{ closedOn: '2026-03-15', reopenedOn: '2026-03-17' }],
    });
    const cancelled = await step('cancel', { expectedVersion: 4, on: '2026-03-18', reason: '账号停用' });
    expect(cancelled.json()).toMatchObject({
      stateLabel: '已注销',
      closedOn: '2026-03-18',
      cancelledOn: '2026-03-18',
      closures: [
        { closedOn: '2026-03-15', reopenedOn: '2026-03-17' },
        { closedOn: '2026-03-18', reopenedOn: null },
      ],
    });
    const after = await step('reopen', { expectedVersion: 5, on: '2026-03-19' });
    expect(after.json().error.message).toBe('该账号已注销，不能恢复运营；如需重新开设，请登记一个新账号。');
    const supervisorStep = await post(
      as['nm-supervisor'],
      { expectedVersion: 5, on: '2026-03-19' },
      `${url}/actions/reopen`,
    );
    expect(supervisorStep.statusCode).toBe(403);

    const events = (await get(as['nm-reviewer'], url)).json().events;
    expect(events.map((e: { name: string }) => e.name)).toEqual([
      'new_media.registered',
      'new_media.edited',
      'new_media.closed',
      'new_media.reopened',
      'new_media.cancelled',
    ]);
    expect(events[1].data).toEqual({ changed: { manager: { before: '张三', after: '李四' } } });

    // the year's statistics
    const stats2025 = (await get(as['nm-approver'], `${BASE}/stats?year=2025`)).json();
    expect(stats2025.platforms).toEqual([
      {
        platform: 'wechat',
        label: '微信公众号',
        openAtYearEnd: 1,
        opened: 0,
        closed: 0,
        cancelled: 0,
        postings: 1,
      },
    ]);
    const stats2026 = (await get(as['nm-approver'], `${BASE}/stats?year=2026`)).json();
    expect(stats2026.total).toEqual({ openAtYearEnd: 2, opened: 2, closed: 1, cancelled: 1, postings: 2 });

    // an item posted to a cancelled account's channel: refused from its closing day, recorded before it
    const item = await db.kysely
      .insertInto('items')
      .values({
        ...{
          agency_id: mine,
          index_no: null,
          title: '关于某事的通知',
          body_html: '<p>正文</p>',
          body_text: '正文',
        },
        ...{
          category: 'other',
          column_code: null,
          issuer: '某机关',
          doc_number: null,
          formed_on: '2026-03-01',
        },
        ...{
          published_on: '2026-03-02',
          validity: '',
          subject: '',
          status: 'published',
          is_policy_document: 0,
        },
        ...{ is_interpretation: 0, is_meeting: 0, is_online_interview: 0, interprets_item_id: null },
        ...NOT_REVIEWED_OR_WITHDRAWN,
        ...{
          version: 1,
          created_at: '2026-03-01T00:00:00Z',
          updated_at: '2026-03-01T00:00:00Z',
        },
        created_by: 'nm-operator',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const posting = (postedOn: string, expectedVersion: number) =>
      post(
        as['nm-operator'],
        { expectedVersion, channel: 'wechat', postedOn, link: 'https://mp.weixin.qq.com/s/abc' },
        `/api/v1/agencies/nm-mine/items/${item.id}/postings`,
      );
    const late = await posting('2026-03-19', 1);
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toEqual([
      {
        field: 'postedOn',
        message:
          '政务新媒体账号“临港发布”已于 2026-03-18 停止运营并注销，不能登记此后在该账号的发布；请核对发布渠道和发布日期。',
      },
    ]);
    // and inside the earlier closed spell, though the account was reopened after it
    const inSpell = await posting('2026-03-16', 1);
    expect(inSpell.json().error.details).toEqual([
      {
        field: 'postedOn',
        message:
          '政务新媒体账号“临港发布”自 2026-03-15 起关停，2026-03-17 恢复运营，不能登记关停期间在该账号的发布；请核对发布渠道和发布日期。',
      },
    ]);
    expect((await posting('2026-03-17', 1)).statusCode).toBe(200);
    expect((await get(as['nm-operator'], url)).json().account).toMatchObject({
      lastPostedOn: '2026-03-17',
      postings: 3,
    });
  });

  it('answers 404 for an account of another agency or none', async () => {
    expect((await get(as['nm-operator'], `${BASE}/99999`)).statusCode).toBe(404);
  });
});
