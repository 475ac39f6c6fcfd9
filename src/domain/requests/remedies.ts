/**
 * The remedies (救济途径) an answer letter tells the applicant (issue 11 point 2; docs/law.md):
 * which route the law leaves — 行政复议 first, 行政复议 or a suit, 行政复议 only — and the sentence
 * naming the review body, the periods and the court.
 *
 * - 条例 第五十一条：“……可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议
 *   或者提起行政诉讼。”
 * - 复议法 第二十条：“……可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请……”
 * - 复议法 第二十三条第一款第（四）项：“申请政府信息公开，行政机关不予公开”; 第二款：“对前款规定的情形，行政
 *   机关在作出行政行为时应当告知公民、法人或者其他组织先向行政复议机关申请行政复议。”
 * - 法释〔2025〕8号 第一条第（二）项：“行政复议机关对政府信息公开条例第十四条、第十五条、第十六条规定的不予
 *   公开行为作出行政复议决定的” — the 不予公开 of 第二十三条 is a refusal under 第十四–十六条 only.
 * - 法释〔2025〕8号 第十条第二款: courts do not accept suits on (四) 不予重复处理, (五) “申请行政机关公开的信息属于
 *   工商、不动产登记等资料，行政机关告知其按照法律、行政法规规定查询的”, (六) 制作、加工、分析, (七) 信访、投诉、
 *   举报, (八) 公开出版物 — those letters offer 行政复议 only.
 * - 诉讼法 第四十五条：“……可以在收到复议决定书之日起十五日内向人民法院提起诉讼。复议机关逾期不作决定的，申请人
 *   可以在复议期满之日起十五日内向人民法院提起诉讼。”; 第四十六条：“……应当自知道或者应当知道作出行政行为之日起
 *   六个月内提出。”; 复议法 第三十四条 (review-first: 十五日 after 不予受理、驳回 or the review period's end).
 */
import type { Outcome } from '../report/vocabulary.ts';
import type { Citation } from './outcome-basis.ts';

/** The provision a 部分公开's withheld part rests on (the decision records it): 条例 第十四/十五/十六条, or none of them. */
export const WITHHELD_UNDER = ['a14', 'a15', 'a16', 'other'] as const;
export type WithheldUnder = (typeof WITHHELD_UNDER)[number];

/** How each choice is offered to staff. */
export const WITHHELD_UNDER_LABELS: Record<WithheldUnder, string> = {
  a14: '条例第十四条（国家秘密、法律法规禁止公开、危及“三安全一稳定”）',
  a15: '条例第十五条（商业秘密、个人隐私等，损害第三方合法权益）',
  a16: '条例第十六条（内部事务信息、过程性信息、行政执法案卷信息）',
  other: '其他（不属于政府信息、需加工分析等，非第十四至十六条）',
};

/** The refusals under 条例 第十四–十六条 (table 三 （三）1–7; not 8 查询, 第三十六条第（七）项). */
const REFUSALS_14_TO_16: ReadonlySet<Outcome> = new Set<Outcome>([
  'denied.state_secret',
  'denied.law_prohibited',
  'denied.security_stability',
  'denied.third_party',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_file',
]);

/** The bases whose answer a court does not accept a suit on (法释〔2025〕8号 第十条第二款第（四）–（八）项). */
const NO_SUIT_BASES: ReadonlySet<string> = new Set([
  'a36.6', // （四）不予重复处理
  'a36.6.reissue', // （四）不予重复处理 (a reissue of information already provided)
  'a36.7', // （五）工商、不动产登记等资料
  'a36.7.law', // （五）
  'a38', // （六）制作、加工、分析
  'a39.1', // （七）信访、投诉、举报
  'a39.2', // （八）公开出版物
]);

/** The remedies the law leaves an answer: review first, review or a suit, review only. */
export type RemedyRoute = 'review_first' | 'review_or_suit' | 'review_only';

/** What the route depends on: the outcome, its basis, and for a 部分公开 what the withheld part rests on. */
export interface RemedyCase {
  outcome: Outcome;
  basisCode?: string;
  withheldUnder?: WithheldUnder;
  /** the items' outcomes of a request answered item by item */
  itemOutcomes?: readonly Outcome[];
}

/**
 * Whether the applicant must seek 行政复议 before going to court (复议法 第二十三条第一款第（四）项 as
 * 法释〔2025〕8号 第一条第（二）项 reads it): a refusal under 条例 第十四–十六条, or a 部分公开 whose
 * withheld part rests on them (its `withheldUnder`, or an item refused under them).
 */
export function reviewFirst(c: RemedyCase): boolean {
  if (REFUSALS_14_TO_16.has(c.outcome)) return true;
  if (c.outcome !== 'partial') return false;
  if (c.itemOutcomes?.some((o) => REFUSALS_14_TO_16.has(o))) return true;
  return c.withheldUnder !== undefined && c.withheldUnder !== 'other';
}

/** The route of an answer's remedies. */
export function remedyRoute(c: RemedyCase): RemedyRoute {
  if (reviewFirst(c)) return 'review_first';
  if (c.basisCode !== undefined && NO_SUIT_BASES.has(c.basisCode)) return 'review_only';
  return 'review_or_suit';
}

/** Where the agency sends the applicant (agency settings). */
export interface RemedyBodies {
  /** 行政复议机关's full name */
  reviewBody?: string;
  /** the court for suits */
  court?: string;
  /** the complaint channel (条例 第四十七条第二款, 第五十一条) */
  complaintChannel?: string;
}

/** The agency settings a route needs and the agency has not set: 'reviewBody', and 'court' unless no suit is offered. */
export function missingRemedyBodies(route: RemedyRoute, bodies: RemedyBodies): Array<'reviewBody' | 'court'> {
  const missing: Array<'reviewBody' | 'court'> = [];
  if (!bodies.reviewBody?.trim()) missing.push('reviewBody');
  if (route !== 'review_only' && !bodies.court?.trim()) missing.push('court');
  return missing;
}

/** “本机关尚未设置……”: why an answer letter cannot be issued, and where the administrator sets it. */
export function missingRemedyBodiesMessage(missing: ReadonlyArray<'reviewBody' | 'court'>): string {
  const names = missing.map((m) => (m === 'reviewBody' ? '“行政复议机关”' : '“行政诉讼管辖法院”')).join('、');
  return (
    `本机关尚未设置${names}，不能出具答复书（行政复议法第二十三条第二款：作出行政行为时应当告知行政复议机关）。` +
    '请机关管理员在控制台“机关设置”中填写（或使用命令 gongkai agency remedies），然后重试。'
  );
}

const PERIOD = '自知道或者应当知道该行政行为之日起六十日内';

/**
 * The remedies sentence of an answer letter. Review first: “应当先向〔body〕申请行政复议” (复议法 第二十三条
 * 第二款), then a suit within 15 days (诉讼法 第四十五条, 复议法 第三十四条). Otherwise 行政复议 within 60
 * days (复议法 第二十条) or a suit within six months (诉讼法 第四十六条), the suit left out where courts do
 * not accept one. The complaint channel follows where the agency has set one (条例 第四十七条第二款).
 */
export function remediesSentence(route: RemedyRoute, bodies: RemedyBodies = {}): string {
  const review = bodies.reviewBody?.trim() || '行政复议机关';
  const court = bodies.court?.trim() || '有管辖权的人民法院';
  const complaint = bodies.complaintChannel?.trim()
    ? `您认为本机关对政府信息公开申请不依法答复处理的，也可以向${bodies.complaintChannel.trim()}投诉、举报。`
    : '';
  if (route === 'review_first')
    return (
      `如对本答复不服，您应当先向${review}申请行政复议，申请期限为${PERIOD}；` +
      `对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向${court}提起行政诉讼；` +
      `行政复议机关决定不予受理、驳回申请或者受理后超过行政复议期限不作答复的，可以自收到决定书之日起或者行政复议期限届满之日起十五日内向${court}提起行政诉讼。` +
      complaint
    );
  const first = `如对本答复不服，可以${PERIOD}向${review}申请行政复议`;
  if (route === 'review_only') return `${first}。${complaint}`;
  return `${first}，也可以自知道或者应当知道该行政行为之日起六个月内向${court}提起行政诉讼。${complaint}`;
}

/**
 * The route of a correction answer (更正申请答复书, 条例 第四十一条), whatever its outcome: 行政复议 or a
 * suit. It is an act “在政府信息公开工作中” — 条例 第五十一条：“公民、法人或者其他组织认为行政机关在政府信息公开工作中
 * 侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政
 * 诉讼。”; 复议法 第十一条第（十四）项：“认为行政机关在政府信息公开工作中侵犯其合法权益”; 法释〔2025〕8号 第一条第（五）项：
 * “认为行政机关在政府信息公开工作中的其他行为侵犯其合法权益的”. Not review-first: 复议法 第二十三条第一款第（四）项 is
 * “申请政府信息公开，行政机关不予公开”, and a correction request is not a 政府信息公开申请; nor is it among the
 * answers of 法释〔2025〕8号 第十条第二款 that courts do not accept.
 */
export function correctionRemedyRoute(): RemedyRoute {
  return 'review_or_suit';
}

/**
 * The remedies sentence of a correction answer: 行政复议 within 六十日 (复议法 第二十条) or a suit within
 * 六个月 (诉讼法 第四十六条); the complaint channel, where set, in 条例 第五十一条's words
 * (“在政府信息公开工作中侵犯其合法权益的……投诉、举报”), not those of a disclosure answer.
 */
export function correctionRemediesSentence(bodies: RemedyBodies = {}): string {
  const review = bodies.reviewBody?.trim() || '行政复议机关';
  const court = bodies.court?.trim() || '有管辖权的人民法院';
  const complaint = bodies.complaintChannel?.trim()
    ? `您认为本机关在政府信息公开工作中侵犯您合法权益的，也可以向${bodies.complaintChannel.trim()}投诉、举报。`
    : '';
  return (
    `如对本答复不服，可以${PERIOD}向${review}申请行政复议，` +
    `也可以自知道或者应当知道该行政行为之日起六个月内向${court}提起行政诉讼。${complaint}`
  );
}

/** The provisions a correction answer's remedies rest on. */
export const CORRECTION_REMEDY_CITATIONS: readonly Citation[] = [
  { law: 'ordinance', article: '第五十一条' },
  { law: 'review_law', article: '第十一条第（十四）项' },
  { law: 'review_law', article: '第二十条第一款' },
  { law: 'litigation_law', article: '第四十六条第一款' },
];

/** The provisions the remedies sentence rests on. */
export const REMEDY_CITATIONS: readonly Citation[] = [
  { law: 'ordinance', article: '第四十七条第二款' },
  { law: 'ordinance', article: '第五十一条' },
  { law: 'review_law', article: '第二十条第一款' },
  { law: 'review_law', article: '第二十三条' },
  { law: 'review_law', article: '第三十四条' },
  { law: 'litigation_law', article: '第四十五条' },
  { law: 'litigation_law', article: '第四十六条第一款' },
];
