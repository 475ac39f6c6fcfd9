/**
 * 条例第二十条 (一)–(十五): what every agency must disclose proactively — the statutory categories
 * an item is filed under — and the item's 有效性 (validity).
 */

/** The category codes, `a20.1`…`a20.15` and `other` (the same codes as the report's publications). */
export const STATUTORY_CATEGORIES = [
  'a20.1',
  'a20.2',
  'a20.3',
  'a20.4',
  'a20.5',
  'a20.6',
  'a20.7',
  'a20.8',
  'a20.9',
  'a20.10',
  'a20.11',
  'a20.12',
  'a20.13',
  'a20.14',
  'a20.15',
  'other',
] as const;
export type StatutoryCategory = (typeof STATUTORY_CATEGORIES)[number];

export const STATUTORY_CATEGORY_LABELS: Record<StatutoryCategory, string> = {
  'a20.1': '（一）行政法规、规章和规范性文件',
  'a20.2': '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  'a20.3': '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
  'a20.4': '（四）国民经济和社会发展统计信息',
  'a20.5': '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  'a20.6': '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  'a20.7': '（七）财政预算、决算信息',
  'a20.8': '（八）行政事业性收费项目及其依据、标准',
  'a20.9': '（九）政府集中采购项目的目录、标准及实施情况',
  'a20.10': '（十）重大建设项目的批准和实施情况',
  'a20.11': '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  'a20.12': '（十二）突发公共事件的应急预案、预警信息及应对情况',
  'a20.13': '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  'a20.14': '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
  'a20.15': '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
  other: '其他',
};

export function isStatutoryCategory(code: string): code is StatutoryCategory {
  return (STATUTORY_CATEGORIES as readonly string[]).includes(code);
}

/** The category's two digits in an index number: `a20.7` → `07`, `other` → `99`. */
export function categoryDigits(category: StatutoryCategory): string {
  return category === 'other' ? '99' : category.slice(4).padStart(2, '0');
}

/** 有效性: 有效, 失效 (lapsed, e.g. its term ended), 废止 (repealed). */
export const ITEM_VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type ItemValidity = (typeof ITEM_VALIDITIES)[number];

export const ITEM_VALIDITY_LABELS: Record<ItemValidity, string> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
};
