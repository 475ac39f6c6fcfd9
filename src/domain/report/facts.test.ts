import { describe, expect, it } from 'vitest';
import { yearBounds, yearFactsFromRecords } from './facts.ts';
import { records, request, sum } from './facts-testing.ts';
import type { RequestRecord } from './records.ts';
import type { ApplicantType, Outcome, RequestChannel } from './vocabulary.ts';

/** The four quantities of table 三 for one request seen from one year. */
function attribution(r: RequestRecord, year: number) {
  const facts = yearFactsFromRecords(records({ requests: [r] }), year).requests;
  const decided = Object.values(facts.decided).reduce((acc, row) => acc + sum(row ?? {}), 0);
  return {
    received: sum(facts.received),
    carriedIn: sum(facts.carriedIn),
    decided,
    carriedOut: sum(facts.carriedOut),
  };
}

describe('yearBounds', () => {
  it('is the first and last day of the year', () => {
    expect(yearBounds(2021)).toEqual({ start: '2021-01-01', end: '2021-12-31' });
  });
});

describe('requests: year attribution', () => {
  it.each([
    [
      'received 2021-12-30, decided 2022-01-05: new in 2021 and carried out',
      request('2021-12-30', '2022-01-05'),
      2021,
      [1, 0, 0, 1],
    ],
    [
      'received 2021-12-30, decided 2022-01-05: carried in and decided in 2022',
      request('2021-12-30', '2022-01-05'),
      2022,
      [0, 1, 1, 0],
    ],
    ['received and decided in the same year', request('2021-03-08', '2021-03-26'), 2021, [1, 0, 1, 0]],
    ['received and decided the same day, 1 January', request('2021-01-01', '2021-01-01'), 2021, [1, 0, 1, 0]],
    [
      'received the year before, decided the year after: carried in and out',
      request('2020-11-10', '2022-02-01'),
      2021,
      [0, 1, 0, 1],
    ],
    ['undecided, seen from its year', request('2021-06-01', null), 2021, [1, 0, 0, 1]],
    ['undecided, seen from the next year', request('2021-06-01', null), 2022, [0, 1, 0, 1]],
    ['decided on 31 December: decided that year', request('2021-12-01', '2021-12-31'), 2021, [1, 0, 1, 0]],
    [
      'decided on 31 December: nothing the next year',
      request('2021-12-01', '2021-12-31'),
      2022,
      [0, 0, 0, 0],
    ],
    [
      'received 31 December, decided 1 January: carried out',
      request('2021-12-31', '2022-01-01'),
      2021,
      [1, 0, 0, 1],
    ],
    [
      'received 31 December, decided 1 January: carried in and decided next year',
      request('2021-12-31', '2022-01-01'),
      2022,
      [0, 1, 1, 0],
    ],
    [
      'received 31 December 2020, decided 1 January 2021: seen from 2020',
      request('2020-12-31', '2021-01-01'),
      2020,
      [1, 0, 0, 1],
    ],
    [
      'received 31 December 2020, decided 1 January 2021: seen from 2021',
      request('2020-12-31', '2021-01-01'),
      2021,
      [0, 1, 1, 0],
    ],
    ['received and decided in an earlier year', request('2019-05-01', '2020-02-01'), 2021, [0, 0, 0, 0]],
    ['received in a later year', request('2022-01-01', null), 2021, [0, 0, 0, 0]],
  ])('%s', (_situation, r, year, [received, carriedIn, decided, carriedOut]) => {
    expect(attribution(r, year)).toEqual({ received, carriedIn, decided, carriedOut });
  });

  it.each([
    ['received in the year', request('2021-03-01', null), 2021],
    ['carried through the whole year', request('2020-03-01', null), 2021],
    ['decided across the boundary', request('2021-12-30', '2022-01-05'), 2022],
    ['decided in the year', request('2021-12-30', '2021-12-31'), 2021],
  ])('new + carried in = decided + carried out: %s', (_situation, r, year) => {
    const a = attribution(r, year);
    expect(a.received + a.carriedIn).toBe(a.decided + a.carriedOut);
  });
});

describe('requests: per applicant column, channel and outcome', () => {
  const requests: RequestRecord[] = [
    request('2021-02-01', '2021-02-20', 'granted', { applicantType: 'natural_person', channel: 'online' }),
    request('2021-03-01', '2021-03-20', 'partial', { applicantType: 'business', channel: 'letter' }),
    request('2021-04-01', '2021-04-20', 'partial', { applicantType: 'business', channel: 'online' }),
    request('2021-05-01', null, null, { applicantType: 'research', channel: 'in_person' }),
    request('2021-06-01', '2021-06-10', 'unable.not_held', {
      applicantType: 'legal_service',
      channel: 'fax',
    }),
    request('2020-12-20', '2021-01-10', 'other.no_correction', {
      applicantType: 'other_org',
      channel: 'other',
    }),
    request('2021-07-01', '2021-07-10', 'denied.third_party', {
      applicantType: 'social_welfare',
      channel: 'online',
    }),
  ];
  const facts = yearFactsFromRecords(records({ requests }), 2021).requests;

  it.each<[string, ApplicantType, number]>([
    ['自然人', 'natural_person', 1],
    ['商业企业', 'business', 2],
    ['科研机构', 'research', 1],
    ['社会公益组织', 'social_welfare', 1],
    ['法律服务机构', 'legal_service', 1],
    ['其他 (received the year before: not new)', 'other_org', 0],
  ])('new requests of %s', (_label, column, n) => {
    expect(facts.received[column]).toBe(n);
  });

  it.each<[string, RequestChannel, number]>([
    ['online', 'online', 3],
    ['by letter', 'letter', 1],
    ['in person', 'in_person', 1],
    ['by fax', 'fax', 1],
    ['other (received the year before: not counted)', 'other', 0],
    ['orally (条例第二十九条第一款; none this year)', 'oral', 0],
  ])('requests received %s', (_label, channel, n) => {
    expect(facts.byChannel[channel]).toBe(n);
  });

  it.each<[string, Outcome, Partial<Record<ApplicantType, number>> | undefined]>([
    ['granted to a natural person', 'granted', { natural_person: 1 }],
    ['partial, both to businesses', 'partial', { business: 2 }],
    ['not held, to a law firm', 'unable.not_held', { legal_service: 1 }],
    ['third party, to a welfare organisation', 'denied.third_party', { social_welfare: 1 }],
    ['no correction, carried in and decided this year', 'other.no_correction', { other_org: 1 }],
    ['an outcome nobody got', 'denied.state_secret', undefined],
  ])('decided: %s', (_situation, outcome, row) => {
    expect(facts.decided[outcome]).toEqual(row);
  });

  it('carries the undecided research request out and the other_org request in', () => {
    expect(facts.carriedOut.research).toBe(1);
    expect(sum(facts.carriedOut)).toBe(1);
    expect(facts.carriedIn.other_org).toBe(1);
    expect(sum(facts.carriedIn)).toBe(1);
  });
});

describe('requests: fees by decided year', () => {
  const requests = [
    request('2021-03-01', '2021-03-20', 'granted', { feeFen: 10_000 }),
    request('2021-12-20', '2022-01-10', 'granted', { feeFen: 30_050 }),
    request('2020-12-20', '2021-01-05', 'partial', { feeFen: 4_000 }),
    request('2021-11-01', null, null, { feeFen: 99_900 }),
  ];
  it.each([
    ['2020: only a request decided in 2021 was received', 2020, 0],
    ['2021: decided in the year, including one received in 2020', 2021, 14_000],
    ['2022: the request received in 2021 and decided in 2022, to the 分', 2022, 30_050],
  ])('%s', (_situation, year, fen) => {
    expect(yearFactsFromRecords(records({ requests }), year).requests.feesFen).toBe(fen);
  });
});

describe('requests: mixed item decisions not counted as 部分公开 (R2)', () => {
  it.each<[string, RequestRecord, number]>([
    [
      'granted although one item was not held',
      request('2021-03-01', '2021-03-20', 'granted', { itemOutcomes: ['granted', 'unable.not_held'] }),
      1,
    ],
    [
      'refused although one item was disclosed',
      request('2021-03-01', '2021-03-20', 'denied.third_party', {
        itemOutcomes: ['denied.third_party', 'granted'],
      }),
      1,
    ],
    [
      'counted as partial',
      request('2021-03-01', '2021-03-20', 'partial', { itemOutcomes: ['granted', 'unable.not_held'] }),
      0,
    ],
    [
      'every item granted',
      request('2021-03-01', '2021-03-20', 'granted', { itemOutcomes: ['granted', 'granted'] }),
      0,
    ],
    [
      'every item refused, for different reasons',
      request('2021-03-01', '2021-03-20', 'unable.not_held', {
        itemOutcomes: ['unable.not_held', 'denied.third_party'],
      }),
      0,
    ],
    ['a single item', request('2021-03-01', '2021-03-20', 'granted', { itemOutcomes: ['granted'] }), 0],
    [
      'mixed, but decided the next year',
      request('2021-12-20', '2022-01-10', 'granted', { itemOutcomes: ['granted', 'unable.not_held'] }),
      0,
    ],
    [
      'mixed, still undecided',
      request('2021-12-20', null, null, { itemOutcomes: ['granted', 'unable.not_held'] }),
      0,
    ],
  ])('%s', (_situation, r, n) => {
    expect(yearFactsFromRecords(records({ requests: [r] }), 2021).requests.mixedItemsNotPartial).toBe(n);
  });
});

describe('条例第四十一条: correction requests are not counted in table 三, but in their own facts (section 六)', () => {
  const correction = (
    receivedOn: string,
    decidedOn: string | null,
    correctionOutcome: RequestRecord['correctionOutcome'] = null,
  ) => request(receivedOn, decidedOn, null, { kind: 'record_correction', correctionOutcome });

  it.each<[string, RequestRecord, { received: number; decided: number; pending: number }]>([
    [
      'received and answered in the year',
      correction('2021-03-01', '2021-03-20', 'corrected'),
      { received: 1, decided: 1, pending: 0 },
    ],
    [
      'received in the year, open at its end',
      correction('2021-12-20', null),
      { received: 1, decided: 0, pending: 1 },
    ],
    [
      'received before, answered in the year',
      correction('2020-12-20', '2021-01-10', 'refused'),
      { received: 0, decided: 1, pending: 0 },
    ],
    [
      'received in the year, answered the next',
      correction('2021-12-20', '2022-01-05', 'referred'),
      { received: 1, decided: 0, pending: 1 },
    ],
    [
      'answered before the year',
      correction('2020-03-01', '2020-03-20', 'transferred'),
      { received: 0, decided: 0, pending: 0 },
    ],
  ])('条例第四十一条: %s — table 三 counts nothing', (_situation, r, expected) => {
    expect(attribution(r, 2021)).toEqual({ received: 0, carriedIn: 0, decided: 0, carriedOut: 0 });
    const c = yearFactsFromRecords(records({ requests: [r] }), 2021).requests.corrections;
    if (!c) throw new Error('no correction facts');
    expect({ received: c.received, decided: sum(c.decided), pending: c.pending }).toEqual(expected);
  });

  it('条例第四十一条: the year’s answers are counted by outcome, beside the disclosure requests', () => {
    const facts = yearFactsFromRecords(
      records({
        requests: [
          correction('2021-03-01', '2021-03-20', 'corrected'),
          correction('2021-04-01', '2021-04-20', 'corrected'),
          correction('2021-05-01', '2021-05-20', 'refused'),
          request('2021-05-01', '2021-05-20'),
        ],
      }),
      2021,
    ).requests;
    expect(facts.corrections?.decided).toEqual({ corrected: 2, transferred: 0, referred: 0, refused: 1 });
    expect(sum(facts.received)).toBe(1);
    expect(facts.decided).toEqual({ granted: { natural_person: 1 } });
  });
});
