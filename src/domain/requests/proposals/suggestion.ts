/**
 * The applicant's suggestion to publish (条例 第四十四条第二款): “对行政机关依申请公开的政府信息，申请人认为
 * 涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的，可以建议行政机关将该信息纳入主动公开的范围。”
 * Pure: the three reasons the article names, and the check of a suggestion as submitted.
 */

/** The article's three grounds, in its order. */
export const SUGGESTION_REASONS = ['public_interest', 'wide_awareness', 'public_participation'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** Each ground in the article's words. */
export const SUGGESTION_REASON_LABELS: Record<SuggestionReason, string> = {
  public_interest: '涉及公众利益调整',
  wide_awareness: '需要公众广泛知晓',
  public_participation: '需要公众参与决策',
};

/** A suggestion as recorded on a case. */
export interface PublishSuggestion {
  reasons: SuggestionReason[];
  /** the applicant's own words, optional */
  note: string;
}

export const MAX_SUGGESTION_NOTE = 500;

export function isSuggestionReason(value: string): value is SuggestionReason {
  return (SUGGESTION_REASONS as readonly string[]).includes(value);
}

/** What is wrong with a suggestion, in Chinese naming the field, or null. */
export function suggestionProblem(input: { reasons: readonly string[]; note?: string }): string | null {
  if (input.reasons.length === 0) {
    return '请在“建议纳入主动公开的理由”中至少选择一项：涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策（条例第四十四条第二款）。';
  }
  const unknown = input.reasons.find((r) => !isSuggestionReason(r));
  if (unknown !== undefined) {
    return `“建议纳入主动公开的理由”中的“${unknown}”无效，请从涉及公众利益调整、需要公众广泛知晓、需要公众参与决策中选择。`;
  }
  if ((input.note ?? '').trim().length > MAX_SUGGESTION_NOTE) {
    return `“建议说明”最长 ${MAX_SUGGESTION_NOTE} 个字，请删减后重试。`;
  }
  return null;
}

/** The suggestion as stored: reasons in the article's order, once each; the note trimmed. */
export function normalizeSuggestion(input: { reasons: readonly string[]; note?: string }): PublishSuggestion {
  const chosen = new Set(input.reasons);
  return { reasons: SUGGESTION_REASONS.filter((r) => chosen.has(r)), note: (input.note ?? '').trim() };
}

/** The reasons in words: “涉及公众利益调整、需要公众广泛知晓”. */
export function suggestionReasonsText(reasons: readonly SuggestionReason[]): string {
  return reasons.map((r) => SUGGESTION_REASON_LABELS[r]).join('、');
}
