/**
 * 标准目录 (docs/catalog.md) through the API and `gongkai catalog`, on both databases: every route
 * for every role in and outside the agency, the XLSX import as real catalogues lay it out (built
 * here with exceljs: a title row, a two-row header, 一级事项 merged down, ✓ sub-columns, a 说明
 * row) — preview, refusal naming row and column, commit with one event —, mapping, edits, the
 * export read back, and the inspection's catalog.lapsed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import { runCaptured } from '../../../../test/cli-run.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { catalogCommand } from '../../../cli/catalog.ts';
import type { Catalog, CatalogEntry, CatalogImport } from '../../../contract/catalog.ts';
import type { Inspection } from '../../../contract/inspection.ts';
import type { Db } from '../../../db/connection.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { buildServer } from '../../app.ts';

const BASE = '/api/v1/agencies/cat-mine/catalog';
/** 10:00 in China on 2026-10-05: 每年9月底前 has passed */
const NOW = new Date('2026-10-05T02:00:00Z');
const as = (username: string) => ({ 'x-gongkai-user': username });
const ADMIN = as('cat-agency_admin');

/** A 财政预决算 catalogue as counties publish it. */
async function catalogueXlsx(
  rows: Array<Array<string | number>>,
  title = '财政预决算领域基层政务公开标准目录',
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, 13);
  sheet.addRow([
    '序号',
    '公开事项',
    '',
    '公开内容（要素）',
    '公开依据',
    '公开时限',
    '公开主体',
    '公开渠道和载体',
    '公开对象',
    '',
    '公开方式',
    '',
    '公开层级',
  ]);
  sheet.addRow(['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '']);
  for (const c of [1, 4, 5, 6, 7, 8, 13]) sheet.mergeCells(2, c, 3, c);
  for (const [from, to] of [
    [2, 3],
    [9, 10],
    [11, 12],
  ])
    sheet.mergeCells(2, from, 2, to);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const GOOD_ROWS = [
  [
    1,
    '财政预决算',
    '政府预算',
    '一般公共预算收支表',
    '《预算法》',
    '本级人民代表大会或其常务委员会批准后20日内',
    '县财政局',
    '■政府网站',
    '√',
    '',
    '√',
    '',
    '县级',
  ],
  [
    2,
    '',
    '部门决算',
    '部门决算表',
    '《预算法》',
    '每年9月底前',
    '县财政局',
    '■政府网站',
    '√',
    '',
    '√',
    '√',
    '县级、乡级',
  ],
  ['说明：没有数据的表格应当列出空表并说明。'],
  [
    3,
    '财政预决算',
    '三公经费',
    '三公经费决算',
    '《预算法》',
    '长期公开',
    '县财政局',
    '■政府网站',
    '',
    '√',
    '',
    '√',
    '县级',
  ],
];

/** The catalogue with 一级事项 merged down over its first two entries and the 说明 row merged across. */
async function goodFile() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([await catalogueXlsx(GOOD_ROWS)]));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.mergeCells(4, 2, 5, 2);
  sheet.mergeCells(6, 1, 6, 13);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase('标准目录 routes and gongkai catalog', (use) => {
  let app: FastifyInstance;
  let db: Db;
  let mine: number;
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: object,
    payload?: object,
  ) => app.inject({ method, url, headers: headers as Record<string, string>, payload });
  const importBody = (content: Buffer, extra: object = {}) => ({
    fileName: '财政预决算.xlsx',
    contentBase64: content.toString('base64'),
    ...extra,
  });
  const count = async (table: 'catalog_entries' | 'events', name?: string) => {
    let query = db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
    if (name) query = query.where('name' as never, '=', name as never);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const publish = (columnCode: string | null, category: string, publishedOn: string) =>
    db.kysely
      .insertInto('items')
      .values({
        ...{
          agency_id: mine,
          index_no: null,
          title: `决算 ${publishedOn}`,
          body_html: '<p>正文</p>',
          body_text: '正文',
        },
        ...{
          category,
          column_code: columnCode,
          issuer: '县财政局',
          doc_number: null,
          formed_on: publishedOn,
        },
        ...{
          published_on: publishedOn,
          validity: '',
          subject: '',
          status: 'published',
          is_policy_document: 0,
        },
        ...{ is_interpretation: 0, is_meeting: 0, is_online_interview: 0, interprets_item_id: null },
        ...{
          reviewer: null,
          reviewed_on: null,
          review_result: null,
          review_opinion: null,
          withdrawn_on: null,
        },
        ...{
          withdrawn_reason: null,
          version: 1,
          created_at: NOW.toISOString(),
          updated_at: NOW.toISOString(),
        },
        created_by: 'cat-agency_admin',
      })
      .execute();

  beforeAll(async () => {
    db = use();
    const county = await addAgency(db, 'cat-county');
    mine = await addAgency(db, 'cat-mine', '某县财政局', county);
    const other = await addAgency(db, 'cat-other');
    await db.kysely
      .insertInto('agency_columns')
      .values({ agency_id: mine, code: 'czjs', name: '财政决算', category: 'a20.7', sort: 1 })
      .execute();
    for (const role of AGENCY_ROLES)
      await addUser(db, { username: `cat-${role}`, password: 'catalog-2026', agencyId: mine, roles: [role] });
    await addUser(db, {
      username: 'cat-outsider',
      password: 'catalog-2026',
      agencyId: other,
      roles: ['agency_admin'],
    });
    await addUser(db, {
      username: 'cat-supervisor',
      password: 'catalog-2026',
      agencyId: county,
      roles: [SUPERVISOR_ROLE],
    });
    await addUser(db, {
      username: 'cat-sibling',
      password: 'catalog-2026',
      agencyId: other,
      roles: [SUPERVISOR_ROLE],
    });
    app = await buildServer({ db, now: () => NOW, trustUserHeader: true });
    await app.ready();
  });
  afterAll(() => app.close());

  it('lets staff and a supervisor over the agency read; only its 机关管理员 writes; others are refused', async () => {
    const file = await goodFile();
    for (const role of AGENCY_ROLES) {
      expect((await inject('GET', BASE, as(`cat-${role}`))).statusCode, role).toBe(200);
      expect(
        (await inject('GET', `/api/v1/agencies/cat-mine/catalog.xlsx`, as(`cat-${role}`))).statusCode,
      ).toBe(200);
      if (role === 'agency_admin') continue;
      const refused = await inject('POST', `${BASE}/import?dryRun=1`, as(`cat-${role}`), importBody(file));
      expect([refused.statusCode, refused.json().error.message], role).toEqual([
        403,
        expect.stringContaining('机关管理员'),
      ]);
      expect((await inject('POST', BASE, as(`cat-${role}`), {})).statusCode).toBe(403);
    }
    expect((await inject('GET', BASE, as('cat-supervisor'))).statusCode).toBe(200);
    expect((await inject('POST', `${BASE}/import`, as('cat-supervisor'), importBody(file))).statusCode).toBe(
      403,
    );
    for (const stranger of ['cat-outsider', 'cat-sibling']) {
      expect((await inject('GET', BASE, as(stranger))).statusCode, stranger).toBe(403);
      expect((await inject('POST', `${BASE}/import`, as(stranger), importBody(file))).statusCode).toBe(403);
    }
    expect((await inject('GET', BASE, {})).statusCode).toBe(401);
  });

  it('previews an import without writing: entries with their 时限 read back, the 说明 row skipped', async () => {
    const res = await inject('POST', `${BASE}/import?dryRun=1`, ADMIN, importBody(await goodFile()));
    expect(res.statusCode, res.body).toBe(200);
    const preview: CatalogImport = res.json();
    expect(preview).toMatchObject({
      dryRun: true,
      domains: ['财政预决算'],
      headerRow: 2,
      replaced: 0,
      skipped: [{ row: 6 }],
    });
    expect(preview.entries.map((e) => [e.row, e.title, e.ruleLabel, e.mannerLabel])).toEqual([
      [
        4,
        '财政预决算 / 政府预算',
        '本级人民代表大会或其常务委员会批准之日起20日内（按事件计时，不按日期检查）',
        '主动',
      ],
      [5, '财政预决算 / 部门决算', '每年9月底前', '主动、依申请'],
      [7, '财政预决算 / 三公经费', '无法自动检查：长期公开，没有固定日期', '依申请'],
    ]);
    expect(await count('catalog_entries')).toBe(0);
    expect(await count('events', 'catalog.imported')).toBe(0);
  });

  it('refuses a bad sheet naming row and column, writing nothing', async () => {
    const bad = await catalogueXlsx([
      [
        1,
        '财政预决算',
        '政府预算',
        '一般公共预算收支表',
        '《预算法》',
        '',
        '县财政局',
        '■政府网站',
        '有',
        '',
        '√',
        '',
        '县级',
      ],
    ]);
    const res = await inject('POST', `${BASE}/import`, ADMIN, importBody(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('第4行“公开对象·全社会”列：应打“√”或留空，收到“有”');
    expect(res.json().error.message).toContain('第4行“公开时限”列：请填写“公开时限”');
    const notXlsx = await inject('POST', `${BASE}/import`, ADMIN, {
      contentBase64: Buffer.from('hello').toString('base64'),
    });
    expect([notXlsx.statusCode, notXlsx.json().error.message]).toEqual([
      400,
      expect.stringContaining('XLSX'),
    ]);
    expect(await count('catalog_entries')).toBe(0);
  });

  it('imports in one event, suggests columns, maps them, keeps the mapping on a re-import', async () => {
    const res = await inject('POST', `${BASE}/import`, ADMIN, importBody(await goodFile()));
    expect(res.statusCode, res.body).toBe(200);
    expect(await count('catalog_entries')).toBe(3);
    expect(await count('events', 'catalog.imported')).toBe(1);
    const list: Catalog = (await inject('GET', BASE, ADMIN)).json();
    const annual = list.entries.find((e) => e.level2 === '部门决算') as CatalogEntry;
    expect(annual).toMatchObject({
      checkable: true,
      check: { state: 'unmapped', stateLabel: '未对应栏目' },
      levels: ['县级', '乡级'],
    });
    expect(annual.suggestions.map((s) => s.key)).toContain('category:a20.7');
    const mapped = await inject('PUT', `${BASE}/${annual.id}`, ADMIN, {
      expectedVersion: 1,
      columns: ['column:czjs'],
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({
      version: 2,
      columns: [{ key: 'column:czjs', name: '财政决算' }],
      suggestions: [],
    });
    const stale = await inject('PUT', `${BASE}/${annual.id}`, ADMIN, { expectedVersion: 1, columns: [] });
    expect(stale.statusCode).toBe(409);
    const again: CatalogImport = (
      await inject('POST', `${BASE}/import`, ADMIN, importBody(await goodFile()))
    ).json();
    expect([again.replaced, again.mappingsKept]).toEqual([3, 1]);
    const after: Catalog = (await inject('GET', BASE, ADMIN)).json();
    expect(after.entries.find((e) => e.level2 === '部门决算')?.columns.map((c) => c.key)).toEqual([
      'column:czjs',
    ]);
    expect(after.entries).toHaveLength(3);
  });

  it('flags the 9月底 entry with nothing published as 逾期未公开 (not a veto), and clears it once published', async () => {
    const day = async () => {
      const body: Inspection = (
        await inject('GET', '/api/v1/agencies/cat-mine/inspection?day=2026-10-05', ADMIN)
      ).json();
      return body.indicators.find((i) => i.indicator === 'catalog.lapsed');
    };
    const lapsed = await day();
    expect(lapsed).toMatchObject({ value: 1, state: 'failed', veto: false, name: '标准目录事项逾期未公开' });
    expect(lapsed?.details.entries).toEqual([
      {
        id: expect.any(Number),
        title: '财政预决算 / 部门决算',
        deadline: '每年9月底前',
        state: 'lapsed',
        dueOn: '2026-09-30',
        daysLeft: -5,
        lastPublishedOn: null,
      },
    ]);
    expect(lapsed?.details.catalog).toEqual({ entries: 3, unchecked: 2, unmapped: 0 });
    await publish('czjs', 'a20.7', '2026-08-20');
    expect(await day()).toMatchObject({ value: 0, state: 'ok' });
  });

  it('adds, edits and removes an entry, each refusal naming the field in Chinese, each change an event', async () => {
    const bad = await inject('POST', BASE, ADMIN, {
      level1: '',
      content: '内容',
      deadline: '每季度',
      subject: '县财政局',
      manner: [],
      columns: ['column:none'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'level1',
      'manner',
      'columns',
    ]);
    expect(bad.json().error.message).toContain('请填写“一级事项”');
    const added = await inject('POST', BASE, ADMIN, {
      level1: '财政预决算',
      level2: '预算执行',
      content: '预算执行情况',
      deadline: '每季度结束后15日内',
      subject: '县财政局',
      manner: ['active'],
      audience: ['all'],
      columns: ['category:a20.7'],
    });
    expect(added.statusCode, added.body).toBe(201);
    const entry: CatalogEntry = added.json();
    expect(entry).toMatchObject({
      ruleLabel: '每季度结束后15日内',
      checkable: true,
      check: { state: 'ok', dueOn: '2026-10-15' },
    });
    const edited = await inject('PUT', `${BASE}/${entry.id}`, ADMIN, {
      expectedVersion: 1,
      deadline: '每月10日前',
    });
    expect(edited.json()).toMatchObject({ version: 2, ruleLabel: '每月10日前', level2: '预算执行' });
    expect((await inject('DELETE', `${BASE}/${entry.id}?expectedVersion=1`, ADMIN)).statusCode).toBe(409);
    expect((await inject('DELETE', `${BASE}/${entry.id}?expectedVersion=2`, ADMIN)).statusCode).toBe(204);
    expect((await inject('GET', `${BASE}/${entry.id}`, ADMIN)).statusCode).toBe(404);
    const events = await db.kysely
      .selectFrom('events')
      .select('name')
      .where('subject_type', '=', 'catalog_entry')
      .where('subject_id', '=', String(entry.id))
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.name)).toEqual([
      'catalog.entry_added',
      'catalog.entry_edited',
      'catalog.entry_removed',
    ]);
  });

  it('exports the catalogue as XLSX the import reads back, and runs through gongkai catalog', async () => {
    const xlsx = await inject('GET', '/api/v1/agencies/cat-mine/catalog.xlsx', ADMIN);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const back = await inject('POST', `${BASE}/import?dryRun=1`, ADMIN, importBody(xlsx.rawPayload));
    expect(back.statusCode, back.body).toBe(200);
    const list: Catalog = (await inject('GET', BASE, ADMIN)).json();
    expect(
      back.json().entries.map((e: { title: string; deadline: string }) => [e.title, e.deadline]),
    ).toEqual(list.entries.map((e) => [e.title, e.deadline]));

    const out = join(dir, 'out.xlsx');
    const exported = await runCaptured((io) =>
      catalogCommand(io, db, ['export', '--agency', 'cat-mine', '--out', out]),
    );
    expect([exported.code, exported.stdout]).toEqual([0, `已导出 某县财政局 的标准目录 3 项到 ${out}\n`]);
    const input = join(dir, 'in.xlsx');
    writeFileSync(input, await goodFile());
    const preview = await runCaptured((io) =>
      catalogCommand(io, db, ['import', input, '--agency', 'cat-mine', '--dry-run']),
    );
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('第5行 ［财政预决算］财政预决算 / 部门决算：每年9月底前 → 每年9月底前');
    expect(preview.stdout).toContain(
      '预览（未写入）：某县财政局 3 项，领域 财政预决算；替换原有 3 项，沿用对应栏目 1 项',
    );
    const events = await count('events', 'catalog.imported');
    const badFile = join(dir, 'bad.xlsx');
    writeFileSync(
      badFile,
      await catalogueXlsx([
        [1, '财政预决算', '政府预算', '', '', '每年', '县财政局', '', '', '', '√', '', ''],
      ]),
    );
    await expect(
      runCaptured((io) => catalogCommand(io, db, ['import', badFile, '--agency', 'cat-mine'])),
    ).rejects.toThrow('第4行“公开内容（要素）”列：请填写“公开内容（要素）”');
    const done = await runCaptured((io) =>
      catalogCommand(io, db, ['import', input, '--agency', 'cat-mine', '--domain', '财政预决算']),
    );
    expect(done.stdout).toContain('已导入：某县财政局 3 项');
    expect(await count('events', 'catalog.imported')).toBe(events + 1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
