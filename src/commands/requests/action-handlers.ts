/**
 * What each case action checks and records: the steps of the clock here (补正, 征求意见, 延期, 收费,
 * 说明理由), the answers in answer-handlers.ts, the shared context and parsing in handler-kit.ts.
 */
import { FEE_PAYMENT_DAYS } from '../../domain/clock/timeline.ts';
import { CONSULTATION_DAYS } from '../../domain/clock/validate.ts';
import { applicationFee, feeBreakdown } from '../../domain/fees/processing-fee.ts';
import { feeSection } from '../../domain/letters/fee-section.ts';
import { fenToYuan } from '../../domain/money.ts';
import { agencyConsultationRefusal, coProducersText } from '../../domain/requests/intake.ts';
import type { CaseAction } from '../../domain/requests/state-machine.ts';
import type { Trx } from '../context.ts';
import { closeLapsed, decide, decideCorrection, recordProvision } from './answer-handlers.ts';
import { caseEventName, caseEvents } from './case-store.ts';
import { type Handler, parse, refuse } from './handler-kit.ts';

/** 第三十条: a correction notice once, within 7 working days of receipt. */
const requestCorrection: Handler = ({ payload, occurredOn, calendar, row, events }) => {
  const p = parse('request_correction', payload);
  if (events.some((e) => e.type === 'correction_requested')) refuse('补正告知只能发出一次（条例第三十条）。');
  const used = calendar.workingDaysBetween(row.receivedOn, occurredOn);
  if (used > 7) {
    refuse(
      `补正告知应在收到申请之日起7个工作日内一次性发出（条例第三十条）；收到申请后已过${used}个工作日，不能再要求补正。`,
    );
  }
  if (p.until <= occurredOn) refuse('补正期限应晚于发出补正告知的日期。');
  return {
    eventType: 'correction_requested',
    clockEvent: { type: 'correction_requested', on: occurredOn, until: p.until },
    record: { what: p.what },
    letter: () => ({ kind: 'correction', sections: { correction: { items: [p.what], dueOn: p.until } } }),
  };
};

const extend: Handler = ({ payload, before, events, occurredOn }) => {
  const p = parse('extend', payload);
  const granted = events.reduce((sum, e) => sum + (e.type === 'extended' ? e.days : 0), 0);
  if (granted + p.days > 20)
    refuse(
      `延长期限最长不得超过20个工作日（条例第三十三条）；已延长${granted}个工作日，最多还能延长${20 - granted}个工作日。`,
    );
  if (occurredOn > before.due) refuse(`延期应在答复期限（${before.due}）届满前决定，现已超过期限。`);
  return {
    eventType: 'extended',
    clockEvent: { type: 'extended', on: occurredOn, days: p.days },
    record: { reason: p.reason },
    letter: (after) => ({
      kind: 'extension',
      sections: { extension: { days: p.days, newDueOn: after.due, reason: p.reason } },
    }),
  };
};

/** How to pay, until agencies configure their own (the fee notice says it). */
const HOW_TO_PAY = '请持本通知书到本机关政府信息公开工作机构缴纳，或按本机关另行告知的方式缴纳。';

const sendFeeNotice: Handler = ({ payload, occurredOn, calendar, events }) => {
  const p = parse('send_fee_notice', payload);
  if (events.some((e) => e.type === 'fee_notice')) {
    refuse('每件申请只能发出一次收费通知，且只能采用一种计收方式（国办函〔2020〕109号）。');
  }
  const basis =
    p.method === 'per_piece'
      ? { method: p.method, pieces: p.pieces, previousPiecesThisMonth: p.previousPiecesThisMonth }
      : { method: p.method, pages: p.pages };
  // 109号's rates are whole 元, so the fee is; it is recorded in 分, as every amount
  const amountYuan = applicationFee(basis);
  if (amountYuan === 0) refuse('按所填数量计算不收取信息处理费，无需发出收费通知。');
  return {
    eventType: 'fee_notice',
    clockEvent: { type: 'fee_notice', on: occurredOn },
    record: { amountFen: amountYuan * 100, breakdown: feeBreakdown(basis) },
    letter: () => ({
      kind: 'fee',
      sections: { fee: feeSection(basis, calendar.addWorkingDays(occurredOn, FEE_PAYMENT_DAYS), HOW_TO_PAY) },
    }),
  };
};

/** The amount of the case's fee notice, in 分 (0 when there is none). */
async function noticedFee(trx: Trx, requestId: number): Promise<number> {
  const notice = await caseEvents(trx, requestId)
    .select('data')
    .where('name', '=', caseEventName('fee_notice'))
    .executeTakeFirst();
  return notice ? Number((JSON.parse(notice.data) as { amountFen?: number }).amountFen ?? 0) : 0;
}

/** What each action checks and records. */
export const ACTION_HANDLERS: Record<CaseAction, Handler> = {
  request_correction: requestCorrection,
  receive_correction: ({ payload, occurredOn }) => {
    const p = parse('receive_correction', payload);
    return {
      eventType: 'correction_received',
      clockEvent: { type: 'correction_received', on: occurredOn },
      record: { note: p.note },
    };
  },
  close_correction_lapsed: closeLapsed('correction_lapsed', 'other.no_correction'),
  send_consultation: ({ payload, occurredOn, calendar }) => {
    const p = parse('send_consultation', payload);
    // 条例 第三十四条：“申请公开的政府信息由两个以上行政机关共同制作的，牵头制作的行政机关收到政府信息公开申请后
    // 可以征求相关行政机关的意见……” Only the lead agency consults another agency.
    const joint = p.kind === 'agency' ? { coProducers: p.coProducers ?? [], lead: p.lead ?? '' } : null;
    if (joint) {
      const refusal = agencyConsultationRefusal(joint, p.party);
      if (refusal) refuse(refusal);
    }
    const replyDueOn = calendar.addWorkingDays(occurredOn, CONSULTATION_DAYS);
    return {
      eventType: 'consultation_sent',
      clockEvent: { type: 'consultation_sent', on: occurredOn },
      record: p,
      letter: () => ({
        kind: 'consultation',
        sections: {
          consultation: {
            toAgency: p.kind === 'agency',
            party: p.party,
            question: p.question,
            replyDueOn,
            ...(joint ? { coProducers: coProducersText(joint.coProducers) } : {}),
          },
        },
      }),
    };
  },
  receive_consultation_reply: ({ payload, occurredOn }) => {
    const p = parse('receive_consultation_reply', payload);
    return {
      eventType: 'consultation_replied',
      clockEvent: { type: 'consultation_replied', on: occurredOn },
      record: p,
    };
  },
  extend,
  send_fee_notice: sendFeeNotice,
  record_fee_payment: async ({ payload, occurredOn, trx, row }) => {
    const p = parse('record_fee_payment', payload);
    // typed in whole 元, as the notice states it (109号's rates are whole 元); kept in 分
    const amountFen = p.amountYuan * 100;
    const noticed = await noticedFee(trx, row.id);
    if (amountFen !== noticed)
      refuse(
        `缴费金额应与收费通知的金额一致：通知金额为${fenToYuan(noticed)}元，登记的是${p.amountYuan}元。`,
      );
    return {
      eventType: 'fee_paid',
      clockEvent: { type: 'fee_paid', on: occurredOn },
      columns: { fee_fen: amountFen },
      record: { amountFen },
    };
  },
  close_fee_lapsed: closeLapsed('fee_lapsed', 'other.no_fee'),
  request_reasons: ({ payload, occurredOn }) => {
    const p = parse('request_reasons', payload);
    return {
      eventType: 'reasons_requested',
      clockEvent: { type: 'reasons_requested', on: occurredOn },
      record: p,
    };
  },
  set_later_date: ({ payload, occurredOn }) => {
    const p = parse('set_later_date', payload);
    if (p.until <= occurredOn) refuse('延后的答复期限应晚于今天。');
    return {
      eventType: 'later_date_set',
      clockEvent: { type: 'later_date_set', on: occurredOn, until: p.until },
      record: { reason: p.reason },
    };
  },
  decide,
  decide_correction: decideCorrection,
  record_provision: recordProvision,
};
