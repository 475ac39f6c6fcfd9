/** facts.ts beyond requests: normative documents, reviews, publications and the yearly figures. */
import { describe, expect, it } from 'vitest';
import { yearFactsFromRecords } from './facts.ts';
import { records } from './facts-testing.ts';
import type { NormativeRecord, PublicationRecord, ReviewRecord } from './records.ts';

describe('normative documents at year end', () => {
  const doc = (issuedOn: string, repealedOn: string | null = null): NormativeRecord => ({
    kind: 'normative',
    issuedOn,
    repealedOn,
  });
  it.each<[string, NormativeRecord, [number, number, number, number]]>([
    ['issued in the year, in force', doc('2021-03-01'), [1, 0, 1, 1]],
    ['issued on 1 January', doc('2021-01-01'), [1, 0, 1, 1]],
    ['issued on 31 December', doc('2021-12-31'), [1, 0, 1, 1]],
    ['issued the next year', doc('2022-01-01'), [0, 0, 0, 0]],
    ['issued earlier, in force', doc('2018-06-20'), [0, 0, 1, 1]],
    ['repealed on 31 December: repealed and not valid', doc('2019-01-10', '2021-12-31'), [0, 1, 0, 1]],
    ['repealed on 1 January', doc('2019-01-10', '2021-01-01'), [0, 1, 0, 1]],
    ['repealed the next year: still valid', doc('2019-01-10', '2022-01-01'), [0, 0, 1, 1]],
    ['issued and repealed in the year', doc('2021-02-01', '2021-10-01'), [1, 1, 0, 1]],
    ['repealed in an earlier year', doc('2019-01-10', '2020-06-30'), [0, 0, 0, 1]],
  ])('%s', (_situation, r, [issued, repealed, valid, issuedToDate]) => {
    const facts = yearFactsFromRecords(records({ normative: [r] }), 2021);
    expect(facts.normative.normative).toEqual({ issued, repealed, valid, issuedToDate });
    expect(facts.normative.regulation).toEqual({ issued: 0, repealed: 0, valid: 0, issuedToDate: 0 });
  });

  it('counts 规章 and 行政规范性文件 apart', () => {
    const normative: NormativeRecord[] = [
      { kind: 'regulation', issuedOn: '2021-05-01', repealedOn: null },
      { kind: 'normative', issuedOn: '2020-05-01', repealedOn: '2021-05-01' },
    ];
    const facts = yearFactsFromRecords(records({ normative }), 2021);
    expect(facts.normative.regulation).toEqual({ issued: 1, repealed: 0, valid: 1, issuedToDate: 1 });
    expect(facts.normative.normative).toEqual({ issued: 0, repealed: 1, valid: 0, issuedToDate: 1 });
  });
});

describe('reviews filed in the year', () => {
  const review = (
    filedOn: string,
    decidedOn: string | null,
    result: ReviewRecord['result'],
    group: ReviewRecord['group'] = 'review',
  ): ReviewRecord => ({
    group,
    filedOn,
    decidedOn,
    result,
  });
  it.each<[string, ReviewRecord, Partial<Record<'upheld' | 'corrected' | 'other' | 'pending', number>>]>([
    ['undecided: pending', review('2021-05-01', null, null), { pending: 1 }],
    [
      'decided the next year: pending at year end',
      review('2021-11-01', '2022-01-10', 'upheld'),
      { pending: 1 },
    ],
    ['decided in the year: upheld', review('2021-05-01', '2021-07-01', 'upheld'), { upheld: 1 }],
    ['decided in the year: corrected', review('2021-05-01', '2021-07-01', 'corrected'), { corrected: 1 }],
    ['filed and decided on 31 December: other', review('2021-12-31', '2021-12-31', 'other'), { other: 1 }],
    ['filed on 1 January', review('2021-01-01', null, null), { pending: 1 }],
    [
      'filed the previous year, decided in the year: not counted',
      review('2020-12-01', '2021-02-01', 'upheld'),
      {},
    ],
    ['filed the previous year, still pending: not counted', review('2020-12-31', null, null), {}],
    ['filed the next year: not counted', review('2022-01-01', null, null), {}],
  ])('%s', (_situation, r, counts) => {
    const facts = yearFactsFromRecords(records({ reviews: [r] }), 2021);
    expect(facts.reviews.review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, ...counts });
    expect(facts.reviews.suit_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0 });
  });

  it.each([
    ['直接起诉', 'suit_direct'],
    ['复议后起诉', 'suit_after_review'],
  ] as const)('counts a %s suit in its own group', (_label, group) => {
    const facts = yearFactsFromRecords(
      records({ reviews: [review('2021-05-01', '2021-08-01', 'corrected', group)] }),
      2021,
    );
    expect(facts.reviews[group].corrected).toBe(1);
    expect(facts.reviews.review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0 });
  });
});

describe('publications of the year', () => {
  const pub = (
    channel: string,
    publishedOn: string,
    flags: Partial<PublicationRecord> = {},
  ): PublicationRecord => ({
    channel,
    publishedOn,
    isMeeting: false,
    isPolicyDocument: false,
    isInterpretation: false,
    isOnlineInterview: false,
    ...flags,
  });
  const publications = [
    pub('website', '2020-12-31'),
    pub('website', '2021-01-01'),
    pub('website', '2021-06-01', { isMeeting: true }),
    pub('website', '2021-06-02', { isPolicyDocument: true }),
    pub('website', '2021-06-02', { isInterpretation: true }),
    pub('wechat', '2021-07-01', { isOnlineInterview: true }),
    pub('wechat', '2021-12-31'),
    pub('weibo', '2022-01-01', { isMeeting: true }),
  ];
  const facts = yearFactsFromRecords(records({ publications }), 2021).publications;

  it('counts by channel, in the agency’s channel order, zero channels included', () => {
    expect(facts.byChannel).toEqual([
      { code: 'website', name: '网站', count: 4 },
      { code: 'wechat', name: '微信', count: 2 },
      { code: 'weibo', name: '微博', count: 0 },
    ]);
  });

  it.each([
    ['total, 1 January and 31 December included, neighbours excluded', 'total', 6],
    ['meetings (the 2022 one excluded)', 'meetings', 1],
    ['policy documents', 'policyDocuments', 1],
    ['interpretations', 'interpretations', 1],
    ['online interviews', 'onlineInterviews', 1],
  ] as const)('%s', (_situation, field, n) => {
    expect(facts[field]).toBe(n);
  });
});

describe('admin figures', () => {
  const admin = new Map([
    [
      2021,
      {
        licenseDecisions: 5416,
        penaltyDecisions: 271,
        enforcementDecisions: 21,
        feesFen: 706_000_000,
        feesWan: '706',
      },
    ],
  ]);
  it.each([
    ['the year entered', 2021, admin.get(2021)],
    ['a year without figures', 2020, null],
  ])('%s', (_situation, year, expected) => {
    expect(yearFactsFromRecords(records({ admin }), year).admin).toEqual(expected);
  });
});
