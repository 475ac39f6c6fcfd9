/**
 * What the 标准目录 route tests share (catalog.test.ts): a 财政预决算 catalogue built with exceljs as
 * counties publish it (a title row, a two-row header, 一级事项 merged down, ✓ sub-columns, a 说明
 * row), and the suite's set-up — a county with the agency, every staff role, an outsider, the
 * county's supervisor and a sibling's — with its helpers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { addAgency, addUser } from '../../../../test/accounts.ts';
import type { Db } from '../../../db/connection.ts';
import { SUPERVISOR_ROLE } from '../../../domain/accounts/actor.ts';
import { AGENCY_ROLES } from '../../../domain/accounts/roles.ts';
import { buildServer } from '../../app.ts';

export const BASE = '/api/v1/agencies/cat-mine/catalog';
/** 10:00 in China on 2026-10-05: 每年9月底前 has passed */
export const NOW = new Date('2026-10-05T02:00:00Z');
export const as = (username: string) => ({ 'x-gongkai-user': username });
export const ADMIN = as('cat-agency_admin');

/** A 财政预决算 catalogue as counties publish it. */
export async function catalogueXlsx(
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

export const GOOD_ROWS = [
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
export async function goodFile() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([await catalogueXlsx(GOOD_ROWS)]));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  sheet.mergeCells(4, 2, 5, 2);
  sheet.mergeCells(6, 1, 6, 13);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The suite's server and database (set in its beforeAll), with its helpers. */
export function catalogSuite(use: () => Db) {
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
  return {
    get db() {
      return db;
    },
    get mine() {
      return mine;
    },
    dir,
    inject,
    importBody,
    count,
    publish,
  };
}
