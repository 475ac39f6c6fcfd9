import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../src/commands/context.ts';
import { publishReport } from '../src/commands/reports/publish-report.ts';
import { testContext } from '../src/commands/testing-context.ts';
import { describeEachWithDraftDemo } from './databases.ts';
import { APPROVER, demoApp, OPERATOR, REPORTS, REVIEWER, send } from './report-app.ts';

const DRAFT = `${REPORTS}/2021/draft`;
const WRONG_CLAIM = {
  problems: [
    { topic: 'p1', title: '存在问题', segments: [{ kind: 'staff', text: '本年新收政府信息公开申请7件。' }] },
  ],
};

describeEachWithDraftDemo('editing the annual report draft', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use());
  });
  afterAll(() => app.close());

  it('shows the cells, the stored and generated text side by side, and the version', async () => {
    const res = await send(app, 'GET', DRAFT, REVIEWER);
    expect(res.statusCode).toBe(200);
    const draft = res.json();
    expect(draft).toMatchObject({
      agency: 'lingang',
      year: 2021,
      version: 0,
      publishedVersion: 0,
      violations: [],
    });
    expect(draft.cells['t3.new.total']).toBe(6);
    const overview = draft.sections.overview;
    expect(overview.heading).toBe('一、总体情况');
    expect(overview.stored[0].segments.some((s: { kind: string }) => s.kind === 'staff')).toBe(true);
    expect(overview.generated[1].segments.map((s: { key: string }) => s.key)).toContain('requests.summary');
    expect(overview.printed[0]).toMatch(/^1\.主动公开。2021年，临港区/);
  });

  it('refuses a reader without a user (401) and an editor without the role (403)', async () => {
    expect((await send(app, 'GET', DRAFT, {})).statusCode).toBe(401);
    const res = await send(app, 'PUT', DRAFT, REVIEWER, { expectedVersion: 0, sections: WRONG_CLAIM });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
  });

  it('validates text without saving it', async () => {
    const res = await send(app, 'POST', `${REPORTS}/2021/validate`, OPERATOR, { sections: WRONG_CLAIM });
    expect(res.statusCode).toBe(200);
    expect(res.json().violations).toEqual([
      expect.objectContaining({ code: 'R9', severity: 'error', cells: ['t3.new.total'] }),
    ]);
    expect(res.json().printed.problems).toEqual(['1.存在问题。本年新收政府信息公开申请7件。']);
    const draft = (await send(app, 'GET', DRAFT, OPERATOR)).json();
    expect([draft.version, draft.violations]).toEqual([0, []]);
  });

  it('names the segment of an unknown generated sentence', async () => {
    const sections = { other: [{ topic: 'x', title: '', segments: [{ kind: 'generated', key: 'nosuch' }] }] };
    const res = await send(app, 'PUT', DRAFT, OPERATOR, { expectedVersion: 0, sections });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'sections.other[0].segments[0]', message: '没有键为“nosuch”的生成语句，请从草稿中选用。' },
    ]);
  });

  it('saves with an event, then refuses a stale version with 409', async () => {
    const sections = {
      problems: [
        { topic: 'p1', title: '存在问题', segments: [{ kind: 'staff', text: '公开深度有待加强。' }] },
      ],
    };
    const saved = await send(app, 'PUT', DRAFT, OPERATOR, { expectedVersion: 0, sections });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(1);
    expect(saved.json().sections.problems.printed).toEqual(['1.存在问题。公开深度有待加强。']);
    // the overview was not sent: it keeps the staff text
    expect(saved.json().sections.overview.printed[0]).toMatch(/^1\.主动公开。2021年，临港区/);

    const stale = await send(app, 'PUT', DRAFT, OPERATOR, { expectedVersion: 0, sections });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('请刷新后'),
    });

    const events = await use()
      .kysely.selectFrom('events')
      .selectAll()
      .where('subject_type', '=', 'annual_report')
      .where('name', '=', 'report.draft_saved')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject_id: '2021', actor: 'lingang-operator' });
    expect(JSON.parse(events[0].data)).toMatchObject({
      versionBefore: 0,
      versionAfter: 1,
      changed: ['problems'],
    });
  });

  it('lets approvers save too, continuing the version', async () => {
    const res = await send(app, 'PUT', DRAFT, APPROVER, { expectedVersion: 1, sections: {} });
    expect([res.statusCode, res.json().version]).toEqual([200, 2]);
  });

  it('publishes on the day already on record by default, however late it is now', async () => {
    const approver: Actor = { username: 'lingang-approver', roles: ['approver'] };
    const ctx = testContext(use(), { actor: approver, now: new Date('2026-11-26T02:00:00Z') });
    const version = await publishReport(ctx, { code: 'lingang', year: 2021 });
    expect([version.version, version.publishedOn, version.report.violations]).toEqual([1, '2022-01-28', []]);
  });

  it('documents the report routes in the OpenAPI document', async () => {
    const paths = Object.keys((await send(app, 'GET', '/api/docs/json', {})).json().paths);
    for (const path of [
      '/api/v1/agencies/{code}/reports/{year}/draft',
      '/api/v1/agencies/{code}/reports/{year}/validate',
      '/api/v1/agencies/{code}/reports/{year}/publish',
      '/api/v1/agencies/{code}/reports/{year}/corrections',
      '/api/v1/agencies/{code}/reports/{year}/cells/{cell}/records',
      '/api/v1/agencies/{code}/reports/{year}/figures/import',
      '/api/v1/public/agencies/{code}/reports/{year}',
    ])
      expect(paths).toContain(path);
  });
});
