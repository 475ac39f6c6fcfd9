import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  TRANSITIONS,
  transition,
} from './state-machine.ts';

/** Every allowed move, written out: [situation, from, action, to]. */
const ALLOWED: Array<[string, CaseState, CaseAction, CaseState]> = [
  ['an unclear application gets a correction notice', 'open', 'request_correction', 'awaiting_correction'],
  ['the corrected application arrives', 'awaiting_correction', 'receive_correction', 'open'],
  ['the correction period lapses', 'awaiting_correction', 'close_correction_lapsed', 'decided'],
  ['a third party is consulted', 'open', 'send_consultation', 'in_consultation'],
  ['the third party replies', 'in_consultation', 'receive_consultation_reply', 'open'],
  ['an open case is extended', 'open', 'extend', 'open'],
  ['a case in consultation is extended', 'in_consultation', 'extend', 'in_consultation'],
  ['a fee notice is sent', 'open', 'send_fee_notice', 'awaiting_fee'],
  ['the fee is paid', 'awaiting_fee', 'record_fee_payment', 'open'],
  ['the fee is not paid in time', 'awaiting_fee', 'close_fee_lapsed', 'decided'],
  ['reasons are asked for many applications (第三十五条)', 'open', 'request_reasons', 'awaiting_reasons'],
  ['reasons accepted, a later date set', 'awaiting_reasons', 'set_later_date', 'open'],
  ['an open case is answered', 'open', 'decide', 'decided'],
  ['the agency decides without the third party’s reply', 'in_consultation', 'decide', 'decided'],
  ['unreasonable reasons: not processed', 'awaiting_reasons', 'decide', 'decided'],
  ['条例第四十条: how the information granted is provided', 'decided', 'record_provision', 'decided'],
];

describe('the request state machine', () => {
  it.each(ALLOWED)('allows: %s', (_situation, from, action, to) => {
    expect(transition(from, action)).toEqual({ ok: true, to });
  });

  const allowed = new Set(ALLOWED.map(([, from, action]) => `${from}:${action}`));
  const refused = CASE_STATES.flatMap((state) =>
    CASE_ACTIONS.filter((action) => !allowed.has(`${state}:${action}`)).map(
      (action) => [state, action] as const,
    ),
  );

  it.each(refused)('refuses %s → %s with a Chinese reason naming the state', (state, action) => {
    const result = transition(state, action);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^该申请当前为“.+”，不能/);
  });

  it.each([
    ['deciding a case that awaits correction', 'awaiting_correction', 'decide'],
    ['deciding a case that awaits the fee', 'awaiting_fee', 'decide'],
    ['a second correction notice', 'awaiting_correction', 'request_correction'],
    ['anything on a decided case', 'decided', 'extend'],
  ] as const)('refuses %s', (_situation, state, action) => {
    expect(transition(state, action).ok).toBe(false);
  });

  it('lists every move exactly once in the table', () => {
    const fromTable = Object.entries(TRANSITIONS).flatMap(([action, rule]) =>
      rule.from.map((s) => `${s}:${action}`),
    );
    expect(new Set(fromTable)).toEqual(allowed);
  });

  it.each([
    [
      'open',
      ['request_correction', 'send_consultation', 'extend', 'send_fee_notice', 'request_reasons', 'decide'],
    ],
    ['decided', []],
    ['awaiting_fee', ['record_fee_payment', 'close_fee_lapsed']],
  ] as const)('offers on a case “%s” exactly these actions', (state, actions) => {
    expect(allowedActions(state)).toEqual(actions);
  });

  it.each([
    ['予以公开', 'granted', ['record_provision']],
    ['部分公开', 'partial', ['record_provision']],
    ['不予公开', 'denied.state_secret', []],
    ['无法提供', 'unable.not_held', []],
    ['逾期未缴费', 'other.no_fee', []],
  ] as const)('条例第四十条: a case decided %s offers %j', (_label, outcome, actions) => {
    expect(allowedActions('decided', outcome, 'a36.2')).toEqual(actions);
  });

  it('条例第三十六条第（一）项: a 予以公开 pointing to published information offers nothing to provide', () => {
    expect(allowedActions('decided', 'granted', 'a36.1')).toEqual([]);
  });
});
