/**
 * The vocabulary the records speak, whatever the report format: applicant columns, the outcomes a
 * request is decided with, channels, review groups and results, kinds of normative document and of
 * agency. A report format (formats/2019, formats/2021) maps these onto its rows and cells.
 */

/** 申请人情况: the six applicant columns of table 三 (without 总计). */
export const APPLICANT_TYPES = [
  'natural_person',
  'business',
  'research',
  'social_welfare',
  'legal_service',
  'other_org',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  business: '商业企业',
  research: '科研机构',
  social_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
};

/** Table 三 columns: the six applicant types and 总计. */
export const T3_COLUMNS = [...APPLICANT_TYPES, 'total'] as const;
export type T3Column = (typeof T3_COLUMNS)[number];

/** The 23 outcomes of a request, in the order of table 三. */
export const OUTCOMES = [
  'granted',
  'partial',
  'denied.state_secret',
  'denied.law_prohibited',
  'denied.security_stability',
  'denied.third_party',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_file',
  'denied.query_matter',
  'unable.not_held',
  'unable.needs_creation',
  'unable.unclear',
  'not_processed.petition',
  'not_processed.duplicate',
  'not_processed.publication',
  'not_processed.excessive',
  'not_processed.confirm_info',
  'other.no_correction',
  'other.no_fee',
  'other.other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_GROUPS = ['granted', 'partial', 'denied', 'unable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partial: '部分公开',
  denied: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

/** The group heading of table 三 (（一）…（六）) an outcome falls under. */
export function outcomeGroup(outcome: Outcome): OutcomeGroup {
  const head = outcome.split('.')[0];
  return head as OutcomeGroup;
}

/**
 * The outcomes' labels, as the 2021 format prints its table 三 rows (the item text without its
 * group heading); staff pick an outcome by them.
 */
export const OUTCOME_LABELS: Record<Outcome, string> = {
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'denied.state_secret': '1.属于国家秘密',
  'denied.law_prohibited': '2.其他法律行政法规禁止公开',
  'denied.security_stability': '3.危及“三安全一稳定”',
  'denied.third_party': '4.保护第三方合法权益',
  'denied.internal_affairs': '5.属于三类内部事务信息',
  'denied.process_info': '6.属于四类过程性信息',
  'denied.enforcement_file': '7.属于行政执法案卷',
  'denied.query_matter': '8.属于行政查询事项',
  'unable.not_held': '1.本机关不掌握相关政府信息',
  'unable.needs_creation': '2.没有现成信息需要另行制作',
  'unable.unclear': '3.补正后申请内容仍不明确',
  'not_processed.petition': '1.信访举报投诉类申请',
  'not_processed.duplicate': '2.重复申请',
  'not_processed.publication': '3.要求提供公开出版物',
  'not_processed.excessive': '4.无正当理由大量反复申请',
  'not_processed.confirm_info': '5.要求行政机关确认或重新出具已获取信息',
  'other.no_correction': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.no_fee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
};

/** How the narrative names an outcome (“予以公开1件，本机关不掌握相关政府信息无法提供2件”). */
export const OUTCOME_PHRASES: Record<Outcome, string> = {
  granted: '予以公开',
  partial: '部分公开',
  'denied.state_secret': '属于国家秘密不予公开',
  'denied.law_prohibited': '其他法律行政法规禁止公开不予公开',
  'denied.security_stability': '危及“三安全一稳定”不予公开',
  'denied.third_party': '保护第三方合法权益不予公开',
  'denied.internal_affairs': '属于三类内部事务信息不予公开',
  'denied.process_info': '属于四类过程性信息不予公开',
  'denied.enforcement_file': '属于行政执法案卷不予公开',
  'denied.query_matter': '属于行政查询事项不予公开',
  'unable.not_held': '本机关不掌握相关政府信息无法提供',
  'unable.needs_creation': '没有现成信息需要另行制作无法提供',
  'unable.unclear': '补正后申请内容仍不明确无法提供',
  'not_processed.petition': '信访举报投诉类申请不予处理',
  'not_processed.duplicate': '重复申请不予处理',
  'not_processed.publication': '要求提供公开出版物不予处理',
  'not_processed.excessive': '无正当理由大量反复申请不予处理',
  'not_processed.confirm_info': '要求行政机关确认或重新出具已获取信息不予处理',
  'other.no_correction': '申请人无正当理由逾期不补正做其他处理',
  'other.no_fee': '申请人逾期未按收费通知要求缴纳费用做其他处理',
  'other.other': '其他处理',
};

/**
 * An outcome as the applicant reads it on the tracking page: the group, and the ground in brackets
 * where the group has several (“不予公开（属于国家秘密）”, “予以公开”, “其他处理”).
 */
export function outcomeInWords(outcome: Outcome): string {
  const group = OUTCOME_GROUP_LABELS[outcomeGroup(outcome)];
  if (outcome === 'granted' || outcome === 'partial' || outcome === 'other.other') return group;
  return `${group}（${OUTCOME_LABELS[outcome].replace(/^\d+\./, '')}）`;
}

/** Whether a stored text is one of the outcomes. */
export function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

/**
 * Request channels (提交方式). `oral`: 条例 第二十九条第一款 “采用书面形式确有困难的，申请人可以口头提出，由受理该
 * 申请的政府信息公开工作机构代为填写政府信息公开申请” (listed last, so the order of the others' sentences
 * in the report's narrative stays as it was).
 */
export const REQUEST_CHANNELS = ['online', 'letter', 'in_person', 'fax', 'other', 'oral'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  online: '网络',
  letter: '信函',
  in_person: '当面',
  fax: '传真',
  other: '其他',
  oral: '口头',
};

/** Table 四: the three groups and the five columns of each. */
export const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;
export type T4Group = (typeof T4_GROUPS)[number];
export const T4_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type ReviewResult = (typeof T4_RESULTS)[number];
export const T4_COLUMNS = [...T4_RESULTS, 'pending', 'total'] as const;
export type T4Column = (typeof T4_COLUMNS)[number];
export const T4_GROUP_LABELS: Record<T4Group, string> = {
  review: '行政复议',
  suit_direct: '未经复议直接起诉',
  suit_after_review: '复议后起诉',
};
export const T4_COLUMN_LABELS: Record<T4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** Table 二 (一): the two kinds of normative document. */
export const NORMATIVE_KINDS = ['regulation', 'normative'] as const;
export type NormativeKind = (typeof NORMATIVE_KINDS)[number];
export const NORMATIVE_KIND_LABELS: Record<NormativeKind, string> = {
  regulation: '规章',
  normative: '行政规范性文件',
};

/** Agency kinds; a 人民政府 publishes the consolidated report (31 March), the others by 31 January. */
export const AGENCY_KINDS = ['government', 'department', 'development_zone', 'township', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** 第二十条 (一)–(十五) and “other”: the statutory category of a publication. */
export const PUBLICATION_CATEGORIES: readonly [string, ...string[]] = [
  'a20.1',
  ...Array.from({ length: 14 }, (_, i) => `a20.${i + 2}`),
  'other',
];

/** The default publication channels of a new agency (per-agency list, editable). */
export const DEFAULT_PUBLICATION_CHANNELS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'website', name: '网站' },
  { code: 'wechat', name: '微信' },
  { code: 'weibo', name: '微博' },
  { code: 'douyin', name: '抖音' },
  { code: 'gazette', name: '政府公报' },
  { code: 'other', name: '其他' },
];
