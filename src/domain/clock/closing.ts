/**
 * Closing a case whose wait has lapsed (第三十条: 逾期不补正; 109号: 逾期未缴费): allowed only once the
 * clock says the period ran out, and only after its last day. Pure: the reading before the step
 * and the day of the step are passed in.
 */
import type { ClockReading } from '../requests/clock-events.ts';

/** The waits that can lapse, with the Chinese name of their period. */
export const LAPSED_WAITS = {
  correction_lapsed: '补正期限',
  fee_lapsed: '缴费期限',
} as const;

export type LapsedWait = keyof typeof LAPSED_WAITS;

/**
 * Why a case cannot be closed as lapsed on `occurredOn`, as a Chinese sentence, or null when it
 * can. A fee notice whose receipt (送达) is not recorded has no payment period yet (109号: the 20
 * working days run from the day after the applicant received it), so it cannot lapse.
 */
export function closeLapsedRefusal(
  before: ClockReading,
  wait: LapsedWait,
  occurredOn: string,
): string | null {
  const period = LAPSED_WAITS[wait];
  if (wait === 'fee_lapsed' && before.state === 'awaiting_fee' && before.deliveryUnknown)
    return '收费通知的送达日期尚未登记：缴费期限自申请人收到通知的次日起计算 20 个工作日，未登记送达就无法届满，不能以“逾期未缴费”终止办理。请先在“文书”中登记收费通知的送达日期。';
  if (before.state !== wait) return `${period}尚未届满（至 ${before.waitingUntil ?? '—'}），不能终止办理。`;
  if (before.waitingUntil && occurredOn <= before.waitingUntil)
    return `${period}至 ${before.waitingUntil} 届满，终止办理的日期应在此之后。`;
  return null;
}
