/**
 * The contract against the server: real responses of the routes the console reads, on the demo
 * agency (SQLite), parse with the contract's schemas, the ones the console's types are inferred from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadDemo } from '../commands/load-demo.ts';
import { testContext } from '../commands/testing-context.ts';
import { type Db, openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildServer } from '../server/app.ts';
import { agencyListSchema, channelListSchema } from './agencies.ts';
import { calendarYearSchema } from './calendar.ts';
import { itemActionBodies, itemAttachmentBody } from './item-inputs.ts';
import { itemDetailSchema, itemPageSchema } from './items.ts';
import { documentPageSchema, historySchema, reviewPassSchema } from './registry.ts';
import { draftSchema, figuresSchema, reportJsonSchema, versionListSchema } from './reports.ts';
import { caseActionBody, letterDeliveryBody, requestAttachmentBody } from './request-inputs.ts';
import { caseDetailSchema, dashboardSchema, queueSchema } from './requests.ts';
import { userListSchema } from './users.ts';
import { withheldReviewListSchema } from './withheld-reviews.ts';

const ADMIN = { 'x-gongkai-user': 'lingang-admin' };
const AGENCY = '/api/v1/agencies/lingang';

describe('the API contract against the server’s responses (demo agency, SQLite)', () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = openDb('sqlite::memory:');
    await migrateToLatest(db);
    // the demo on the server's day: its open cases are dated back from it, never after it
    const now = new Date('2022-03-01T02:00:00Z');
    await loadDemo(testContext(db, { actor: { username: 'gongkai demo' }, now }));
    app = await buildServer({ db, now: () => now, trustUserHeader: true });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** The body of a GET, parsed with the contract's schema (a mismatch fails with zod's path). */
  async function read<S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>> {
    const res = await app.inject({ url, headers: ADMIN });
    expect(res.statusCode, res.body).toBe(200);
    return schema.parse(res.json());
  }

  it('the agencies and the agency’s publication channels', async () => {
    const { agencies } = await read('/api/v1/agencies', agencyListSchema);
    expect(agencies.map((a) => a.code)).toContain('lingang');
    const { channels } = await read(`${AGENCY}/channels`, channelListSchema);
    expect(channels).toContainEqual({ code: 'wechat', name: '微信', website: false });
    expect(channels.filter((c) => c.website).map((c) => c.code)).toEqual(['website']);
  });

  it('the dashboard, the queue and every case of the first page', async () => {
    const dashboard = await read(`${AGENCY}/dashboard`, dashboardSchema);
    expect(dashboard.lists.map((l) => l.key)).toContain('overdue');
    const queue = await read(`${AGENCY}/requests?filter=all&limit=20`, queueSchema);
    expect(queue.cases.length).toBeGreaterThan(0);
    expect(queue.counts.all).toBe(queue.total);
    for (const summary of queue.cases) {
      expect(summary).toHaveProperty('clockState');
      const detail = await read(`${AGENCY}/requests/${summary.id}`, caseDetailSchema);
      expect(detail.id).toBe(summary.id);
    }
  });

  it('the items list and each item of the first page', async () => {
    const page = await read(`${AGENCY}/items?limit=10`, itemPageSchema);
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) await read(`${AGENCY}/items/${item.id}`, itemDetailSchema);
  });

  it('the registry: documents, a history, a year’s review pass', async () => {
    const page = await read(`${AGENCY}/registry/documents?limit=10`, documentPageSchema);
    expect(page.items.length).toBeGreaterThan(0);
    await read(`${AGENCY}/registry/documents/${page.items[0].id}`, historySchema);
    await read(`${AGENCY}/registry/reviews/2021`, reviewPassSchema);
  });

  it('条例第十八条: a year’s review of information withheld under 第十六条', async () => {
    const list = await read(`${AGENCY}/withheld-reviews/2021`, withheldReviewListSchema);
    expect(list.year).toBe(2021);
    expect(list.summary.total).toBe(list.entries.length);
  });

  it('the report editor: draft, versions, yearly figures', async () => {
    const draft = await read(`${AGENCY}/reports/2021/draft`, draftSchema);
    expect(draft.year).toBe(2021);
    await read(`${AGENCY}/reports/2021/versions`, versionListSchema);
    await read(`${AGENCY}/reports/2021/figures`, figuresSchema);
  });

  it('the users of the agency and the calendar', async () => {
    const { users } = await read(`${AGENCY}/users`, userListSchema);
    expect(users.map((u) => u.username)).toContain('lingang-admin');
    await read('/api/v1/calendar?year=2021', calendarYearSchema);
  });

  it('the report JSON', async () => {
    const json = await read(`${AGENCY}/reports/2021`, reportJsonSchema);
    expect(json.year).toBe(2021);
  });

  it('a bad body is refused in Chinese, the field named in Chinese (case action, item step, 送达)', async () => {
    const { cases } = await read(`${AGENCY}/requests?filter=all&limit=1`, queueSchema);
    const { items } = await read(`${AGENCY}/items?limit=1`, itemPageSchema);
    // each as a role the route's policy lets through (the policy gate answers 403 before validation)
    const REVIEWER = { 'x-gongkai-user': 'lingang-reviewer' };
    const posts: Array<[string, Record<string, unknown>, string, Record<string, string>]> = [
      [`${AGENCY}/requests/${cases[0].id}/actions/decide`, { expectedVersion: 'x' }, '版本号', ADMIN],
      [`${AGENCY}/items/${items[0].id}/reject`, { expectedVersion: 1 }, '退回理由', REVIEWER],
      [`${AGENCY}/requests/${cases[0].id}/letters/1/delivery`, { expectedVersion: 1 }, '送达方式', ADMIN],
      [
        `${AGENCY}/requests/${cases[0].id}/attachments`,
        { expectedVersion: 1, contentBase64: '' },
        '文件名',
        ADMIN,
      ],
      [
        `${AGENCY}/withheld-reviews/2021/decisions`,
        { requestId: cases[0].id, decision: 'kept' },
        '审查理由',
        ADMIN,
      ],
    ];
    for (const [url, payload, field, headers] of posts) {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(400);
      const { details } = res.json().error as { details: Array<{ message: string }> };
      expect(details.map((d) => d.message).join('；')).toContain(field);
    }
  });
});

describe('the console and the server share the request bodies', () => {
  const routes = join(import.meta.dirname, '../server/routes');
  const sources = readdirSync(routes, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => [name, readFileSync(join(routes, name), 'utf8')] as const);

  it('no route writes its body inline: every `body:` is a schema of src/contract', () => {
    expect(sources.length, 'the route modules read (in their resource folders)').toBeGreaterThan(30);
    for (const [name, source] of sources)
      expect(source, name).not.toMatch(/\bbody:\s*z\.(object|record|array|union|discriminatedUnion)\(/);
  });

  it('the console’s API client types its bodies with the contract’s schemas', () => {
    const client = (file: string) => readFileSync(join(import.meta.dirname, '../console/api', file), 'utf8');
    expect(client('requests.ts')).toMatch(/typeof caseActionBody/);
    expect(client('requests.ts')).toMatch(/typeof letterDeliveryBody/);
    expect(client('requests.ts')).toMatch(/typeof requestAttachmentBody/);
    expect(client('items.ts')).toMatch(/typeof itemActionBodies/);
    expect(client('items.ts')).toMatch(/typeof itemAttachmentBody/);
  });

  it.each([
    ['a case action', caseActionBody, { expectedVersion: 3, payload: { outcome: 'disclosed.full' } }],
    [
      'a 送达',
      letterDeliveryBody,
      { expectedVersion: 3, method: 'post', sentOn: '2022-03-01', trackingNo: '1' },
    ],
    [
      'an attachment',
      requestAttachmentBody,
      { expectedVersion: 3, fileName: 'a.pdf', contentBase64: 'JVBE' },
    ],
    [
      'an item attachment',
      itemAttachmentBody,
      { expectedVersion: 3, fileName: 'a.pdf', contentBase64: 'JVBE' },
    ],
    [
      'an item posting',
      itemActionBodies.postings,
      { expectedVersion: 3, channel: 'wechat', postedOn: '2022-03-01', link: 'https://x' },
    ],
  ])('what the console sends for %s parses', (_what, schema: z.ZodType, body) => {
    expect(schema.safeParse(body).success).toBe(true);
  });
});
