/** What the clock refuses: one problem type with a stable code, and the error computeClock throws. */
import type { ClockEvent } from '../requests/clock-events.ts';

/** A request's clock input: the day the application was received (第三十一条) and what happened since. */
export interface ClockInput {
  received: string;
  events: ClockEvent[];
}

/** Stable codes of the problems validateClockEvents reports. */
export type ClockProblemCode =
  | 'invalid_input'
  | 'invalid_date'
  | 'unknown_event'
  | 'invalid_days'
  | 'before_received'
  | 'after_today'
  | 'until_not_after_on'
  | 'delivered_before_sent'
  | 'correction_too_late'
  | 'correction_repeated'
  | 'extension_over_limit'
  | 'already_open'
  | 'not_awaited'
  | 'after_decided';

/** A problem with a clock input: the field it is in (`events[2].on`) and a Chinese sentence. */
export interface ClockProblem {
  code: ClockProblemCode;
  field: string;
  message: string;
}

/** Thrown by computeClock when the input breaks a rule; `code` and `message` are the first problem's. */
export class ClockError extends Error {
  readonly code: ClockProblemCode;
  readonly field: string;
  readonly problems: ClockProblem[];

  constructor(problems: ClockProblem[]) {
    super(problems.map((p) => p.message).join('；'));
    this.name = 'ClockError';
    this.code = problems[0].code;
    this.field = problems[0].field;
    this.problems = problems;
  }
}

/** The event types, with the Chinese name used in messages. */
export const CLOCK_EVENT_NAMES: Record<ClockEvent['type'], string> = {
  correction_requested: '补正通知',
  correction_received: '收到补正',
  consultation_sent: '发出征求意见',
  consultation_replied: '收到征求意见答复',
  extended: '延长答复期限',
  fee_notice: '收费通知',
  fee_paid: '缴费',
  reasons_requested: '要求说明理由',
  later_date_set: '确定延后答复日期',
  decided: '答复（办结）',
};
