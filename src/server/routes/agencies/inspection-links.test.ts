/**
 * 网站自查 “Links” (死链) on the demo agency: a deliberately broken internal link in an item's body,
 * an attachment whose file is missing, and a dead external link on a local fixture server, found
 * with the pages that hold them; GET …/inspection/links for each role in and outside the agency
 * and for a supervisor over it, POST …/check for its 机关管理员 only; the day's indicator
 * `links.dead`; the first day seen carried to the next day; an external address asked once per
 * cache interval.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import type { Inspection, LinkCheck } from '../../../contract/inspection.ts';
import type { Db } from '../../../db/connection.ts';
import { buildServer } from '../../app.ts';

const API = '/api/v1/agencies/lingang';
const as = (username: string) => ({ 'x-gongkai-user': username });
const ADMIN = as('lingang-admin');
const STAFF = ['lingang-operator', 'lingang-approver', 'lingang-reviewer', 'lingang-admin'];
const DAY1 = '2022-01-25';
const DAY2 = '2022-01-26';
const BROKEN = '/agencies/lingang/items/99999999';

describeEachWithDemo('网站自查 死链: GET …/inspection/links and POST …/inspection/links/check', (use) => {
  let db: Db;
  let fixture: Server;
  let external = '';
  let asked = 0;
  let itemPage = '';
  let attachmentUrl = '';
  const servers: FastifyInstance[] = [];

  /** A server whose clock stands on `day`, crawling a few pages, external links on (the fixture only). */
  async function serverOn(day: string): Promise<FastifyInstance> {
    const app = await buildServer({
      db,
      now: () => new Date(`${day}T02:00:00Z`),
      trustUserHeader: true,
      pdfAtPublish: false,
      linkCheck: { maxPages: 6, external: true, hostDelayMs: 0, timeoutMs: 2000 },
      // the fixture over the network; the portal's own external links (the 备案 links of its
      // footer) answered here, never asked of the internet
      linkFetch: (input, init) =>
        String(input).startsWith(external)
          ? fetch(input, init)
          : Promise.resolve(new Response(null, { status: 200 })),
    });
    await app.ready();
    servers.push(app);
    return app;
  }

  beforeAll(async () => {
    db = use();
    fixture = createServer((request, response) => {
      asked += 1;
      response.writeHead(request.url === '/gone' ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => fixture.listen(0, '127.0.0.1', resolve));
    external = `http://127.0.0.1:${(fixture.address() as AddressInfo).port}`;
    const agency = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    const item = await db.kysely
      .selectFrom('items')
      .select(['id', 'body_html'])
      .where('agency_id', '=', agency.id)
      .where('status', '=', 'published')
      .orderBy('published_on', 'asc')
      .orderBy('id', 'asc')
      .executeTakeFirstOrThrow();
    itemPage = `/agencies/lingang/items/${item.id}`;
    // the oldest item: far beyond the crawl's 6 pages, so its body is read from the database
    await db.kysely
      .updateTable('items')
      .set({
        body_html: `${item.body_html}<p><a href="${BROKEN}">相关通知</a> <a href="${external}/gone">外部</a> <a href="${external}/fine">外部</a></p>`,
      })
      .where('id', '=', item.id)
      .execute();
    const attachment = await db.kysely
      .insertInto('attachments')
      .values({
        agency_id: agency.id,
        owner_type: 'item',
        owner_id: item.id,
        file_name: '办事指南.pdf',
        media_type: 'application/pdf',
        size: 1024,
        sha256: 'a'.repeat(64),
        storage_key: `aa/${'a'.repeat(64)}`,
        created_at: '2022-01-01T00:00:00Z',
        created_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    attachmentUrl = `/api/v1/agencies/lingang/published-items/${item.id}/attachments/${attachment.id}`;
    const other = await addAgency(db, 'links-other-agency');
    await addUser(db, {
      username: 'links-other',
      password: 'links-other-2026',
      agencyId: other,
      roles: ['agency_admin'],
    });
    const parent = await addAgency(db, 'links-city', '某市人民政府办公室');
    await db.kysely.updateTable('agencies').set({ parent_id: parent }).where('id', '=', agency.id).execute();
    await addUser(db, {
      username: 'links-sup',
      password: 'links-sup-2026',
      agencyId: parent,
      roles: ['supervisor'],
    });
  });
  afterAll(async () => {
    for (const app of servers) await app.close();
    fixture?.closeAllConnections();
    await new Promise<void>((resolve) => (fixture ? fixture.close(() => resolve()) : resolve()));
  });

  it('reads nothing before a check: 预警 尚未检查 for every staff role and the supervisor; refuses others', async () => {
    const app = await serverOn(DAY1);
    for (const username of [...STAFF, 'links-sup']) {
      const res = await app.inject({ url: `${API}/inspection/links`, headers: as(username) });
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      expect(res.json()).toEqual({ check: null, deadLinks: [] });
    }
    expect(
      (await app.inject({ url: `${API}/inspection/links`, headers: as('links-other') })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: `${API}/inspection/links` })).statusCode).toBe(401);
    const day: Inspection = (await app.inject({ url: `${API}/inspection`, headers: ADMIN })).json();
    expect(day.indicators.find((i) => i.indicator === 'links.dead')).toMatchObject({
      value: null,
      state: 'alarm',
      veto: false,
      details: { checkedOn: null, links: [] },
    });
  });

  it('lets only the 机关管理员 check, and finds the broken link, the missing file and the dead external link with their page', async () => {
    const app = await serverOn(DAY1);
    for (const username of [...STAFF.slice(0, 3), 'links-sup', 'links-other']) {
      const refused = await app.inject({
        method: 'POST',
        url: `${API}/inspection/links/check`,
        headers: as(username),
      });
      expect(refused.statusCode, username).toBe(403);
    }
    expect(await db.kysely.selectFrom('link_checks').select('day').execute()).toEqual([]);
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: `${API}/inspection/links/check`, headers: ADMIN });
    expect(res.statusCode, res.body).toBe(200);
    // bounded: 6 pages and the links they hold (the guide's PDF form is printed once by Chromium)
    expect(performance.now() - started).toBeLessThan(15_000);
    const body: LinkCheck = res.json();
    expect(body.check).toMatchObject({
      day: DAY1,
      pages: 6,
      truncated: true,
      internalDead: 2,
      external: { enabled: true, deferred: 0, dead: 1 },
    });
    expect(body.deadLinks.map((d) => [d.kindLabel, d.url, d.reason, d.pages, d.firstSeen])).toEqual([
      ['站内链接', BROKEN, '404（未找到）', [itemPage], DAY1],
      ['站内链接', attachmentUrl, '附件文件缺失', [itemPage], DAY1],
      ['外部链接', `${external}/gone`, '404（未找到）', [itemPage], DAY1],
    ]);
    expect(asked).toBe(2);
    const events = await db.kysely
      .selectFrom('events')
      .select(['actor', 'data'])
      .where('name', '=', 'inspection.links_checked')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({ day: DAY1, internalDead: 2 });
    const run = await app.inject({ method: 'POST', url: `${API}/inspection/run`, headers: ADMIN });
    const links = (run.json() as Inspection).indicators.find((i) => i.indicator === 'links.dead');
    expect(links).toMatchObject({ value: 3, state: 'failed', stateLabel: '不合格', veto: false });
    expect(links?.details.links?.map((l) => l.url)).toContain(BROKEN);
    expect((run.json() as Inspection).vetoed).toBe(false);
    const stored = await db.kysely
      .selectFrom('inspection_results')
      .select(['value', 'state'])
      .where('indicator', '=', 'links.dead')
      .execute();
    expect(stored).toEqual([{ value: 3, state: 'failed' }]);
  });

  it('keeps the day first seen the next day, asks the cached external addresses no more, and lists the fixed link no longer', async () => {
    await db.kysely
      .updateTable('items')
      .set((eb) => ({
        body_html: eb.fn('replace', ['body_html', eb.val(BROKEN), eb.val('/agencies/lingang/gongkai')]),
      }))
      .where('body_html', 'like', `%${BROKEN}%`)
      .execute();
    const app = await serverOn(DAY2);
    const res = await app.inject({ method: 'POST', url: `${API}/inspection/links/check`, headers: ADMIN });
    expect(res.statusCode, res.body).toBe(200);
    const body: LinkCheck = res.json();
    expect(body.check?.external).toMatchObject({ enabled: true, checked: 0, dead: 1 });
    expect(asked).toBe(2);
    expect(body.deadLinks.map((d) => [d.url, d.firstSeen])).toEqual([
      [attachmentUrl, DAY1],
      [`${external}/gone`, DAY1],
    ]);
    const yesterday: LinkCheck = (
      await app.inject({ url: `${API}/inspection/links?day=${DAY1}`, headers: as('links-sup') })
    ).json();
    expect(yesterday.deadLinks).toHaveLength(3);
  });
});
