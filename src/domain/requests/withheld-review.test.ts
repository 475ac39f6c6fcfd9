import { describe, expect, it } from 'vitest';
import {
  type DecidedCase,
  type WithheldReviewRecord,
  type WithheldSubject,
  withheldReviewList,
  withheldReviewRefusal,
  withheldReviewSummary,
  withheldSubjectsOf,
} from './withheld-review.ts';

const decided = (over: Partial<DecidedCase>): DecidedCase => ({
  requestId: 1,
  caseNo: '临港依申请〔2024〕1号',
  decidedOn: '2024-05-06',
  outcome: 'denied.process_info',
  information: '某项目审批的内部讨论记录',
  decision: {},
  ...over,
});

describe('withheldSubjectsOf (条例第十六条: what the yearly review covers)', () => {
  it.each<[string, Partial<DecidedCase>, Array<Partial<WithheldSubject>>]>([
    [
      '条例第十六条第二款: a case refused as 过程性信息 is one subject, the information sought',
      {},
      [
        {
          part: 0,
          description: '某项目审批的内部讨论记录',
          basis: '属于四类过程性信息（《中华人民共和国政府信息公开条例》第十六条第二款）',
        },
      ],
    ],
    [
      '条例第十六条第一款: a case refused as 内部事务信息',
      { outcome: 'denied.internal_affairs' },
      [{ part: 0, outcome: 'denied.internal_affairs', basis: expect.stringContaining('第十六条第一款') }],
    ],
    [
      '条例第十六条第二款: a case refused as 行政执法案卷',
      { outcome: 'denied.enforcement_file' },
      [{ part: 0, basis: expect.stringContaining('属于行政执法案卷') }],
    ],
    ['条例第十四条: a state secret is not reviewed here', { outcome: 'denied.state_secret' }, []],
    ['条例第十五条: a third party’s rights are not reviewed here', { outcome: 'denied.third_party' }, []],
    ['a granted answer withholds nothing', { outcome: 'granted' }, []],
    [
      '条例第十六条: a 部分公开 whose withheld part rests on it, with the part as the answer stated it',
      {
        outcome: 'partial',
        decision: { withheldUnder: 'a16', fields: { reason: '会议纪要属于过程性信息' } },
      },
      [
        {
          part: 0,
          outcome: 'partial',
          withheldPart: '会议纪要属于过程性信息',
          basis: expect.stringContaining('第十六条'),
        },
      ],
    ],
    [
      '条例第十五条: a 部分公开 withholding under 第十五条 is not',
      { outcome: 'partial', decision: { withheldUnder: 'a15' } },
      [],
    ],
    [
      'a 部分公开 imported without its decision does not say what it withheld',
      { outcome: 'partial', decision: null },
      [],
    ],
    [
      '条例第十六条: a case answered item by item lists only the items refused under it',
      {
        outcome: 'partial',
        decision: {
          items: [
            { description: '项目批复文件', outcome: 'granted' },
            { description: '项目审查会议纪要', outcome: 'denied.process_info' },
            { description: '第三方的商业秘密', outcome: 'denied.third_party' },
            { description: '处罚案卷', outcome: 'denied.enforcement_file' },
          ],
        },
      },
      [
        { part: 2, description: '项目审查会议纪要', outcome: 'denied.process_info' },
        { part: 4, description: '处罚案卷', outcome: 'denied.enforcement_file' },
      ],
    ],
    [
      'an imported refusal without the information sought says so',
      { information: null, decision: null, caseNo: null },
      [{ part: 0, description: '（该记录未载明所申请的信息）', caseNo: '申请 1' }],
    ],
  ])('%s', (_name, over, expected) => {
    const subjects = withheldSubjectsOf(decided(over));
    expect(subjects).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(subjects[i]).toMatchObject(e);
  });
});

const subject = (requestId: number, decidedOn: string): WithheldSubject => ({
  ...withheldSubjectsOf(decided({ requestId, decidedOn }))[0],
});

let nextId = 1;
const record = (
  requestId: number,
  year: number,
  seq: number,
  decision: 'kept' | 'disclosed',
  itemId: number | null = null,
): WithheldReviewRecord => ({
  id: nextId++,
  year,
  requestId,
  part: 0,
  seq,
  decision,
  reason: decision === 'kept' ? '仍属于过程性信息' : '项目已办结，情势变化',
  itemId,
  actor: 'reviewer',
  actorName: '审查人',
  recordedAt: `${year}-12-01T00:00:00.000Z`,
});

describe('withheldReviewList (条例第十八条: 定期评估审查, year after year)', () => {
  const subjects = [subject(1, '2023-03-01'), subject(2, '2024-06-01'), subject(3, '2025-02-01')];

  it.each<[string, WithheldReviewRecord[], number, Array<[number, string]>]>([
    [
      '条例第十八条: a year lists what was withheld by its end, each pending until decided',
      [],
      2024,
      [
        [1, 'pending'],
        [2, 'pending'],
      ],
    ],
    [
      '条例第十八条: information kept withheld last year comes back this year',
      [record(1, 2023, 1, 'kept')],
      2024,
      [
        [1, 'pending'],
        [2, 'pending'],
      ],
    ],
    [
      '条例第十八条: information turned public in an earlier year does not come back',
      [record(1, 2023, 1, 'disclosed', 9)],
      2024,
      [[2, 'pending']],
    ],
    [
      '条例第十八条: an earlier year’s 转为公开 corrected to 继续不予公开 comes back',
      [record(1, 2023, 1, 'disclosed', 9), record(1, 2023, 2, 'kept')],
      2024,
      [
        [1, 'pending'],
        [2, 'pending'],
      ],
    ],
    [
      '条例第十八条: this year’s latest decision is the one in force',
      [record(2, 2024, 1, 'kept'), record(2, 2024, 2, 'disclosed', 7)],
      2024,
      [
        [1, 'pending'],
        [2, 'disclosed'],
      ],
    ],
  ])('%s', (_name, records, year, expected) => {
    const list = withheldReviewList(subjects, records, year);
    expect(list.map((e) => [e.requestId, e.status])).toEqual(expected);
  });

  it('条例第十八条: a correction keeps the earlier decision in the history, and the summary counts the latest', () => {
    const records = [
      record(1, 2024, 1, 'kept'),
      record(1, 2024, 2, 'disclosed', 5),
      record(2, 2024, 1, 'kept'),
    ];
    const list = withheldReviewList(subjects, records, 2024);
    expect(list[0].history.map((r) => r.decision)).toEqual(['kept', 'disclosed']);
    expect(list[0].current?.seq).toBe(2);
    expect(withheldReviewSummary(list)).toEqual({ total: 2, reviewed: 2, kept: 1, disclosed: 1, pending: 0 });
  });

  it('条例第十八条: the previous year’s decision is shown beside this year’s', () => {
    const kept2023 = record(1, 2023, 1, 'kept');
    const [first] = withheldReviewList(subjects, [kept2023], 2024);
    expect(first.previous).toEqual(kept2023);
    expect(first.current).toBeNull();
  });
});

describe('withheldReviewRefusal (条例第十八条: a decision once made is corrected by a new one)', () => {
  const [entry] = withheldReviewList([subject(1, '2024-03-01')], [], 2024);
  const kept = record(1, 2024, 1, 'kept');
  const disclosed = record(1, 2024, 1, 'disclosed', 11);
  const [keptEntry] = withheldReviewList([subject(1, '2024-03-01')], [kept], 2024);
  const [disclosedEntry] = withheldReviewList([subject(1, '2024-03-01')], [disclosed], 2024);
  const today = '2024-12-20';

  it.each([
    ['a first decision', entry, { decision: 'kept', replaces: null }, undefined, null],
    [
      'a correction naming the decision it corrects',
      keptEntry,
      { decision: 'disclosed', replaces: kept.id },
      undefined,
      null,
    ],
    ['a 继续不予公开 with a new reason', keptEntry, { decision: 'kept', replaces: kept.id }, undefined, null],
    [
      'taking back a 转为公开 whose draft is not published',
      disclosedEntry,
      { decision: 'kept', replaces: disclosed.id },
      'draft',
      null,
    ],
    [
      'information not on the year’s list',
      undefined,
      { decision: 'kept', replaces: null },
      undefined,
      'not_found',
    ],
    [
      'a second first decision (someone decided meanwhile)',
      keptEntry,
      { decision: 'kept', replaces: null },
      undefined,
      'conflict',
    ],
    [
      'a correction of a decision that is not the latest',
      keptEntry,
      { decision: 'kept', replaces: 999 },
      undefined,
      'conflict',
    ],
    [
      'turning public twice',
      disclosedEntry,
      { decision: 'disclosed', replaces: disclosed.id },
      'draft',
      'invalid_state',
    ],
    [
      'taking back a 转为公开 already published',
      disclosedEntry,
      { decision: 'kept', replaces: disclosed.id },
      'published',
      'invalid_state',
    ],
  ] as const)('条例第十八条: %s', (_name, e, request, itemState, code) => {
    const refusal = withheldReviewRefusal({
      year: 2024,
      today,
      entry: e,
      request,
      openedItemState: itemState,
    });
    expect(refusal?.code ?? null).toBe(code);
    if (refusal) expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('条例第十八条: a year whose information a later year has already reviewed is closed', () => {
    const subjects = [subject(1, '2023-03-01')];
    const records = [record(1, 2023, 1, 'kept'), record(1, 2024, 1, 'kept')];
    const [closed] = withheldReviewList(subjects, records, 2023);
    expect(closed.laterYear).toBe(2024);
    const refusal = withheldReviewRefusal({
      year: 2023,
      today,
      entry: closed,
      request: { decision: 'disclosed', replaces: closed.current?.id ?? null },
    });
    expect(refusal?.code).toBe('invalid_state');
    expect(refusal?.message).toContain('请在 2024 年度的清单中处理');
    expect(withheldReviewList(subjects, records, 2024)[0].laterYear).toBeNull();
  });

  it('条例第十八条: a year not yet begun is refused', () => {
    const refusal = withheldReviewRefusal({
      year: 2025,
      today,
      entry,
      request: { decision: 'kept', replaces: null },
    });
    expect(refusal).toEqual({
      code: 'validation',
      message: '审查年度 2025 尚未开始，请选择 2024 年或以前的年度。',
    });
  });
});
