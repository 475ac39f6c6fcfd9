/**
 * The demo agency's 公开指南 settings (issue 13): the particulars 条例 第十二条第二款 asks for beyond
 * the import's agency record, its 查阅场所 (条例 第二十五条), a 备注说明 for the column it has nothing
 * in, and its own 政府信息公开制度 — items of the 公开制度 column (`gkzd`) loaded through the items
 * import like every other demo item, published in January 2022 so the 2020–2021 figures stay as the
 * seed report has them.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { RULES_COLUMN, RULES_COLUMN_NAME } from '../domain/guide/column-notes.ts';
import { DEMO_AGENCY_CODE } from './lingang.ts';
import type { DemoItemRow } from './lingang-items.ts';

const ISSUER = '威海临港经济技术开发区管理委员会';

/** The particulars the agency record of the import does not carry. */
export const DEMO_GUIDE = {
  office_hours: '工作日上午8:30—12:00，下午13:30—17:30（法定节假日除外）',
  fax: '0631-5587390',
  email: 'lgzwgk@wip.gov.cn',
  accepts_fax: 1,
  accepts_email: 0,
} as const;

export const DEMO_READING_POINTS = [
  {
    name: '临港区政务服务中心政府信息查阅点',
    kind: 'service_center',
    address: '威海临港经济技术开发区江苏东路政务服务中心一楼大厅',
    hours: '工作日 8:30—12:00，13:30—17:30',
    phone: '0631-5587393',
  },
  {
    name: '威海市档案馆政府信息查阅中心',
    kind: 'archives',
    address: '威海市环翠区统一路档案馆一楼',
    hours: '周一至周五 9:00—17:00',
    phone: '',
  },
  {
    name: '威海市图书馆政府信息查阅室',
    kind: 'library',
    address: '威海市环翠区新威路威海市图书馆二楼',
    hours: '周二至周日 9:00—20:30',
    phone: '',
  },
] as const;

export const DEMO_COLUMN_NOTES = [
  {
    scope: 'category',
    code: 'other',
    note: '本类别下设“政府信息公开制度”子栏目，其他主动公开信息按第二十条各类别发布。',
  },
] as const;

const RULES: ReadonlyArray<[string, string, string, string]> = [
  [
    '2022-01-10',
    '威海临港经济技术开发区管理委员会政府信息公开保密审查制度',
    '威临管办字〔2022〕1号',
    '<p>第一条 为规范政府信息公开保密审查工作，依据《中华人民共和国政府信息公开条例》第十七条和《中华人民共和国保守国家秘密法》，制定本制度。</p><p>第二条 拟公开的政府信息，由承办科室按照“谁公开、谁审查”的原则先行审查，报分管负责人审核；不能确定是否可以公开的，报保密行政管理部门确定。</p><p>第三条 审查情况记入政府信息公开工作台账，随件归档。</p>',
  ],
  [
    '2022-01-12',
    '威海临港经济技术开发区管理委员会依申请公开政府信息工作制度',
    '威临管办字〔2022〕2号',
    '<p>第一条 为规范依申请公开工作，依据《中华人民共和国政府信息公开条例》第四十五条，建立申请登记、审核、办理、答复、归档的工作制度。</p><p>第二条 党政办公室统一受理政府信息公开申请，当日登记，按照条例第三十三条规定的期限答复。</p><p>第三条 答复书经负责人审核后出具，办理材料一案一档。</p>',
  ],
  [
    '2022-01-14',
    '威海临港经济技术开发区管理委员会政府信息主动公开工作制度',
    '威临管办字〔2022〕3号',
    '<p>第一条 依据《中华人民共和国政府信息公开条例》第二十条至第二十六条，明确主动公开的范围、程序和时限。</p><p>第二条 属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内公开。</p>',
  ],
  [
    '2022-01-17',
    '威海临港经济技术开发区管理委员会政府信息管理动态调整制度',
    '威临管办字〔2022〕4号',
    '<p>第一条 依据《中华人民共和国政府信息公开条例》第十八条，每年对不予公开的政府信息进行评估审查，因情势变化可以公开的，及时公开。</p>',
  ],
];

/** The rule items, rows of the items import (docs/items-import.md). */
export function demoRuleRows(): DemoItemRow[] {
  return RULES.map(([publishedOn, title, docNumber, body], i) => ({
    agency: DEMO_AGENCY_CODE,
    ref: `rules-${i + 1}`,
    title,
    category: 'other',
    column: RULES_COLUMN,
    issuer: ISSUER,
    docNumber,
    formedOn: publishedOn,
    publishedOn,
    subject: '政务公开',
    body,
  }));
}

/** Writes the demo agency's guide settings, reading points, notes and its 公开制度 column. */
export async function addDemoGuide(trx: Transaction<Database>, agencyId: number): Promise<void> {
  await trx.updateTable('agencies').set(DEMO_GUIDE).where('id', '=', agencyId).execute();
  await trx
    .insertInto('reading_points')
    .values(DEMO_READING_POINTS.map((p, i) => ({ agency_id: agencyId, ...p, sort: i + 1 })))
    .execute();
  await trx
    .insertInto('column_notes')
    .values(DEMO_COLUMN_NOTES.map((n) => ({ agency_id: agencyId, ...n })))
    .execute();
  await trx
    .insertInto('agency_columns')
    .values({ agency_id: agencyId, code: RULES_COLUMN, name: RULES_COLUMN_NAME, category: 'other', sort: 1 })
    .execute();
}
