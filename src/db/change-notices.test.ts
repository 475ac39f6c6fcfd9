import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAgency } from '../commands/items/testing.ts';
import { publishTestItem } from '../portal/testing.ts';
import { buildServer } from '../server/app.ts';
import { changeChannel, noticePayload, parseNotice } from './change-notices.ts';
import { type Db, openDb } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

describe('notices', () => {
  it('a channel per database, and per schema when pinned to one', () => {
    expect(changeChannel({})).toBe('gongkai_changes');
    expect(changeChannel({ schema: 'gk_test_AB12' })).toBe('gongkai_changes_gk_test_ab12');
    expect(changeChannel({ schema: 'x'.repeat(80) }).length).toBe(63);
  });
  it.each([
    [noticePayload('p1', 'items', '0/16B3748'), { origin: 'p1', kind: 'items', lsn: 0x16b3748n }],
    [noticePayload('p2', 'site', '1/0'), { origin: 'p2', kind: 'site', lsn: 1n << 32n }],
    ['p3 items', { origin: 'p3', kind: 'items', lsn: null }],
    ['p4 reports 0/1', null],
    ['', null],
    ['p5 items 0/1 extra', null],
  ])('%s', (payload, expected) => {
    expect(parseNotice(payload)).toEqual(expected);
  });
});

const url = process.env.TEST_DATABASE_URL;
const CODE = 'noticezone';
const NOW = new Date('2021-06-10T02:00:00Z');

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: two servers here,
 * each on its own connections (a Db of its own) — one change signal does not reach the other, only
 * PostgreSQL's NOTIFY does. A third without notices shows what the cache would keep otherwise.
 */
// PostgreSQL only (SQLite has one server process): run when TEST_DATABASE_URL names one
if (url)
  describe('a change made through one server empties the portal cache of another [PostgreSQL]', () => {
    const schema = `gk_test_${randomBytes(6).toString('hex')}`;
    const dbs: Db[] = [];
    const apps: FastifyInstance[] = [];
    let admin: Db;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let control: FastifyInstance;

    const server = async (changeNotices: boolean) => {
      const db = openDb(url ?? '', { searchPath: schema });
      dbs.push(db);
      const app = await buildServer({ db, now: () => NOW, trustUserHeader: true, changeNotices });
      await app.ready();
      apps.push(app);
      return app;
    };

    beforeAll(async () => {
      admin = openDb(url ?? '');
      await sql`create schema ${sql.id(schema)}`.execute(admin.kysely);
      const setup = openDb(url ?? '', { searchPath: schema });
      await migrateToLatest(setup);
      await createTestAgency(setup, CODE);
      await setup.close();
      a = await server(true);
      b = await server(true);
      control = await server(false);
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      for (const db of dbs) await db.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.kysely);
      await admin.close();
    });

    it('a withdrawn item disappears from the other server’s cached page within 1 s', async () => {
      const title = '经由另一服务进程撤回的信息';
      const id = await publishTestItem(a, CODE, { title, category: 'a20.2' });
      const page = `/agencies/${CODE}/items/${id}`;
      const list = `/agencies/${CODE}/gongkai/catalog?category=a20.2`;
      for (const app of [b, control]) {
        expect((await app.inject(page)).statusCode).toBe(200);
        expect((await app.inject(list)).body).toContain(title);
      }
      const headers = { 'x-gongkai-user': `${CODE}-operator` };
      const api = `/api/v1/agencies/${CODE}/items/${id}`;
      const { version } = (await a.inject({ url: api, headers })).json();
      const started = Date.now();
      const withdrawn = await a.inject({
        method: 'POST',
        url: `${api}/withdraw`,
        headers,
        payload: { expectedVersion: version, reason: '内容有误' },
      });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      let status = 200;
      while (status === 200 && Date.now() - started < 2000) {
        status = (await b.inject(page)).statusCode;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const elapsed = Date.now() - started;
      expect(status).toBe(404);
      expect(elapsed).toBeLessThan(1000);
      expect((await b.inject(list)).body).not.toContain(title);
      // without notices the other server's caches still show it (until they expire)
      expect((await control.inject(page)).statusCode).toBe(200);
      expect((await control.inject(list)).body).toContain(title);
    });
  });
