/**
 * The legal basis of each of the 21 outcomes of table 三 and the sentence an answer letter uses
 * (条例 第十四–十六条, 第三十–三十九条, 第四十二条; 国办函〔2020〕109号), the remedies sentence, and the
 * outcome of a whole request from its items' outcomes (rule R2). Articles without a law are 条例's.
 * `{slot}` marks text staff supply (a responsible agency, a law); see fillSentence.
 */
import { OUTCOMES, type Outcome } from '../report/vocabulary.ts';

export const LAW_NAMES = {
  ordinance: '《中华人民共和国政府信息公开条例》',
  fee_measures: '《政府信息公开信息处理费管理办法》',
  review_law: '《中华人民共和国行政复议法》',
  litigation_law: '《中华人民共和国行政诉讼法》',
} as const;
export type Law = keyof typeof LAW_NAMES;

/** One provision: an article (with 款/项 where they matter) of a law. */
export interface Citation {
  law: Law;
  article: string;
}

/** One legal basis an outcome may rest on. `staffWritten`: staff cite and word it themselves. */
export interface LegalBasis {
  code: BasisCode;
  citations: readonly Citation[];
  sentence: string;
  staffWritten: boolean;
}

const cite = (law: Law, ...articles: string[]): Citation[] => articles.map((article) => ({ law, article }));
const of = (...articles: string[]): Citation[] => cite('ordinance', ...articles);
const DENY = '第三十六条第（三）项';

/** The provisions of each basis. */
const CITATIONS = {
  'a36.2': of('第三十六条第（二）项'),
  'a36.1': of('第三十六条第（一）项'),
  a37: of('第三十七条'),
  'a14.secret': of('第十四条', DENY),
  'a14.law': of('第十四条', DENY),
  'a14.security': of('第十四条', DENY),
  'a15.a32': of('第十五条', '第三十二条', DENY),
  a15: of('第十五条', DENY),
  'a16.1': of('第十六条第一款', DENY),
  'a16.2.process': of('第十六条第二款', DENY),
  'a16.2.file': of('第十六条第二款', DENY),
  'a36.7': of('第三十六条第（七）项'),
  'a36.7.law': of('第三十六条第（七）项'),
  'a36.4': of('第三十六条第（四）项'),
  'a36.5': of('第三十六条第（五）项'),
  'a36.5.unknown': of('第三十六条第（五）项'),
  a38: of('第三十八条'),
  'a30.unclear': of('第二十九条第二款第（二）项', '第三十条'),
  'a39.1': of('第三十九条第一款'),
  'a36.6': of('第三十六条第（六）项'),
  'a39.2': of('第三十九条第二款'),
  a35: of('第三十五条'),
  'a2.a38': of('第二条', '第三十八条'),
  'a36.6.reissue': of('第三十六条第（六）项'),
  'a30.lapsed': of('第三十条'),
  'a42.f6': [...of('第四十二条'), ...cite('fee_measures', '第六条')],
  staff: [],
} satisfies Record<string, Citation[]>;
export type BasisCode = keyof typeof CITATIONS;

const R = '经审查，您申请获取的政府信息';
const I = '经审查，您申请获取的信息';
const CLOSED = '视为放弃申请，本机关不再处理该政府信息公开申请。';

/** The sentence of each basis in the answer letter. */
const SENTENCES: Record<BasisCode, string> = {
  'a36.2': `${R}属于公开范围，现予以公开。获取该政府信息的方式、途径和时间：{delivery}。`,
  'a36.1': `${R}已经主动公开，您可以通过{where}获取。`,
  a37: `${R}中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理，现向您提供可以公开的部分，获取的方式、途径和时间：{delivery}；其余部分不予公开，理由是：{reason}。`,
  'a14.secret': `${R}依法确定为国家秘密，不予公开。`,
  'a14.law': `${R}属于{law}禁止公开的政府信息，不予公开。`,
  'a14.security': `${R}公开后可能危及国家安全、公共安全、经济安全、社会稳定，不予公开。`,
  'a15.a32': `${R}涉及商业秘密、个人隐私等内容，公开会对第三方合法权益造成损害；经书面征求意见，第三方不同意公开且理由合理，不予公开。`,
  a15: `${R}涉及商业秘密、个人隐私等内容，公开会对第三方合法权益造成损害，不予公开。`,
  'a16.1': `${I}属于本机关人事管理、后勤管理、内部工作流程等方面的内部事务信息，不予公开。`,
  'a16.2.process': `${I}属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，不予公开。`,
  'a16.2.file': `${I}属于行政执法案卷信息，不予公开。`,
  'a36.7': `${I}属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照有关法律、行政法规的规定办理。`,
  'a36.7.law': `${I}属于{kind}，{law}对信息的获取有特别规定，请依照该规定向{agency}申请查询。`,
  'a36.4': `经检索，本机关没有您申请公开的政府信息，该政府信息不存在。`,
  'a36.5': `您申请获取的政府信息不属于本机关负责公开，理由是：{reason}。负责公开该政府信息的行政机关为{agency}，联系方式：{contact}。`,
  'a36.5.unknown': `您申请获取的政府信息不属于本机关负责公开，理由是：{reason}。`,
  a38: `${I}需要本机关对现有政府信息进行加工、分析方能形成，本机关没有现成信息，不予提供。`,
  'a30.unclear': `本机关已告知您补正申请，经补正，您的申请内容仍不明确，本机关无法确定您所需的政府信息，无法提供。`,
  'a39.1': `您以政府信息公开申请的形式提出的是信访、投诉、举报等事项，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。`,
  'a36.6': `本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。`,
  // 条例 第三十九条第二款 “行政机关可以告知获取的途径” — not 第一款's “不作为政府信息公开申请处理”.
  'a39.2': `您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过{where}获取。`,
  a35: `您申请公开政府信息的数量、频次明显超过合理范围，经要求您说明理由，本机关认为申请理由不合理，不予处理。`,
  // 条例 第二条 (政府信息 is what an agency 制作或者获取), 第三十八条 “行政机关向申请人提供的信息，应当是已制作
  // 或者获取的政府信息” — a 不予处理, not 第三十九条第一款's “不作为政府信息公开申请处理”.
  'a2.a38': `您要求本机关对已获取的信息予以确认或者重新出具，这不属于提供本机关已制作或者获取的政府信息，本机关不予处理。`,
  'a36.6.reissue': `本机关已就您提出的政府信息公开申请作出答复，您要求重新出具已获取的相同政府信息，本机关不予重复处理。`,
  'a30.lapsed': `本机关已一次性告知您需要补正的事项和合理的补正期限，您无正当理由逾期不补正，${CLOSED}`,
  'a42.f6': `本机关已向您发出信息处理费收费通知，您未在收到通知次日起20个工作日内缴纳费用，${CLOSED}`,
  staff: '{basis}。',
};

/** The bases each outcome allows; the first is its default. */
const CHOICES: Record<Outcome, readonly [BasisCode, ...BasisCode[]]> = {
  granted: ['a36.2', 'a36.1'],
  partial: ['a37'],
  'denied.state_secret': ['a14.secret'],
  'denied.law_prohibited': ['a14.law'],
  'denied.security_stability': ['a14.security'],
  'denied.third_party': ['a15.a32', 'a15'],
  'denied.internal_affairs': ['a16.1'],
  'denied.process_info': ['a16.2.process'],
  'denied.enforcement_file': ['a16.2.file'],
  'denied.query_matter': ['a36.7', 'a36.7.law'],
  'unable.not_held': ['a36.4', 'a36.5', 'a36.5.unknown'],
  'unable.needs_creation': ['a38'],
  'unable.unclear': ['a30.unclear'],
  'not_processed.petition': ['a39.1'],
  'not_processed.duplicate': ['a36.6'],
  'not_processed.publication': ['a39.2'],
  'not_processed.excessive': ['a35'],
  'not_processed.confirm_info': ['a2.a38', 'a36.6.reissue'],
  'other.no_correction': ['a30.lapsed'],
  'other.no_fee': ['a42.f6'],
  'other.other': ['staff'],
};

/** Every outcome's bases; the first is the default. */
export const OUTCOME_BASES = {} as Record<Outcome, readonly LegalBasis[]>;
for (const outcome of OUTCOMES)
  OUTCOME_BASES[outcome] = CHOICES[outcome].map((code) => ({
    code,
    citations: CITATIONS[code],
    sentence: SENTENCES[code],
    staffWritten: code === 'staff',
  }));

/** The basis an outcome rests on when staff choose none. */
export function defaultBasis(outcome: Outcome): LegalBasis {
  return OUTCOME_BASES[outcome][0];
}

/** An outcome's basis by code (none: the default); undefined when the outcome does not allow it. */
export function findBasis(outcome: Outcome, basisCode?: string): LegalBasis | undefined {
  const bases = OUTCOME_BASES[outcome];
  return basisCode === undefined ? bases[0] : bases.find((b) => b.code === basisCode);
}

/** Why a basis does not fit an outcome, in Chinese, or null when it does (none chosen: the default). */
export function validateDecisionBasis(outcome: string, basisCode?: string): string | null {
  if (!(OUTCOMES as readonly string[]).includes(outcome)) return `未知的办理结果：${outcome}`;
  if (findBasis(outcome as Outcome, basisCode)) return null;
  const codes = OUTCOME_BASES[outcome as Outcome].map((b) => b.code).join('、');
  return `办理结果 ${outcome} 不能以 ${basisCode} 为依据，可选：${codes}`;
}

/** “《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项” */
export function citationText(citations: readonly Citation[]): string {
  const parts: string[] = [];
  for (const [i, c] of citations.entries()) {
    parts.push(i > 0 && citations[i - 1].law === c.law ? c.article : `${LAW_NAMES[c.law]}${c.article}`);
  }
  return parts.join('、');
}

/** The slots `{name}` of a sentence. */
export function slotsOf(sentence: string): string[] {
  return [...sentence.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * A slot's value as the sentence takes it: trimmed, without the closing punctuation staff often
 * type (the sentence has its own), so “理由是：涉及商业秘密。。” cannot happen.
 */
export function slotText(value: string | undefined): string {
  return (value ?? '').trim().replace(/[\s。；，、：.;,:]+$/u, '');
}

/** A sentence with its slots filled; `missing` names the slots no non-blank value was given for. */
export function fillSentence(
  sentence: string,
  values: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing = slotsOf(sentence).filter((slot) => !slotText(values[slot]));
  return {
    text: sentence.replace(/\{(\w+)\}/g, (whole, slot: string) => slotText(values[slot]) || whole),
    missing,
  };
}

/**
 * The one outcome a request counts under in table 三, from its items' outcomes (R2: a request is
 * counted once; 部分公开 “区分处理的，只计这一情形，不计其他情形”):
 * - every item granted → granted; any item disclosed (granted or partial) but not all granted → partial;
 * - nothing disclosed → the outcome that comes first in table 三 (so all items alike → that outcome).
 * Table order, not the first item: it does not depend on the order items were listed, and the table
 * runs from decisions on the merits (不予公开, which must give reasons and goes to 行政复议 first) to
 * procedural closures, so a request is counted under its weightiest refusal; other.other comes last.
 */
export function requestOutcome(itemOutcomes: readonly Outcome[]): Outcome {
  if (itemOutcomes.length === 0) throw new RangeError('申请至少应有一项办理结果');
  if (itemOutcomes.every((o) => o === 'granted')) return 'granted';
  if (itemOutcomes.some((o) => o === 'granted' || o === 'partial')) return 'partial';
  return OUTCOMES.find((o) => itemOutcomes.includes(o)) ?? itemOutcomes[0];
}
