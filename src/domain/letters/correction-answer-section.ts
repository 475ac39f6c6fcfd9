/**
 * The sections of a 更正申请答复书 (条例 第四十一条) from the request and the decision: the statement
 * of the outcome, the reason staff wrote, and the remedies (行政复议 or a suit: remedies.ts,
 * correctionRemedyRoute). Pure.
 */
import {
  CORRECTION_OUTCOME_LABELS,
  type CorrectionDecision,
  type CorrectionRequest,
  correctionDecisionProblems,
  correctionStatement,
} from '../requests/record-correction.ts';
import { correctionRemediesSentence, type RemedyBodies } from '../requests/remedies.ts';
import type { CorrectionAnswerSection } from './letter-data.ts';
import { asClause } from './punctuation.ts';

export type CorrectionAnswerResult =
  | { ok: true; correctionAnswer: CorrectionAnswerSection; remedies: string }
  | { ok: false; message: string };

/** The letter's sections, or the first thing the decision lacks (a Chinese sentence). */
export function correctionAnswerSection(
  request: CorrectionRequest,
  decision: CorrectionDecision,
  bodies: RemedyBodies,
): CorrectionAnswerResult {
  const problems = correctionDecisionProblems(decision);
  if (problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join('；') };
  const reason = decision.reason?.trim();
  return {
    ok: true,
    correctionAnswer: {
      outcome: decision.outcome,
      outcomeLabel: CORRECTION_OUTCOME_LABELS[decision.outcome],
      record: asClause(request.record),
      inaccuracy: asClause(request.inaccuracy),
      statement: correctionStatement(decision),
      ...(reason ? { reason } : {}),
    },
    remedies: correctionRemediesSentence(bodies),
  };
}
