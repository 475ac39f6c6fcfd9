import { describe, expect, it } from 'vitest';
import { parseClockInput } from './parse-input.ts';

describe('parseClockInput', () => {
  it('accepts the documented shape', () => {
    const json = { received: '2026-09-28', events: [{ type: 'extended', on: '2026-10-20', days: 5 }] };
    expect(parseClockInput(json)).toEqual({ ok: true, value: json });
    expect(parseClockInput({ received: '2026-09-28' })).toEqual({
      ok: true,
      value: { received: '2026-09-28', events: [] },
    });
  });

  it('accepts a deliveredOn on a fee notice and a consultation letter', () => {
    const json = {
      received: '2026-09-28',
      events: [
        { type: 'fee_notice', on: '2026-09-29', deliveredOn: '2026-09-30' },
        { type: 'consultation_sent', on: '2026-09-30', deliveredOn: '2026-10-09' },
      ],
    };
    expect(parseClockInput(json)).toEqual({ ok: true, value: json });
  });

  it.each([
    ['not an object', 'x', ''],
    [
      'a deliveredOn that is not a date text',
      { received: '2026-09-28', events: [{ type: 'fee_notice', on: '2026-09-29', deliveredOn: 20260930 }] },
      'events[0].deliveredOn',
    ],
    [
      'a deliveredOn on an event that has none',
      { received: '2026-09-28', events: [{ type: 'fee_paid', on: '2026-09-29', deliveredOn: '2026-09-30' }] },
      'events[0].deliveredOn',
    ],
    ['no received date', { events: [] }, 'received'],
    ['events not a list', { received: '2026-09-28', events: {} }, 'events'],
    [
      'an unknown event type',
      { received: '2026-09-28', events: [{ type: 'paused', on: '2026-09-29' }] },
      'events[0].type',
    ],
    ['an event without a date', { received: '2026-09-28', events: [{ type: 'decided' }] }, 'events[0].on'],
    [
      'an extension without days',
      { received: '2026-09-28', events: [{ type: 'extended', on: '2026-09-29' }] },
      'events[0].days',
    ],
    [
      'a later date without until',
      { received: '2026-09-28', events: [{ type: 'later_date_set', on: '2026-09-29' }] },
      'events[0].until',
    ],
    [
      'a field the event does not have',
      { received: '2026-09-28', events: [{ type: 'decided', on: '2026-09-29', days: 1 }] },
      'events[0].days',
    ],
    ['an unknown top-level field', { received: '2026-09-28', event: [] }, 'event'],
  ])('refuses %s, naming the field', (_situation, json, field) => {
    const parsed = parseClockInput(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.field)).toContain(field);
  });
});
