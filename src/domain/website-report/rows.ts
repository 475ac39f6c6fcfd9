/**
 * 政府网站工作年度报表 (issue 15, docs/website-report.md): the rows of the annual website report
 * (国办函〔2018〕12号: 信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、创新发展), each
 * computed from the platform's data for the year or filled in by the 机关管理员.
 *
 * The national template's own table was **not** found in a stored source (docs/website-report.md
 * says what was searched): the rows below are the ones the brief lists; the sections whose
 * rows were not found (办事服务, 互动交流, 安全防护, 创新发展) take a written account instead.
 */
import type { NewMediaPlatform } from '../new-media/accounts.ts';

export const WEBSITE_REPORT_SECTIONS = [
  '基本信息',
  '信息发布',
  '专栏专题',
  '解读回应',
  '办事服务',
  '互动交流',
  '安全防护',
  '移动新媒体',
  '创新发展',
] as const;
export type WebsiteReportSection = (typeof WEBSITE_REPORT_SECTIONS)[number];

/** count: a whole number ≥ 0; text: a line or a paragraph. */
export type RowKind = 'count' | 'text';

export interface WebsiteReportRow {
  code: string;
  section: WebsiteReportSection;
  /** the row's group in the template (信息发布 → 总数 …), '' when the row stands alone */
  group: string;
  label: string;
  /** 个, 次, 条, 篇 … ('' for text) */
  unit: string;
  kind: RowKind;
  /** computed from the platform's data (read-only), or filled in by the 机关管理员 */
  source: 'computed' | 'manual';
  /** must be filled before a final export: always, or when the agency has an account of the platform */
  required: boolean | NewMediaPlatform;
  /** how the platform computes it, or what to write */
  note: string;
}

const row = (
  r: Omit<WebsiteReportRow, 'group' | 'unit'> & Partial<Pick<WebsiteReportRow, 'group' | 'unit'>>,
) => ({
  group: '',
  unit: '',
  ...r,
});

export const WEBSITE_REPORT_ROWS: readonly WebsiteReportRow[] = [
  row({
    code: 'site.name',
    section: '基本信息',
    label: '网站名称',
    kind: 'text',
    source: 'computed',
    required: true,
    note: '机关设置中的网站名称',
  }),
  row({
    code: 'site.url',
    section: '基本信息',
    label: '首页网址',
    kind: 'text',
    source: 'computed',
    required: true,
    note: '机关设置中的网站地址',
  }),
  row({
    code: 'site.host',
    section: '基本信息',
    label: '主办单位',
    kind: 'text',
    source: 'computed',
    required: true,
    note: '机关名称',
  }),
  row({
    code: 'site.icp',
    section: '基本信息',
    label: 'ICP备案编号',
    kind: 'text',
    source: 'manual',
    required: true,
    note: '如：鲁ICP备05002386号',
  }),
  row({
    code: 'site.police',
    section: '基本信息',
    label: '公安机关备案号',
    kind: 'text',
    source: 'manual',
    required: true,
    note: '如：37100202000123',
  }),
  row({
    code: 'visits.unique',
    section: '基本信息',
    label: '独立用户访问总量',
    unit: '个',
    kind: 'count',
    source: 'manual',
    required: true,
    note: '取自网站访问统计',
  }),
  row({
    code: 'visits.total',
    section: '基本信息',
    label: '网站总访问量',
    unit: '次',
    kind: 'count',
    source: 'manual',
    required: true,
    note: '取自网站访问统计',
  }),
  row({
    code: 'publish.total',
    section: '信息发布',
    group: '信息发布',
    label: '总数',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '本年发布的主动公开信息',
  }),
  row({
    code: 'publish.overview',
    section: '信息发布',
    group: '信息发布',
    label: '概况类信息更新量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '第二十条（二）机关职能、机构设置等类别中本年发布的信息',
  }),
  row({
    code: 'publish.news',
    section: '信息发布',
    group: '信息发布',
    label: '新闻动态类信息更新量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '动态要闻类栏目中本年发布的信息（栏目类别见网站自查）',
  }),
  row({
    code: 'publish.catalogue',
    section: '信息发布',
    group: '信息发布',
    label: '信息公开目录信息更新量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '第二十条（一）至（十五）类别中本年发布的信息',
  }),
  row({
    code: 'columns.maintained',
    section: '专栏专题',
    group: '专栏专题',
    label: '维护数量',
    unit: '个',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '本年有信息发布的子栏目',
  }),
  row({
    code: 'columns.opened',
    section: '专栏专题',
    group: '专栏专题',
    label: '新开设数量',
    unit: '个',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '首条信息在本年发布的子栏目',
  }),
  row({
    code: 'interpretation.total',
    section: '解读回应',
    group: '解读信息发布',
    label: '总数',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: false,
    note: '以下三项之和（三项填齐后得出）',
  }),
  row({
    code: 'interpretation.materials',
    section: '解读回应',
    group: '解读信息发布',
    label: '解读材料数量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '本年发布的解读信息',
  }),
  row({
    code: 'interpretation.products',
    section: '解读回应',
    group: '解读信息发布',
    label: '解读产品数量',
    unit: '个',
    kind: 'count',
    source: 'manual',
    required: true,
    note: '图解、音视频等解读产品',
  }),
  row({
    code: 'interpretation.media',
    section: '解读回应',
    group: '解读信息发布',
    label: '媒体评论文章数量',
    unit: '篇',
    kind: 'count',
    source: 'manual',
    required: true,
    note: '',
  }),
  row({
    code: 'interpretation.responses',
    section: '解读回应',
    label: '回应公众关注热点或重大舆情数量',
    unit: '次',
    kind: 'count',
    source: 'manual',
    required: true,
    note: '',
  }),
  row({
    code: 'services.account',
    section: '办事服务',
    label: '办事服务情况',
    kind: 'text',
    source: 'manual',
    required: false,
    note: '按上级下发的报表填写各分项',
  }),
  row({
    code: 'interaction.requests',
    section: '互动交流',
    label: '本平台受理的政府信息公开申请数量',
    unit: '件',
    kind: 'count',
    source: 'computed',
    required: true,
    note: '本年收到并登记的政府信息公开申请',
  }),
  row({
    code: 'interaction.account',
    section: '互动交流',
    label: '互动交流情况',
    kind: 'text',
    source: 'manual',
    required: false,
    note: '留言办理、征集调查、在线访谈等，按上级下发的报表填写',
  }),
  row({
    code: 'security.account',
    section: '安全防护',
    label: '安全防护情况',
    kind: 'text',
    source: 'manual',
    required: true,
    note: '安全检测评估、安全监测预警、安全通报等情况',
  }),
  row({
    code: 'media.has',
    section: '移动新媒体',
    label: '是否有移动新媒体',
    kind: 'text',
    source: 'computed',
    required: true,
    note: '政务新媒体登记中本年运营的账号',
  }),
  row({
    code: 'media.weibo.name',
    section: '移动新媒体',
    group: '微博',
    label: '名称',
    kind: 'text',
    source: 'computed',
    required: 'weibo',
    note: '政务新媒体登记中的微博账号',
  }),
  row({
    code: 'media.weibo.posts',
    section: '移动新媒体',
    group: '微博',
    label: '信息发布量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: 'weibo',
    note: '本年在该账号渠道登记的发布',
  }),
  row({
    code: 'media.weibo.followers',
    section: '移动新媒体',
    group: '微博',
    label: '关注量',
    unit: '个',
    kind: 'count',
    source: 'manual',
    required: 'weibo',
    note: '取自微博平台',
  }),
  row({
    code: 'media.wechat.name',
    section: '移动新媒体',
    group: '微信',
    label: '名称',
    kind: 'text',
    source: 'computed',
    required: 'wechat',
    note: '政务新媒体登记中的微信公众号',
  }),
  row({
    code: 'media.wechat.posts',
    section: '移动新媒体',
    group: '微信',
    label: '信息发布量',
    unit: '条',
    kind: 'count',
    source: 'computed',
    required: 'wechat',
    note: '本年在该账号渠道登记的发布',
  }),
  row({
    code: 'media.wechat.subscribers',
    section: '移动新媒体',
    group: '微信',
    label: '订阅数',
    unit: '个',
    kind: 'count',
    source: 'manual',
    required: 'wechat',
    note: '取自微信公众平台',
  }),
  row({
    code: 'media.other',
    section: '移动新媒体',
    label: '其他',
    kind: 'text',
    source: 'computed',
    required: false,
    note: '其他平台的账号及本年发布量',
  }),
  row({
    code: 'innovation.account',
    section: '创新发展',
    label: '创新发展情况',
    kind: 'text',
    source: 'manual',
    required: false,
    note: '',
  }),
];

export const ROW_BY_CODE: ReadonlyMap<string, WebsiteReportRow> = new Map(
  WEBSITE_REPORT_ROWS.map((r) => [r.code, r]),
);

/** The row's name as a person reads it: 微博 名称, 解读信息发布 总数, ICP备案编号. */
export function rowName(row: Pick<WebsiteReportRow, 'group' | 'label'>): string {
  return row.group ? `${row.group}${row.label}` : row.label;
}

/** The longest text a manual row takes. */
export const MAX_TEXT = 2000;
/** The largest count a manual row takes. */
export const MAX_COUNT = 999_999_999_999;
