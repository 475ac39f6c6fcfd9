/**
 * The answer section of a 答复书 from the decision: the statement and the provisions of the chosen
 * basis (requests/outcome-basis.ts, 条例 第十四条–第十六条、第三十六条–第三十九条), the items of a
 * 部分公开 (第三十七条), and the remedies sentence every answer carries (requests/remedies.ts).
 */
import { OUTCOME_PHRASES, type Outcome } from '../report/vocabulary.ts';
import {
  type Citation,
  citationText,
  defaultBasis,
  fillSentence,
  findBasis,
  validateDecisionBasis,
} from '../requests/outcome-basis.ts';
import { remediesSentence, remedyRoute, type WithheldUnder } from '../requests/remedies.ts';
import type { AnswerSection } from './letter-data.ts';

/** A decision as staff record it. */
export interface AnswerInput {
  outcome: Outcome;
  /** the basis chosen among the outcome's (default: its first) */
  basisCode?: string;
  /** the values of the statement's slots: reason, agency, contact, where, law, kind, basis */
  slots?: Readonly<Record<string, string>>;
  reasons?: string;
  delivery?: string;
  /** the agency responsible (第三十六条第（五）项); fills the `agency` slot unless it is given */
  otherAgency?: string;
  /** the items of a request answered item by item */
  items?: ReadonlyArray<{ description: string; outcome: Outcome; reason?: string }>;
  /** what a 部分公开's withheld part rests on (条例 第十四–十六条 makes it review-first) */
  withheldUnder?: WithheldUnder;
  /** where the remedies lie (agency settings): 行政复议机关, court, complaint channel */
  reviewBody?: string;
  court?: string;
  complaintChannel?: string;
}

/** The answer section and remedies, or why the decision's basis is refused. */
export type AnswerResult =
  | { ok: true; answer: AnswerSection; remedies: string; missing: string[] }
  | { ok: false; message: string };

const NUMERALS = '一二三四五六七八九';

/** A Chinese numeral up to 99: “三十六” → 36, “十五” → 15, “二” → 2. */
function numeralValue(numeral: string): number {
  const digit = (text: string): number => NUMERALS.indexOf(text) + 1;
  if (!numeral.includes('十')) return digit(numeral);
  const [tens, ones] = numeral.split('十');
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

/** Where a provision stands in its law: “第三十六条第（三）项” → [36, 3]. */
function provisionKey(article: string): number[] {
  return [...article.matchAll(/[一二三四五六七八九十]+/g)].map((m) => numeralValue(m[0]));
}

function compareProvisions(a: Citation, b: Citation): number {
  const lawOrder = Number(a.law !== 'ordinance') - Number(b.law !== 'ordinance');
  if (lawOrder !== 0) return lawOrder;
  const [x, y] = [provisionKey(a.article), provisionKey(b.article)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return 0;
}

/** The provisions of a partial answer and of its items' outcomes, each once, in the order of the law. */
function citationsOf(own: readonly Citation[], items: AnswerInput['items']): Citation[] {
  const all = [...own, ...(items ?? []).flatMap((item) => defaultBasis(item.outcome).citations)];
  const unique = [...new Map(all.map((c) => [`${c.law}:${c.article}`, c])).values()];
  return unique.sort(compareProvisions);
}

/**
 * The answer section and remedies of a decision. `missing` names the statement's slots left
 * empty (the letter would print them as `{slot}`); an unknown outcome or a basis the outcome does
 * not allow is refused with a Chinese message.
 */
export function answerSection(input: AnswerInput): AnswerResult {
  const problem = validateDecisionBasis(input.outcome, input.basisCode);
  const basis = problem === null ? findBasis(input.outcome, input.basisCode) : undefined;
  if (!basis) return { ok: false, message: problem ?? `未知的法律依据：${input.basisCode}` };
  const slots = { ...(input.otherAgency ? { agency: input.otherAgency } : {}), ...input.slots };
  const { text, missing } = fillSentence(basis.sentence, slots);
  const citations = input.outcome === 'partial' ? citationsOf(basis.citations, input.items) : basis.citations;
  const answer: AnswerSection = {
    outcome: input.outcome,
    outcomeLabel: OUTCOME_PHRASES[input.outcome],
    basis: citationText(citations),
    statement: text,
  };
  if (input.reasons?.trim()) answer.reasons = input.reasons.trim();
  if (input.delivery?.trim()) answer.delivery = input.delivery.trim();
  if (input.otherAgency?.trim()) answer.otherAgency = input.otherAgency.trim();
  if (input.items && input.items.length > 0) {
    answer.items = input.items.map((item) => ({
      description: item.description,
      outcome: item.outcome,
      outcomeLabel: OUTCOME_PHRASES[item.outcome],
      ...(item.reason?.trim() ? { reason: item.reason.trim() } : {}),
    }));
  }
  const route = remedyRoute({
    outcome: input.outcome,
    basisCode: basis.code,
    withheldUnder: input.withheldUnder,
    itemOutcomes: input.items?.map((item) => item.outcome),
  });
  const remedies = remediesSentence(route, input);
  return { ok: true, answer, remedies, missing };
}

/**
 * The answer as the 答复书 will state it, for staff to read before sending: “根据……的规定，现答复如下：”
 * and the basis's sentence filled from the same answerSection that composes the letter; a slot not
 * yet filled shows as 〔label〕 (`labelOf` names it). Null when the outcome does not allow the basis.
 */
export function answerPreview(input: AnswerInput, labelOf: (slot: string) => string): string | null {
  const result = answerSection(input);
  if (!result.ok) return null;
  const { basis, statement } = result.answer;
  const filled = statement.replace(/\{(\w+)\}/g, (_whole, slot: string) => `〔${labelOf(slot)}〕`);
  return basis ? `根据${basis}的规定，现答复如下：${filled}` : filled;
}
