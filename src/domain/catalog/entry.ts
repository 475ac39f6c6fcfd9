/**
 * A 公开事项标准目录 entry (基层政务公开标准化规范化, 国办发〔2019〕54号; docs/catalog.md): the nine
 * elements real catalogues print — 公开事项 (一级/二级), 公开内容（要素）, 公开依据, 公开时限, 公开主体,
 * 公开渠道和载体, 公开对象 (全社会/特定群体), 公开方式 (主动/依申请), 公开层级 (县级/乡级…) — with its
 * 序号 and 领域 when the catalogue has them, and the site columns its items are published in.
 * The checks of its fields, each message naming the field in Chinese. Pure.
 */

export const AUDIENCES = ['all', 'specific'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { all: '全社会', specific: '特定群体' };

export const MANNERS = ['active', 'on_request'] as const;
export type Manner = (typeof MANNERS)[number];
export const MANNER_LABELS: Record<Manner, string> = { active: '主动', on_request: '依申请' };

/** An entry as entered (the console's form, a row of an imported sheet). */
export interface CatalogEntryFields {
  /** 序号 as printed (null: none) */
  seq: number | null;
  /** 领域 (财政预决算, 重大建设项目…), '' when the catalogue has one only */
  domain: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  /** 公开时限 as written (its rule is parsed from it: deadline.ts) */
  deadline: string;
  subject: string;
  channels: string;
  audience: Audience[];
  manner: Manner[];
  /** 公开层级: 县级, 乡级, 村级… as the catalogue names them */
  levels: string[];
  /** the site columns the entry's items are published in: `category:a20.7`, `column:gkzd` */
  columns: string[];
}

export type CatalogField = keyof CatalogEntryFields;

export const FIELD_LABELS: Record<CatalogField, string> = {
  seq: '序号',
  domain: '领域',
  level1: '一级事项',
  level2: '二级事项',
  content: '公开内容（要素）',
  basis: '公开依据',
  deadline: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  manner: '公开方式',
  levels: '公开层级',
  columns: '发布栏目',
};

/** The longest text each field takes. */
export const FIELD_LIMITS = {
  domain: 50,
  level1: 100,
  level2: 100,
  content: 4000,
  basis: 4000,
  deadline: 200,
  subject: 200,
  channels: 1000,
} as const;

const REQUIRED: readonly CatalogField[] = ['level1', 'content', 'deadline', 'subject'];

export interface FieldProblem {
  field: CatalogField;
  message: string;
}

/** The problems of an entry's fields (none: it may be saved); `knownColumns` are the agency's column keys. */
export function entryProblems(entry: CatalogEntryFields, knownColumns: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: CatalogField, message: string) => problems.push({ field, message });
  for (const field of REQUIRED)
    if (String(entry[field]).trim() === '') add(field, `请填写“${FIELD_LABELS[field]}”`);
  for (const [field, limit] of Object.entries(FIELD_LIMITS) as Array<[CatalogField, number]>)
    if (String(entry[field]).length > limit) add(field, `“${FIELD_LABELS[field]}”最长 ${limit} 个字，请精简`);
  if (entry.seq !== null && (!Number.isInteger(entry.seq) || entry.seq < 1 || entry.seq > 99999))
    add('seq', '“序号”应为 1 至 99999 的整数');
  if (entry.manner.length === 0) add('manner', '请选择“公开方式”（主动或依申请，可多选）');
  if (entry.levels.some((l) => l.trim() === '' || l.length > 20))
    add('levels', '“公开层级”每项应为 1 至 20 个字（如：县级、乡级）');
  const unknown = entry.columns.filter((c) => !knownColumns.has(c));
  if (unknown.length > 0)
    add('columns', `“发布栏目”中有本机关没有的栏目（${unknown.join('、')}），请从栏目列表中选择`);
  return problems;
}

/** 公开事项 as one line: 一级事项 / 二级事项. */
export function entryTitle(entry: Pick<CatalogEntryFields, 'level1' | 'level2'>): string {
  return entry.level2.trim() === '' || entry.level2 === entry.level1
    ? entry.level1
    : `${entry.level1} / ${entry.level2}`;
}

/** Where an entry is kept across imports: 领域, 一级事项 and 二级事项 (its mapping stays with it). */
export function entryKey(entry: Pick<CatalogEntryFields, 'domain' | 'level1' | 'level2'>): string {
  return [entry.domain, entry.level1, entry.level2].map((s) => s.replace(/\s+/g, '')).join('\u0000');
}
