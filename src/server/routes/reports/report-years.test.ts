import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../../test/databases.ts';
import { buildServer } from '../../app.ts';
import { signInAs } from '../../testing.ts';

interface Year {
  year: number;
  status: string;
  statusLabel: string;
  deadline: string | null;
  latest: { version: number; publishedOn: string } | null;
}

describeEachWithDemo('the report years: 未编制, 草稿, 已发布, 逾期未发布', (use) => {
  let app: FastifyInstance;
  let headers: Record<string, string> = {};
  const years = async () => {
    const res = await app.inject({ url: '/api/v1/agencies/lingang/reports', headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { years: Year[] }).years;
  };

  beforeAll(async () => {
    const db = use();
    // a department: 条例 第四十九条第一款's deadline, 31 January of the following year
    await db.kysely
      .updateTable('agencies')
      .set({ kind: 'department' })
      .where('code', '=', 'lingang')
      .execute();
    const { id } = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    await db.kysely.deleteFrom('annual_report_versions').where('agency_id', '=', id).execute();
    await db.kysely.deleteFrom('annual_reports').where('agency_id', '=', id).execute();
    const at = '2023-01-10T00:00:00.000Z';
    await db.kysely
      .insertInto('annual_reports')
      .values([
        { agency_id: id, year: 2022, narrative: '{}', published_on: null, updated_at: at, version: 1 },
        { agency_id: id, year: 2021, narrative: '{}', published_on: null, updated_at: at, version: 3 },
        {
          agency_id: id,
          year: 2020,
          narrative: '{}',
          published_on: '2021-01-20',
          updated_at: at,
          version: 2,
        },
      ])
      .execute();
    const version = (v: number, publishedOn: string) => ({
      agency_id: id,
      year: 2020,
      version: v,
      published_on: publishedOn,
      reason: v > 1 ? '更正表三数字' : null,
      note: null,
      actor: 'lingang-approver',
      recorded_at: at,
      snapshot: '{}',
    });
    await db.kysely
      .insertInto('annual_report_versions')
      .values([version(1, '2021-01-20'), version(2, '2021-05-06')])
      .execute();
    app = await buildServer({
      db,
      now: () => new Date('2023-01-15T04:00:00Z'),
      signInLimits: { perIpPerMinute: 1000 },
    });
    await app.ready();
    headers = (await signInAs(app, 'lingang-operator', 'demo-operator-2021')).headers;
  });
  afterAll(() => app.close());

  it('lists every year from last year back to 2020 with where its report stands', async () => {
    expect(await years()).toEqual([
      {
        year: 2022,
        status: 'draft',
        statusLabel: '草稿',
        deadline: '2023-01-31',
        draftSaved: true,
        latest: null,
      },
      {
        year: 2021,
        status: 'overdue',
        statusLabel: '逾期未发布',
        deadline: '2022-01-31',
        draftSaved: true,
        latest: null,
      },
      {
        year: 2020,
        status: 'published',
        statusLabel: '已发布',
        deadline: '2021-01-31',
        draftSaved: true,
        latest: { version: 2, publishedOn: '2021-05-06' },
      },
    ]);
  });

  it('says 未编制 for a year nobody has written, until its deadline passes', async () => {
    const db = use();
    await db.kysely.deleteFrom('annual_reports').where('year', '=', 2022).execute();
    const [last] = await years();
    expect(last).toMatchObject({ year: 2022, status: 'none', statusLabel: '未编制' });
  });
});
