/**
 * The fields of a decision (作出答复) a chosen legal basis needs: every `{slot}` of the basis's
 * sentence (outcome-basis.ts) is a required, labelled field, declared here once and read by the
 * API's validation, the console's 作出答复 dialog and the CLI. An answer letter is never sent with a
 * slot left open. What the 条例 requires each answer to tell (docs/law.md):
 * - `delivery` — 第三十六条第（二）项 “所申请公开信息可以公开的，向申请人提供该政府信息，或者告知申请人
 *   获取该政府信息的方式、途径和时间”; 第三十七条 “应当向申请人提供可以公开的政府信息内容”;
 * - `reason` — 第三十七条 “并对不予公开的内容说明理由”; 第三十六条第（五）项 “所申请公开信息不属于本行政
 *   机关负责公开的，告知申请人并说明理由”;
 * - `agency`, `contact` — 第三十六条第（五）项 “能够确定负责公开该政府信息的行政机关的，告知申请人该行政
 *   机关的名称、联系方式”;
 * - `where` — 第三十六条第（一）项 “所申请公开信息已经主动公开的，告知申请人获取该政府信息的方式、途径”;
 *   第三十九条第二款 “行政机关可以告知获取的途径”;
 * - `law`, `kind` — 第十四条 “法律、行政法规禁止公开的政府信息……不予公开”; 第三十六条第（七）项 “有关法律、
 *   行政法规对信息的获取有特别规定的，告知申请人依照有关法律、行政法规的规定办理”;
 * - `basis` — other.other: staff word the whole answer and its grounds;
 * - `unconsulted` — 第三十二条 “依申请公开的政府信息公开会损害第三方合法权益的，行政机关应当书面征求第三方的
 *   意见”: a 第十五条 refusal (basis a15) with no consultation on record must say why none was sought. It is
 *   kept with the decision, not printed in the letter.
 */
import { groupHeading } from '../report/formats/common.ts';
import {
  OUTCOME_GROUPS,
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  outcomeGroup,
} from '../report/vocabulary.ts';
import { type BasisCode, findBasis, slotsOf } from './outcome-basis.ts';

/** Every slot a basis's sentence may have. */
export const DECISION_SLOTS = [
  'delivery',
  'reason',
  'where',
  'law',
  'kind',
  'agency',
  'contact',
  'basis',
  'unconsulted',
] as const;
export type DecisionSlot = (typeof DECISION_SLOTS)[number];

/** What staff write into a slot: its Chinese label and an example (the dialog's hint). */
export interface DecisionField {
  slot: DecisionSlot;
  label: string;
  hint: string;
}

/** The meaning of each slot, whatever the basis (the basis may name it more precisely, below). */
const SLOT_FIELDS: Record<DecisionSlot, Omit<DecisionField, 'slot'>> = {
  delivery: {
    label: '获取的方式、途径和时间',
    hint: '如：本机关将于本答复书送达之日起5个工作日内以邮寄方式向您提供，共12页',
  },
  reason: { label: '理由', hint: '写明具体理由，不必以句号结尾' },
  where: {
    label: '获取途径',
    hint: '如：本机关门户网站“政府信息公开”专栏（网址）中的《……》',
  },
  law: { label: '法律、行政法规名称', hint: '如：《中华人民共和国档案法》' },
  kind: { label: '信息类别', hint: '如：不动产登记资料' },
  agency: { label: '负责的行政机关', hint: '写机关全称，如：威海市自然资源和规划局' },
  contact: { label: '该机关的联系方式', hint: '如：联系电话0631-0000000，地址……' },
  basis: { label: '答复内容及依据', hint: '写出完整的答复内容，包括所依据的规定' },
  unconsulted: {
    label: '未书面征求第三方意见的理由',
    hint: '条例第三十二条要求书面征求第三方意见；未征求的，写明理由，如：第三方下落不明，无法联系',
  },
};

/** What else a decision's fields depend on: whether a consultation (条例 第三十二条) is on record. */
export interface DecisionFieldContext {
  consulted?: boolean;
}

/** How a basis names a slot where the general label is not precise enough. */
const BASIS_LABELS: Partial<Record<BasisCode, Partial<Record<DecisionSlot, string>>>> = {
  a37: { reason: '不予公开部分的理由' },
  'a36.1': { where: '已主动公开的获取途径' },
  'a39.2': { where: '公开出版物的获取途径' },
  'a14.law': { law: '禁止公开的法律、行政法规' },
  'a36.7.law': { law: '作出特别规定的法律、行政法规', agency: '受理查询的机关' },
  'a36.5': { reason: '不属于本机关负责公开的理由', agency: '负责公开该政府信息的行政机关' },
  'a36.5.unknown': { reason: '不属于本机关负责公开的理由' },
};

/** A slot's general label (“理由”), or the slot itself when it is not a decision's. */
export function slotLabel(slot: string): string {
  return isSlot(slot) ? SLOT_FIELDS[slot].label : slot;
}

const isSlot = (name: string): name is DecisionSlot => (DECISION_SLOTS as readonly string[]).includes(name);

/** The fields the basis of an outcome needs, in the order its sentence uses them (none: unknown basis). */
export function decisionFields(
  outcome: Outcome,
  basisCode?: string,
  context: DecisionFieldContext = {},
): DecisionField[] {
  const basis = findBasis(outcome, basisCode);
  if (!basis) return [];
  const own = BASIS_LABELS[basis.code] ?? {};
  const slots = [...new Set(slotsOf(basis.sentence))].filter(isSlot);
  // 条例 第三十二条: a 第十五条 refusal without a consultation on record says why none was sought.
  if (basis.code === 'a15' && !context.consulted) slots.push('unconsulted');
  return slots.map((slot) => ({
    slot,
    ...SLOT_FIELDS[slot],
    label: own[slot] ?? SLOT_FIELDS[slot].label,
  }));
}

/** The values of a decision's slots: its `fields`, and the responsible agency given as `otherAgency`. */
export function decisionValues(
  fields: Readonly<Partial<Record<string, string>>> | undefined,
  otherAgency?: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [slot, value] of Object.entries(fields ?? {})) if (value?.trim()) values[slot] = value.trim();
  if (!values.agency && otherAgency?.trim()) values.agency = otherAgency.trim();
  return values;
}

/** The fields of the basis left without a (non-blank) value. */
export function missingDecisionFields(
  outcome: Outcome,
  basisCode: string | undefined,
  values: Readonly<Record<string, string>>,
  context: DecisionFieldContext = {},
): DecisionField[] {
  return decisionFields(outcome, basisCode, context).filter((f) => !values[f.slot]?.trim());
}

/** “请填写“不予公开部分的理由”：所选法律依据的答复书要写明这一内容。” */
export function missingFieldsMessage(missing: readonly DecisionField[]): string {
  const names = missing.map((f) => `“${f.label}”`).join('、');
  return `请填写${names}：所选法律依据的答复书要写明${missing.length > 1 ? '这些内容' : '这一内容'}（条例第三十六条）。`;
}

/** One heading of the 作出答复 picker and the outcomes under it. */
export interface OutcomeChoiceGroup {
  /** the format's heading: “（三）不予公开” */
  heading: string;
  outcomes: Array<{ outcome: Outcome; label: string }>;
}

/**
 * The outcomes staff choose from, under table 三's headings （一）…（六） (国办公开办函〔2021〕30号): an
 * outcome that is its own heading (予以公开, 部分公开) is listed by its row's words without the number.
 */
export const OUTCOME_CHOICES: readonly OutcomeChoiceGroup[] = OUTCOME_GROUPS.map((group) => ({
  heading: groupHeading(group),
  outcomes: OUTCOMES.filter((o) => outcomeGroup(o) === group).map((outcome) => ({
    outcome,
    label: OUTCOME_LABELS[outcome].replace(/^（[一二三四五六]）/u, ''),
  })),
}));
