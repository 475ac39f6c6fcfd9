import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
/**
 * 网站自查 (issue 15, docs/inspection.md) on the demo agency with a fixed day: the API for each
 * role inside and outside the agency, the column classes, the stored day replaced on a re-run, the
 * history, and `gongkai inspect` (its JSON, its text and its exit code).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inspectCommand } from '../src/cli/inspect.ts';
import { UsageError } from '../src/cli/io.ts';
import type { Inspection } from '../src/contract/inspection.ts';
import type { Db } from '../src/db/connection.ts';
import { INDICATOR_CODES } from '../src/domain/inspection/indicators.ts';
import { buildServer } from '../src/server/app.ts';
import { addAgency, addUser } from './accounts.ts';
import { runCaptured } from './cli-run.ts';
import { describeEachWithDemo } from './databases.ts';

// The demo's last item is of 2022-01-17: on 2022-01-25 the home page is 8 days old (预警).
const TODAY = '2022-01-25';
const API = '/api/v1/agencies/lingang';
const as = (username: string) => ({ 'x-gongkai-user': username });
const ADMIN = as('lingang-admin');
const STAFF = ['lingang-operator', 'lingang-approver', 'lingang-reviewer', 'lingang-admin'];
const OUTSIDER = as('inspect-other');
/** 第二十条 categories the demo updated late in 2021 (a20.2 in August, the others on 30–31 December). */
const NEWS = ['a20.2', 'a20.3', 'a20.5', 'a20.6', 'a20.9'];

describeEachWithDemo('网站自查: API and gongkai inspect', (use) => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    db = use();
    const other = await addAgency(db, 'inspect-other-agency');
    await addUser(db, {
      username: 'inspect-other',
      password: 'inspect-other-2026',
      agencyId: other,
      roles: ['agency_admin'],
    });
    app = await buildServer({ db, now: () => new Date(`${TODAY}T02:00:00Z`), trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  const indicator = (body: Inspection, code: string) => body.indicators.find((i) => i.indicator === code);
  const events = (name: string) =>
    db.kysely.selectFrom('events').select(['subject_id', 'data', 'actor']).where('name', '=', name).execute();
  const inspect = (...args: string[]) => runCaptured((io) => inspectCommand(io, db, args));

  it('lets every staff role read the day, computed and not stored; refuses other agencies and anonymous callers', async () => {
    for (const username of STAFF) {
      const res = await app.inject({ url: `${API}/inspection`, headers: as(username) });
      expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
      const body: Inspection = res.json();
      expect(body).toMatchObject({ day: TODAY, stored: false, runAt: null, vetoed: false });
      expect(indicator(body, 'home.stale')).toMatchObject({
        value: 8,
        threshold: 14,
        thresholdLabel: '超过14天',
        state: 'alarm',
        stateLabel: '预警',
        veto: true,
        details: { lastPublishedOn: '2022-01-17' },
      });
      expect(indicator(body, 'columns.stale')).toMatchObject({ value: 1, state: 'ok' });
    }
    expect((await app.inject({ url: `${API}/inspection`, headers: OUTSIDER })).statusCode).toBe(403);
    expect((await app.inject({ url: `${API}/inspection` })).statusCode).toBe(401);
    expect(await db.kysely.selectFrom('inspection_results').select('day').execute()).toEqual([]);
  });

  it('runs and stores the day for its 机关管理员 only; a re-run replaces the day', async () => {
    for (const username of STAFF.slice(0, 3)) {
      const refused = await app.inject({
        method: 'POST',
        url: `${API}/inspection/run`,
        headers: as(username),
      });
      expect(refused.statusCode, username).toBe(403);
      expect(refused.json().error.message).toContain('机关管理员');
    }
    const outsider = await app.inject({ method: 'POST', url: `${API}/inspection/run`, headers: OUTSIDER });
    expect(outsider.statusCode).toBe(403);
    for (let run = 0; run < 2; run++) {
      const res = await app.inject({ method: 'POST', url: `${API}/inspection/run`, headers: ADMIN });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ day: TODAY, stored: true });
    }
    const rows = await db.kysely.selectFrom('inspection_results').select(['day', 'indicator']).execute();
    expect(rows).toHaveLength(INDICATOR_CODES.length);
    const runs = await events('inspection.run');
    expect(runs).toHaveLength(2);
    // 预警: the home page (8 days old) and the links (never checked)
    expect(JSON.parse(runs[0]?.data ?? '{}')).toEqual({
      day: TODAY,
      ok: INDICATOR_CODES.length - 2,
      alarm: 2,
      failed: 0,
      vetoed: 0,
    });
    expect(runs.map((e) => [e.subject_id, e.actor])).toEqual([
      [TODAY, 'lingang-admin'],
      [TODAY, 'lingang-admin'],
    ]);
    const read = (await app.inject({ url: `${API}/inspection`, headers: as('lingang-operator') })).json();
    expect(read).toMatchObject({ stored: true, vetoed: false });
    expect(read.indicators.map((i: { indicator: string }) => i.indicator)).toEqual([...INDICATOR_CODES]);
    const bad = await app.inject({
      method: 'POST',
      url: `${API}/inspection/run`,
      headers: ADMIN,
      payload: { day: '2022-13-01' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad column classes naming the field in Chinese, and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { columns: [{ scope: 'category', code: 'a20.2', columnClass: 'news', frequencyDays: 30 }] },
        '更新周期只适用于“其他”类栏目',
      ],
      [{ columns: [{ scope: 'category', code: 'a20.2', columnClass: 'daily' }] }, '栏目类别应为动态要闻类'],
      [
        { columns: [{ scope: 'column', code: 'nowhere', columnClass: 'news' }] },
        '本机关没有代码为 nowhere 的栏目',
      ],
      [
        { columns: [{ scope: 'column', code: 'gkzd', columnClass: 'other', frequencyDays: 0 }] },
        '更新周期最少为 1 天',
      ],
      [{ columns: [] }, '请至少设置一个栏目'],
    ];
    for (const [payload, message] of cases) {
      const res = await app.inject({ method: 'PUT', url: `${API}/column-settings`, headers: ADMIN, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(message);
      expect(res.json().error.message).not.toMatch(/frequencyDays|columnClass/);
    }
    expect(await db.kysely.selectFrom('column_settings').select('code').execute()).toEqual([]);
    expect(await events('settings.column_class_set')).toEqual([]);
  });

  it('lists each column with its class for every staff role; only the 机关管理员 sets them', async () => {
    for (const username of STAFF) {
      const res = await app.inject({ url: `${API}/column-settings`, headers: as(username) });
      expect(res.statusCode).toBe(200);
      const a201 = res.json().columns.find((c: { code: string }) => c.code === 'a20.1');
      expect(a201).toMatchObject({
        columnClass: 'policy',
        periodLabel: '政策文件类（6个月内更新）',
        count: 48,
      });
    }
    expect((await app.inject({ url: `${API}/column-settings`, headers: OUTSIDER })).statusCode).toBe(403);
    const payload = { columns: NEWS.map((code) => ({ scope: 'category', code, columnClass: 'news' })) };
    const refused = await app.inject({
      method: 'PUT',
      url: `${API}/column-settings`,
      headers: as('lingang-operator'),
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const res = await app.inject({ method: 'PUT', url: `${API}/column-settings`, headers: ADMIN, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().columns.find((c: { code: string }) => c.code === 'a20.2').periodLabel).toBe(
      '动态要闻类（14天内更新）',
    );
    expect(await events('settings.column_class_set')).toHaveLength(5);
    // the same again changes nothing
    await app.inject({ method: 'PUT', url: `${API}/column-settings`, headers: ADMIN, payload });
    expect(await events('settings.column_class_set')).toHaveLength(5);
  });

  it('vetoes five stale 动态要闻 columns; gongkai inspect prints and stores the day and exits 1', async () => {
    const json = await inspect('--agency', 'lingang', '--today', TODAY, '--format', 'json');
    expect(json.code).toBe(1);
    const body: Inspection = JSON.parse(json.stdout);
    expect(body.vetoed).toBe(true);
    const stale = indicator(body, 'columns.stale');
    expect(stale).toMatchObject({ value: 6, state: 'failed', stateLabel: '不合格', veto: true });
    expect(stale?.details.columns?.find((c) => c.code === 'a20.3')).toMatchObject({
      lastPublishedOn: '2021-12-31',
      freshUntil: '2022-01-14',
      daysLeft: -11,
    });
    expect(body.indicators.map((i) => i.indicator)).toEqual([
      'home.stale',
      'columns.stale',
      'columns.lapsed',
      'columns.blank',
      'interpretation.missing',
      'interpretation.unlinked',
      'interpretation.ratio',
      'newmedia.silent',
      'links.dead',
      'catalog.lapsed',
    ]);
    const text = await inspect('--agency', 'lingang', '--today', TODAY);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('网站自查 2022-01-25：不合格（单项否决 1 项）');
    expect(text.stdout).toContain(
      '[不合格] 栏目不更新（动态要闻、通知公告、政策文件类）（单项否决）：6个；阈值：5个及以上',
    );
    expect(text.stdout).toContain(
      '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策（动态要闻类）：最近更新 2021-12-31，应于 2022-01-14 前更新，已超期 11 天',
    );
    const stored = await db.kysely
      .selectFrom('inspection_results')
      .select(['state'])
      .where('day', '=', TODAY)
      .where('indicator', '=', 'columns.stale')
      .executeTakeFirstOrThrow();
    expect(stored.state).toBe('failed');
    const older = await inspect('--agency', 'lingang', '--today', '2021-12-31', '--format', 'json');
    expect(older.code).toBe(0);
    expect(JSON.parse(older.stdout).vetoed).toBe(false);
  });

  it('counts blank columns (a note makes one not blank) and keeps each indicator’s history', async () => {
    const agency = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('agency_columns')
      .values(
        ['k1', 'k2', 'k3', 'k4', 'k5'].map((code, i) => ({
          agency_id: agency.id,
          code,
          name: `空栏目${i + 1}`,
          category: 'a20.15',
          sort: 10 + i,
        })),
      )
      .execute();
    const five: Inspection = JSON.parse(
      (await inspect('--agency', 'lingang', '--today', TODAY, '--format', 'json')).stdout,
    );
    expect(indicator(five, 'columns.blank')).toMatchObject({ value: 5, state: 'failed' });
    await db.kysely
      .insertInto('column_notes')
      .values({ agency_id: agency.id, scope: 'column', code: 'k1', note: '本机关暂无此类信息' })
      .execute();
    const four: Inspection = JSON.parse(
      (await inspect('--agency', 'lingang', '--today', TODAY, '--format', 'json')).stdout,
    );
    expect(indicator(four, 'columns.blank')).toMatchObject({ value: 4, state: 'alarm' });
    const history = await app.inject({
      url: `${API}/inspection/history?indicator=home.stale&days=30`,
      headers: as('lingang-reviewer'),
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(
      history
        .json()
        .points.map((p: { day: string; value: number; state: string }) => [p.day, p.value, p.state]),
    ).toEqual([
      ['2021-12-31', 0, 'ok'],
      [TODAY, 8, 'alarm'],
    ]);
    const everything = (
      await app.inject({ url: `${API}/inspection/history?days=30`, headers: ADMIN })
    ).json();
    expect(everything.points).toHaveLength(2 * INDICATOR_CODES.length);
    const bad = await app.inject({ url: `${API}/inspection/history?indicator=nothing`, headers: ADMIN });
    expect(bad.statusCode).toBe(400);
  });

  it('alarms on a 政务新媒体 account silent 7 days and vetoes it at 14, as of the inspected day', async () => {
    const posted = async (channel: string) =>
      (
        await db.kysely
          .selectFrom('publications')
          .select((eb) => eb.fn.max('published_on').as('last'))
          .where('channel', '=', channel)
          .where('published_on', '<=', TODAY)
          .executeTakeFirstOrThrow()
      ).last;
    const register = (payload: object) =>
      app.inject({
        method: 'POST',
        url: `${API}/new-media`,
        headers: ADMIN,
        payload: { hostUnit: '临港区管委会', filingStatus: 'not_filed', manager: '王五', ...payload },
      });
    const wechat = await register({
      platform: 'wechat',
      name: '临港发布',
      accountId: 'lgfb',
      openedOn: '2021-01-01',
    });
    expect(wechat.statusCode, wechat.body).toBe(201);
    const video = await register({
      platform: 'douyin',
      name: '临港视频',
      accountId: 'lgsp',
      openedOn: '2021-01-01',
    });
    expect(video.statusCode, video.body).toBe(201);
    const silent = async (today: string) =>
      indicator(
        JSON.parse((await inspect('--agency', 'lingang', '--today', today, '--format', 'json')).stdout),
        'newmedia.silent',
      );
    // the demo's last 微信 and 抖音 postings are of 2021-12-31
    expect([await posted('wechat'), await posted('douyin')]).toEqual(['2021-12-31', '2021-12-31']);
    expect(await silent('2022-01-06')).toMatchObject({ value: 0, state: 'ok', details: { accounts: [] } });
    expect(await silent('2022-01-07')).toMatchObject({
      value: 0,
      state: 'alarm',
      details: {
        accounts: [
          { name: '临港发布', days: 7, daysToVeto: 7 },
          { name: '临港视频', days: 7 },
        ],
      },
    });
    expect(await silent(TODAY)).toMatchObject({
      value: 2,
      state: 'failed',
      veto: true,
      thresholdLabel: '1个及以上',
    });
    // 关停 on 2022-01-10: not inspected from that day on, still inspected before it
    const closed = await app.inject({
      method: 'POST',
      url: `${API}/new-media/${video.json().id}/actions/close`,
      headers: ADMIN,
      payload: { expectedVersion: 1, on: '2022-01-10', reason: '整合至融媒体中心' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await silent(TODAY))?.details.accounts?.map((a) => a.name)).toEqual(['临港发布']);
    expect((await silent('2022-01-09'))?.details.accounts?.map((a) => a.name)).toEqual([
      '临港发布',
      '临港视频',
    ]);
    const text = await inspect('--agency', 'lingang', '--today', TODAY);
    expect(text.stdout).toContain('[不合格] 政务新媒体超过2周未更新（单项否决）：1个；阈值：1个及以上');
    expect(text.stdout).toContain('微信公众号“临港发布”：最近发布 2021-12-31，已 25 天未更新');
  });

  it('refuses a bad command line', async () => {
    await expect(inspect()).rejects.toThrow(UsageError);
    await expect(inspect('--agency', 'lingang', '--all')).rejects.toThrow(UsageError);
    await expect(inspect('--agency', 'nowhere')).rejects.toThrow('未找到机关代码为 nowhere 的机关');
    await expect(inspect('--agency', 'lingang', '--today', '2022-1-5')).rejects.toThrow('--today 应为日期');
    await expect(inspect('--agency', 'lingang', '--format', 'xml')).rejects.toThrow(
      '--format 应为 json 或 text',
    );
    await expect(inspect('--agency', 'lingang', '--links', '--today', TODAY)).rejects.toThrow(
      '--links 检查的是今天的链接',
    );
    await expect(inspect('--agency', 'lingang', '--external')).rejects.toThrow(
      '--external 须与 --links 同用',
    );
  });

  it('checks today’s links first with --links (a few pages here), and prints the 死链 indicator', async () => {
    const bound = process.env.GONGKAI_LINKS_MAX_PAGES;
    process.env.GONGKAI_LINKS_MAX_PAGES = '3';
    try {
      const run = await inspect('--agency', 'lingang', '--links');
      expect(run.stdout).toContain('[合格] 死链（链接不可用）：0个；阈值：超过0个');
      expect(run.stdout).toMatch(/链接检查日期：\d{4}-\d{2}-\d{2}/);
      const check = await db.kysely.selectFrom('link_checks').select(['pages', 'checked_by']).execute();
      expect(check).toEqual([{ pages: 3, checked_by: expect.stringMatching(/^cli:/) }]);
    } finally {
      if (bound === undefined) delete process.env.GONGKAI_LINKS_MAX_PAGES;
      else process.env.GONGKAI_LINKS_MAX_PAGES = bound;
    }
  });
  it('writes the evidence pack of the stored days with --evidence, and refuses a bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-evidence-'));
    try {
      const out = join(dir, '佐证.xlsx');
      const run = await inspect(
        '--evidence',
        '--agency',
        'lingang',
        '--from',
        '2022-01-01',
        '--to',
        '2022-01-31',
        '--out',
        out,
      );
      expect(run.code).toBe(0);
      const digest = /数据摘要（SHA-256）([0-9a-f]{64})/.exec(run.stdout)?.[1];
      expect(digest).toBeDefined();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.getWorksheet('汇总')?.getCell('B5').value).toBe(digest);
      expect(workbook.worksheets.map((w) => w.name)).toContain('首页不更新');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const evidence = (...args: string[]) => inspect('--evidence', '--agency', 'lingang', ...args);
    await expect(evidence('--from', '2022-01-01', '--to', '2022-01-31')).rejects.toThrow('用法');
    await expect(evidence('--from', '2022-01-01', '--to', '2022-01-31', '--out', 'x.doc')).rejects.toThrow(
      '--out 应以 .pdf 或 .xlsx 结尾',
    );
    await expect(evidence('--from', '2022-02-01', '--to', '2022-01-31', '--out', 'x.pdf')).rejects.toThrow(
      '起始日期',
    );
  });
});
