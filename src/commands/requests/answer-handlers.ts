/**
 * The case actions that answer a request: 作出答复 (条例 第三十六条, with its preconditions and the
 * letter's remedies), closing a lapsed wait (第三十条, 109号), answering a correction request
 * (第四十一条) and telling how the information is provided (第四十条).
 */
import { closeLapsedRefusal, type LapsedWait } from '../../domain/clock/closing.ts';
import { type AnswerInput, answerSection } from '../../domain/letters/answer-section.ts';
import { correctionAnswerSection } from '../../domain/letters/correction-answer-section.ts';
import { answerKind } from '../../domain/letters/kinds.ts';
import { hasMixedItems } from '../../domain/report/records.ts';
import type { Outcome } from '../../domain/report/vocabulary.ts';
import type { ClockEvent } from '../../domain/requests/clock-events.ts';
import {
  decisionValues,
  missingDecisionFields,
  missingFieldsMessage,
} from '../../domain/requests/decision-fields.ts';
import { findBasis, requestOutcome, validateDecisionBasis } from '../../domain/requests/outcome-basis.ts';
import { provisionProblems, provisionRefusal, provisionSection } from '../../domain/requests/provision.ts';
import {
  type CorrectionDecision,
  type CorrectionRequest,
  correctionDecisionProblems,
} from '../../domain/requests/record-correction.ts';
import {
  correctionRemedyRoute,
  missingRemedyBodies,
  missingRemedyBodiesMessage,
  type RemedyBodies,
  type RemedyRoute,
  remedyRoute,
} from '../../domain/requests/remedies.ts';
import { AppError } from '../../errors.ts';
import { agencyRemedies } from '../agencies/set-remedies.ts';
import type { Trx } from '../context.ts';
import { type Handler, parse, refuse } from './handler-kit.ts';
import type { LetterRequest } from './issue-letter.ts';

/**
 * The agency's review body and court an answer letter names (复议法 第二十三条第二款), or 409 telling
 * the administrator where to set what the letter's remedies route needs.
 */
async function remedyBodiesFor(trx: Trx, agencyId: number, route: RemedyRoute): Promise<RemedyBodies> {
  const bodies = await agencyRemedies(trx, agencyId);
  const unset = missingRemedyBodies(route, bodies);
  if (unset.length > 0)
    throw new AppError(
      'invalid_state',
      missingRemedyBodiesMessage(unset),
      unset.map((field) => ({ field: `agency.${field}`, message: missingRemedyBodiesMessage([field]) })),
    );
  return bodies;
}

/** A wait that has lapsed may be closed with its outcome; one that has not may not (domain/clock/closing.ts). */
export function closeLapsed(wait: LapsedWait, outcome: 'other.no_correction' | 'other.no_fee'): Handler {
  return async ({ trx, row, before, occurredOn }) => {
    const refusal = closeLapsedRefusal(before, wait, occurredOn);
    if (refusal) refuse(refusal);
    // its answer letter names the agency's review body and court like every other answer
    const route = remedyRoute({ outcome });
    const bodies = await remedyBodiesFor(trx, row.agencyId, route);
    return {
      eventType: 'decided',
      clockEvent: { type: 'decided', on: occurredOn },
      columns: { outcome, decided_on: occurredOn },
      record: { remedies: route },
      letter: () => answerLetter({ outcome, ...bodies }),
    };
  };
}

export const decide: Handler = async ({ payload, occurredOn, row, events, trx }) => {
  const p = parse('decide', payload);
  const outcome = p.items ? requestOutcome(p.items.map((i) => i.outcome)) : p.outcome;
  if (!outcome) return refuse('缺少办理结果。');
  const problem = validateDecisionBasis(outcome, p.basis);
  if (problem) throw new AppError('validation', problem, [{ field: 'basis', message: problem }]);
  // 条例 第三十六条: the answer states the decision in full; every slot of the basis's sentence is
  // a required field of the decision (decision-fields.ts), refused before anything is written.
  const slots = decisionValues(p.fields, p.otherAgency);
  const consulted = events.some((e) => e.type === 'consultation_sent');
  const missing = missingDecisionFields(outcome, p.basis, slots, { consulted });
  if (missing.length > 0) {
    const message = missingFieldsMessage(missing);
    throw new AppError(
      'validation',
      message,
      missing.map((f) => ({ field: `fields.${f.slot}`, message: `请填写“${f.label}”` })),
    );
  }
  checkPreconditions(outcome, p.basis, events);
  const items = p.items ?? [];
  // 复议法 第二十三条第一款第（四）项: whether a 部分公开 is review-first depends on what its withheld
  // part rests on; items answered one by one say it, otherwise the decision records it.
  if (outcome === 'partial' && items.length === 0 && !p.withheldUnder) {
    const message =
      '请选择“不予公开部分的依据”（条例第十四条、第十五条、第十六条或其他）：它决定答复书告知的救济途径（行政复议法第二十三条）。';
    throw new AppError('validation', message, [
      { field: 'withheldUnder', message: '请选择“不予公开部分的依据”' },
    ]);
  }
  const withheldUnder = outcome === 'partial' ? p.withheldUnder : undefined;
  const route = remedyRoute({
    outcome,
    basisCode: findBasis(outcome, p.basis)?.code,
    withheldUnder,
    itemOutcomes: items.map((i) => i.outcome),
  });
  const bodies = await remedyBodiesFor(trx, row.agencyId, route);
  const otherAgency = slots.agency ?? p.otherAgency;
  const letter = answerLetter({
    outcome,
    basisCode: p.basis,
    slots,
    reasons: p.reasons,
    otherAgency,
    items,
    withheldUnder,
    ...bodies,
  });
  return {
    eventType: 'decided',
    clockEvent: { type: 'decided', on: occurredOn },
    columns: {
      outcome,
      decided_on: occurredOn,
      legal_basis: p.basis,
      mixed_items: Number(hasMixedItems(items.map((i) => i.outcome))),
    },
    record: {
      outcome,
      basis: p.basis,
      reasons: p.reasons,
      items,
      fields: slots,
      otherAgency,
      ...(withheldUnder ? { withheldUnder } : {}),
      remedies: route,
    },
    letter: () => letter,
    afterWrite: async (trx) => {
      if (items.length === 0) return;
      await trx
        .insertInto('request_items')
        .values(
          items.map((item, i) => ({
            agency_id: row.agencyId,
            request_id: row.id,
            seq: i + 1,
            outcome: item.outcome,
          })),
        )
        .execute();
    },
  };
};

/**
 * Outcomes that presuppose a step of the workflow (条例 第三十条, 第三十二条, 第三十五条; 109号): the
 * two “other” outcomes come only from closing a lapsed wait, 补正后仍不明确 only after a correction,
 * 无正当理由大量反复申请 only after reasons were asked, a third party's objection only after consulting.
 */
function checkPreconditions(outcome: string, basis: string, events: readonly ClockEvent[]): void {
  const had = (type: ClockEvent['type']) => events.some((e) => e.type === type);
  if (outcome === 'other.no_correction' || outcome === 'other.no_fee') {
    refuse('“逾期不补正”“逾期未缴费”的办理结果由“终止办理”操作在期限届满后作出，不能直接答复。');
  }
  if (outcome === 'unable.unclear' && !had('correction_received')) {
    refuse('“补正后申请内容仍不明确”须在申请人补正之后才能作出（条例第三十条）。');
  }
  if (outcome === 'not_processed.excessive' && !had('reasons_requested')) {
    refuse('“无正当理由大量反复申请”须先要求申请人说明理由（条例第三十五条）。');
  }
  if (basis === 'a15.a32' && !had('consultation_sent')) {
    refuse('以第三方不同意公开为依据，须先书面征求第三方意见（条例第三十二条）。');
  }
}

/** The answer letter of a decision (答复书), or a validation error when its basis cannot be stated. */
function answerLetter(input: AnswerInput): LetterRequest {
  const result = answerSection(input);
  if (!result.ok)
    throw new AppError('validation', result.message, [{ field: 'basis', message: result.message }]);
  return { kind: answerKind(input.outcome), sections: { answer: result.answer, remedies: result.remedies } };
}

/**
 * 条例 第四十一条：“……有权更正的行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政
 * 机关可以转送有权更正的行政机关处理并告知申请人，或者告知申请人向有权更正的行政机关提出。” The decision on a
 * correction request (its kind is checked before, kindRefusal): one of its four outcomes with the fields
 * it needs, never one of the 21 outcomes (`outcome` stays empty); a 更正申请答复书 with 行政复议 or a suit.
 */
export const decideCorrection: Handler = async ({ payload, occurredOn, row, trx }) => {
  const p = parse('decide_correction', payload);
  const decision: CorrectionDecision = p;
  const problems = correctionDecisionProblems(decision);
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `答复更正申请的内容不完整：${problems.map((x) => x.message).join('；')}`,
      problems,
    );
  const stored = await trx
    .selectFrom('requests')
    .select('correction')
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const request = JSON.parse(stored.correction ?? '{}') as CorrectionRequest;
  const route = correctionRemedyRoute();
  const bodies = await remedyBodiesFor(trx, row.agencyId, route);
  const section = correctionAnswerSection(request, decision, bodies);
  if (!section.ok) throw new AppError('validation', section.message);
  return {
    eventType: 'decided',
    clockEvent: { type: 'decided', on: occurredOn },
    // decided_on and outcome are table 三's (the check requests_decided_has_outcome ties them): left empty
    columns: { correction_outcome: p.outcome, correction_decided_on: occurredOn },
    record: { correctionOutcome: p.outcome, decision, remedies: route },
    letter: () => ({
      kind: 'correction_answer',
      sections: { correctionAnswer: section.correctionAnswer, remedies: section.remedies },
    }),
  };
};

/**
 * 条例 第四十条：“行政机关依申请公开政府信息，应当根据申请人的要求及行政机关保存政府信息的实际情况，确定提供
 * 政府信息的具体形式；按照申请人要求的形式提供政府信息，可能危及政府信息载体安全或者公开成本过高的，可以通过
 * 电子数据以及其他适当形式提供，或者安排申请人查阅、抄录相关政府信息。”
 * Only a decided case whose answer provides information; a form other than the one asked for needs
 * its reason; 查阅 on a working day not before today. Sends the 提供方式告知书 (or 查阅、抄录通知书).
 */
export const recordProvision: Handler = async ({ payload, trx, row, calendar, today }) => {
  const p = parse('record_provision', payload);
  const decided = await trx
    .selectFrom('requests')
    .select(['outcome', 'legal_basis', 'decided_on', 'form'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const refusal = provisionRefusal(decided.outcome, decided.legal_basis);
  if (refusal) refuse(refusal);
  const problems = provisionProblems(p, {
    requestedForm: decided.form,
    today,
    isWorkingDay: (day) => calendar.isWorkingDay(day),
  });
  if (problems.length > 0)
    throw new AppError(
      'validation',
      `提供方式有误：${problems.map((i) => i.message).join('；')}。`,
      problems,
    );
  const section = provisionSection(p, {
    decidedOn: decided.decided_on ?? row.decidedOn ?? today,
    outcome: decided.outcome as Outcome,
  });
  return {
    eventType: 'provision_recorded',
    record: { provision: section },
    letter: () => ({ kind: 'provision', sections: { provision: section } }),
  };
};
