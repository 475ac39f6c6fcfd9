/**
 * 标准目录 (docs/catalog.md) through the API and `gongkai catalog`, on both databases: every route
 * for every role in and outside the agency, the XLSX import as real catalogues lay it out (built
 * here with exceljs: a title row, a two-row header, 一级事项 merged down, ✓ sub-columns, a 说明
 * row) — preview, refusal naming row and column, commit with one event —, mapping, edits, the
 * export read back, and the inspection's catalog.lapsed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCaptured } from '../../../../test/cli-run.ts';
import { describeEachDatabase } from '../../../../test/databases.ts';
import { catalogCommand } from '../../../cli/catalog.ts';
import type { Catalog, CatalogEntry, CatalogImport } from '../../../contract/catalog.ts';
import type { Inspection } from '../../../contract/inspection.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { ADMIN, as, BASE, catalogSuite, catalogueXlsx, goodFile } from './catalog-testing.ts';

describeEachDatabase('标准目录 routes and gongkai catalog', (use) => {
  const t = catalogSuite(use);
  const { inject, importBody, count, publish } = t;

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
    const events = await t.db.kysely
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

    const out = join(t.dir, 'out.xlsx');
    const exported = await runCaptured((io) =>
      catalogCommand(io, t.db, ['export', '--agency', 'cat-mine', '--out', out]),
    );
    expect([exported.code, exported.stdout]).toEqual([0, `已导出 某县财政局 的标准目录 3 项到 ${out}\n`]);
    const input = join(t.dir, 'in.xlsx');
    writeFileSync(input, await goodFile());
    const preview = await runCaptured((io) =>
      catalogCommand(io, t.db, ['import', input, '--agency', 'cat-mine', '--dry-run']),
    );
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('第5行 ［财政预决算］财政预决算 / 部门决算：每年9月底前 → 每年9月底前');
    expect(preview.stdout).toContain(
      '预览（未写入）：某县财政局 3 项，领域 财政预决算；替换原有 3 项，沿用对应栏目 1 项',
    );
    const events = await count('events', 'catalog.imported');
    const badFile = join(t.dir, 'bad.xlsx');
    writeFileSync(
      badFile,
      await catalogueXlsx([
        [1, '财政预决算', '政府预算', '', '', '每年', '县财政局', '', '', '', '√', '', ''],
      ]),
    );
    await expect(
      runCaptured((io) => catalogCommand(io, t.db, ['import', badFile, '--agency', 'cat-mine'])),
    ).rejects.toThrow('第4行“公开内容（要素）”列：请填写“公开内容（要素）”');
    const done = await runCaptured((io) =>
      catalogCommand(io, t.db, ['import', input, '--agency', 'cat-mine', '--domain', '财政预决算']),
    );
    expect(done.stdout).toContain('已导入：某县财政局 3 项');
    expect(await count('events', 'catalog.imported')).toBe(events + 1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
