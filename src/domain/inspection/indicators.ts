/**
 * The self-inspection's indicators (自查指标, issue 15): each with its code, Chinese name, the rule
 * as found, the threshold and whether it is a 单项否决 (veto) — a site with any veto indicator
 * tripped is 不合格 under 国办秘函〔2019〕19号. The rule texts below are as the `search` tool found
 * them (docs/inspection.md says where): the 2019 indicators' 单项否决 rows as an agency's
 * 2022 self-inspection table reproduces them; the 国办 notice itself was not found in the corpus.
 */

export const INDICATOR_CODES = [
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
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** How a value trips its threshold: above it (days), at or above it (counts), below it (a ratio). */
export type Trips = 'above' | 'atLeast' | 'below';

export interface IndicatorDefinition {
  code: IndicatorCode;
  name: string;
  /** the rule as found, or what the platform checks where no text was found */
  rule: string;
  threshold: number;
  trips: Trips;
  /** 天, 个, % */
  unit: string;
  /** a 单项否决 indicator: tripped, the site is 不合格 and `gongkai inspect` exits 1 */
  veto: boolean;
}

/** The days before a threshold trips that an indicator warns (预警). */
export const ALARM_DAYS = 7;

const COLUMNS_RULE =
  '栏目不更新：1.监测时间点前 2 周内的动态、要闻类栏目，以及监测时间点前 6 个月内的通知公告、政策文件类一级栏目，' +
  '累计超过（含）5 个未更新。2.应更新但长期未更新的栏目数量超过（含）10 个。3.空白栏目数量超过（含）5 个。' +
  '上述情况出现任意一种，即单项否决。';

export const INDICATORS: Record<IndicatorCode, IndicatorDefinition> = {
  'home.stale': {
    code: 'home.stale',
    name: '首页不更新',
    rule: '首页不更新：监测 2 周，首页无信息更新的，即单项否决。如首页仅为网站栏目导航入口，所有二级页面无信息更新的，即单项否决。',
    threshold: 14,
    trips: 'above',
    unit: '天',
    veto: true,
  },
  'columns.stale': {
    code: 'columns.stale',
    name: '栏目不更新（动态要闻、通知公告、政策文件类）',
    rule: COLUMNS_RULE,
    threshold: 5,
    trips: 'atLeast',
    unit: '个',
    veto: true,
  },
  'columns.lapsed': {
    code: 'columns.lapsed',
    name: '应更新但长期未更新的栏目',
    rule: COLUMNS_RULE,
    threshold: 10,
    trips: 'atLeast',
    unit: '个',
    veto: true,
  },
  'columns.blank': {
    code: 'columns.blank',
    name: '空白栏目',
    rule: `${COLUMNS_RULE}（有备注说明的空栏目不是空白栏目。）`,
    threshold: 5,
    trips: 'atLeast',
    unit: '个',
    veto: true,
  },
  'interpretation.missing': {
    code: 'interpretation.missing',
    name: '规范性文件未关联解读',
    rule: '有效的规范性文件都应有解读并与之关联（检查指标中政策解读的原文未能检索到，此处按平台规则检查，不作单项否决）。',
    threshold: 0,
    trips: 'above',
    unit: '个',
    veto: false,
  },
  'interpretation.unlinked': {
    code: 'interpretation.unlinked',
    name: '解读未与文件双向关联',
    rule: '解读材料应与所解读的文件相互关联：解读指向已发布的文件，文件页面列出其解读（原文未能检索到，不作单项否决）。',
    threshold: 0,
    trips: 'above',
    unit: '个',
    veto: false,
  },
  'interpretation.ratio': {
    code: 'interpretation.ratio',
    name: '本年规范性文件解读比例',
    rule: '本年发布的规范性文件中已有解读的比例（原文未能检索到，不作单项否决；低于100%即预警）。',
    threshold: 100,
    trips: 'below',
    unit: '%',
    veto: false,
  },
  'newmedia.silent': {
    code: 'newmedia.silent',
    name: '政务新媒体超过2周未更新',
    rule:
      '政务新媒体检查指标（国办秘函〔2019〕19号）单项否决：监测点前 2 周内无更新。原文未能检索到；各地检查通报的表述如' +
      '「政务新媒体账号出现监测点前两周内未更新问题」「超过2周未更新」。运营中的账号自最近一次发布' +
      '（尚未发布的，自开设之日）起满 14 天即不合格，满 7 天预警。',
    threshold: 1,
    trips: 'atLeast',
    unit: '个',
    veto: true,
  },
  'links.dead': {
    code: 'links.dead',
    name: '死链（链接不可用）',
    rule:
      '网站可用性—链接可用性：首页及其他页面不能正常访问的链接数量；附件下载：所需的办事表格、文件附件等资料能否正常下载' +
      '（全国政府网站普查评分表的扣分指标，非单项否决；扣分细则原文未能检索到，此处发现一个死链即为不合格，不作单项否决）。',
    threshold: 0,
    trips: 'above',
    unit: '个',
    veto: false,
  },
  'catalog.lapsed': {
    code: 'catalog.lapsed',
    name: '标准目录事项逾期未公开',
    rule: '公开事项标准目录（国办发〔2019〕54号）中公开时限为固定日期的事项（如每年9月底前、每季度），到期时其对应栏目自本期开始未发布任何信息的，为逾期未公开；到期前7天仍未发布的预警。按事件计时或没有具体期限的事项不按日期检查。本项不是国办检查指标的单项否决项。',
    threshold: 0,
    trips: 'above',
    unit: '项',
    veto: false,
  },
};

export const INDICATOR_STATES = ['ok', 'alarm', 'failed'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

export const INDICATOR_STATE_LABELS: Record<IndicatorState, string> = {
  ok: '合格',
  alarm: '预警',
  failed: '不合格',
};

/** Whether `value` trips the indicator's threshold. */
export function tripped(
  definition: Pick<IndicatorDefinition, 'threshold' | 'trips'>,
  value: number,
): boolean {
  if (definition.trips === 'above') return value > definition.threshold;
  if (definition.trips === 'atLeast') return value >= definition.threshold;
  return value < definition.threshold;
}

/** The threshold in words: 超过14天, 5个及以上, 低于100%. */
export function thresholdLabel(
  definition: Pick<IndicatorDefinition, 'threshold' | 'trips' | 'unit'>,
): string {
  const { threshold, unit } = definition;
  if (definition.trips === 'above') return `超过${threshold}${unit}`;
  if (definition.trips === 'atLeast') return `${threshold}${unit}及以上`;
  return `低于${threshold}${unit}`;
}
