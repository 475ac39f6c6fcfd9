import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  kindRefusal,
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
  ['条例第四十一条: a correction request is answered', 'open', 'decide_correction', 'decided'],
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
    expect(allowedActions('decided', { outcome, basis: 'a36.2' })).toEqual(actions);
  });

  it('条例第三十六条第（一）项: a 予以公开 pointing to published information offers nothing to provide', () => {
    expect(allowedActions('decided', { outcome: 'granted', basis: 'a36.1' })).toEqual([]);
  });

  it.each([
    ['open', ['decide_correction']],
    ['decided', []],
  ] as const)(
    '条例第四十一条: offers on a correction request “%s” exactly these actions',
    (state, actions) => {
      expect(allowedActions(state, { kind: 'record_correction' })).toEqual(actions);
    },
  );
});

describe('条例第四十一条: a correction request has its own decision, a disclosure request the 21 outcomes', () => {
  it.each(CASE_ACTIONS.filter((a) => a !== 'decide_correction'))(
    '条例第四十一条: a correction request refuses %s, saying it is a 更正申请',
    (action) => {
      expect(kindRefusal('record_correction', action)).toMatch(/^该申请是更正申请（条例第四十一条）/);
    },
  );

  it('条例第四十一条: the normal decide on a correction request points to 答复更正申请', () => {
    expect(kindRefusal('record_correction', 'decide')).toContain('请使用“答复更正申请”');
  });

  it('条例第四十一条: 告知提供方式 (第四十条) on a correction request says its answer provides no information', () => {
    expect(kindRefusal('record_correction', 'record_provision')).toContain(
      '更正申请的答复不向申请人提供政府信息',
    );
  });

  it('条例第四十一条: a decided correction request offers no 告知提供方式 (第四十条), whatever outcome is passed', () => {
    expect(
      allowedActions('decided', { kind: 'record_correction', outcome: 'granted', basis: 'a36.2' }),
    ).toEqual([]);
  });

  it('条例第四十一条: decide_correction on a disclosure request points to 作出答复', () => {
    expect(kindRefusal('disclosure', 'decide_correction')).toContain('请使用“作出答复”');
  });

  it.each(CASE_ACTIONS.filter((a) => a !== 'decide_correction'))(
    'a disclosure request allows %s as before',
    (action) => {
      expect(kindRefusal('disclosure', action)).toBeNull();
    },
  );

  it('条例第四十一条: a correction request allows its own decision', () => {
    expect(kindRefusal('record_correction', 'decide_correction')).toBeNull();
  });
});
