import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadReportInputs } from '../src/commands/reports/report-inputs.ts';
import { buildReport } from '../src/domain/report/build.ts';
import { describeEachWithDraftDemo } from './databases.ts';
import { APPROVER, addRequest, demoApp, OPERATOR, REPORTS, send } from './report-app.ts';

const Y = `${REPORTS}/2021`;
const PUBLIC = '/api/v1/public/agencies/lingang/reports';
const claim = (n: number) => ({
  problems: [
    {
      topic: 'p1',
      title: '存在问题',
      segments: [{ kind: 'staff', text: `本年新收政府信息公开申请${n}件。` }],
    },
  ],
});

describeEachWithDraftDemo('publishing the annual report and its corrections', (use) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await demoApp(use());
  });
  afterAll(() => app.close());

  it('refuses to publish while a rule of severity error is broken, listing the violations', async () => {
    await send(app, 'PUT', `${Y}/draft`, OPERATOR, { expectedVersion: 0, sections: claim(7) });
    const res = await send(app, 'POST', `${Y}/publish`, APPROVER, { publishedOn: '2022-01-19' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('不能发布'),
    });
    expect(res.json().error.details).toEqual([
      { field: 't3.new.total', message: expect.stringMatching(/^R9：/) },
    ]);
    expect((await send(app, 'GET', `${Y}/versions`, OPERATOR)).json().versions).toEqual([]);
  });

  it('lets only an approver or agency administrator publish', async () => {
    await send(app, 'PUT', `${Y}/draft`, OPERATOR, { expectedVersion: 1, sections: claim(6) });
    const res = await send(app, 'POST', `${Y}/publish`, OPERATOR, {});
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'forbidden']);
  });

  it.each([
    ['a day in the report year', '2021-12-31', '应在 2021 年结束之后'],
    ['a day after today', '2022-01-21', '不能晚于今天'],
    ['not a date', '2022-02-30', 'YYYY-MM-DD'],
  ])('refuses a publication day that is %s', async (_situation, publishedOn, words) => {
    const res = await send(app, 'POST', `${Y}/publish`, APPROVER, { publishedOn });
    expect([res.statusCode, res.json().error.message]).toEqual([400, expect.stringContaining(words)]);
  });

  it('publishes version 1, frozen: it no longer changes when records change', async () => {
    const res = await send(app, 'POST', `${Y}/publish`, APPROVER, { publishedOn: '2022-01-19' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      version: 1,
      publishedOn: '2022-01-19',
      reason: null,
      actor: 'lingang-approver',
      actorName: '临港区党政办公室负责人',
    });
    expect(res.json().report).toMatchObject({ publishedOn: '2022-01-19', violations: [] });
    const files = await Promise.all(
      ['html', 'docx', 'json'].map((f) => send(app, 'GET', `${Y}/versions/1.${f}`, OPERATOR)),
    );

    await addRequest(use(), { receivedOn: '2021-05-10', decidedOn: '2021-05-20', outcome: 'granted' });
    const live = (await send(app, 'GET', Y, OPERATOR)).json();
    expect(live.cells['t3.new.total']).toBe(7);
    const frozen = (await send(app, 'GET', `${Y}/versions/1`, OPERATOR)).json();
    expect(frozen.report.cells['t3.new.total']).toBe(6);
    for (const [i, format] of ['html', 'docx', 'json'].entries()) {
      const again = await send(app, 'GET', `${Y}/versions/1.${format}`, OPERATOR);
      expect(again.statusCode).toBe(200);
      expect(again.rawPayload.equals(files[i].rawPayload)).toBe(true);
    }
    expect(files[1].rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const published = await use()
      .kysely.selectFrom('events')
      .select(['actor', 'data'])
      .where('name', '=', 'report.published')
      .executeTakeFirstOrThrow();
    expect(published.actor).toBe('lingang-approver');
  });

  it('refuses a second publication and figure changes of a published year', async () => {
    const again = await send(app, 'POST', `${Y}/publish`, APPROVER, {});
    expect([again.statusCode, again.json().error.message]).toEqual([
      409,
      expect.stringContaining('发布更正'),
    ]);
    const figures = { licenseDecisions: 1, penaltyDecisions: 1, enforcementDecisions: 1, feesWan: '0' };
    const res = await send(app, 'PUT', `${Y}/figures`, OPERATOR, figures);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'invalid_state']);
  });

  it('publishes a correction as version 2 with its reason; both stay visible', async () => {
    const empty = await send(app, 'POST', `${Y}/corrections`, APPROVER, { reason: '  ' });
    expect([empty.statusCode, empty.json().error.message]).toEqual([
      400,
      expect.stringContaining('更正原因'),
    ]);
    const reason = '补录一件漏登的申请，更正表三。';
    const res = await send(app, 'POST', `${Y}/corrections`, APPROVER, { reason, sections: claim(7) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, reason, publishedOn: '2022-01-20' });
    expect(res.json().report).toMatchObject({ publishedOn: '2022-01-19', violations: [] });
    expect(res.json().report.cells['t3.new.total']).toBe(7);
    const list = (await send(app, 'GET', `${Y}/versions`, OPERATOR)).json();
    type Row = { version: number; reason: string | null; actorName: string };
    expect(list.versions.map((v: Row) => [v.version, v.reason, v.actorName])).toEqual([
      [1, null, '临港区党政办公室负责人'],
      [2, reason, '临港区党政办公室负责人'],
    ]);
    expect((await send(app, 'GET', `${Y}/versions/1`, OPERATOR)).json().report.cells['t3.new.total']).toBe(6);
  });

  it('shows the public only published versions', async () => {
    const list = await send(app, 'GET', PUBLIC, {});
    expect(list.statusCode).toBe(200);
    expect(list.json().reports).toEqual([
      {
        year: 2021,
        versions: [
          { version: 1, publishedOn: '2022-01-19', reason: null, note: null },
          { version: 2, publishedOn: '2022-01-20', reason: '补录一件漏登的申请，更正表三。', note: null },
        ],
      },
    ]);
    const year = (await send(app, 'GET', `${PUBLIC}/2021`, {})).json();
    expect(year).toMatchObject({ year: 2021, version: 2, publishedOn: '2022-01-20' });
    expect(year.versions).toHaveLength(2);
    expect(year).not.toHaveProperty('actor');
    expect(year).not.toHaveProperty('actorName');
    const draftYear = await send(app, 'GET', `${PUBLIC}/2020`, {});
    expect([draftYear.statusCode, draftYear.json().error.message]).toEqual([404, '2020 年度报告尚未发布。']);
    const file = await send(app, 'GET', `${PUBLIC}/2021/versions/1.html`, {});
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await send(app, 'GET', `${Y}/draft`, {})).statusCode).toBe(401);
  });

  it('compares the next year with the published version (R7), not with the records', async () => {
    // A request of 2021 entered after publication: still open at the end of 2021 by the records.
    await addRequest(use(), { receivedOn: '2021-12-28', decidedOn: null, outcome: null });
    const draft = (await send(app, 'GET', `${REPORTS}/2022/draft`, OPERATOR)).json();
    expect(draft.cells['t3.carried_in.total']).toBe(1);
    expect(draft.violations.filter((v: { code: string }) => v.code === 'R7')).toEqual([
      expect.objectContaining({
        cells: ['t3.carried_in.natural_person'],
        message: expect.stringContaining('结转下年度为0'),
      }),
      expect.objectContaining({ cells: ['t3.carried_in.total'] }),
    ]);
    // Compared with the records instead, the years would agree.
    const inputs = await loadReportInputs(use(), 'lingang', 2022);
    if (!inputs) throw new Error('no inputs');
    const fromRecords = buildReport(inputs.facts, { ...inputs.stored, previousPublished: null });
    expect(fromRecords.violations.filter((v) => v.code === 'R7')).toEqual([]);
  });
});
