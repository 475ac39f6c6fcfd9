import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_41,
  CORRECTION_FIELDS,
  CORRECTION_OUTCOMES,
  type CorrectionDecision,
  correctionDecisionProblems,
  correctionRequestProblems,
  correctionStatement,
  isCorrectionOutcome,
  isRequestKind,
} from './record-correction.ts';

const REQUEST = {
  record: '2023年度临港区城乡低保对象名单中申请人的家庭人口数',
  inaccuracy: '名单记载家庭人口为4人，实际为3人',
  evidence: '户口簿复印件、派出所出具的户籍证明',
};

describe('条例第四十一条 as the letters and the console quote it', () => {
  it('条例第四十一条: is docs/law.md’s text, word for word', () => {
    const law = readFileSync(join(import.meta.dirname, '../../../docs/law.md'), 'utf8');
    expect(law).toContain(`> 第四十一条 ${ARTICLE_41}\n`);
  });
});

describe('条例第四十一条: what a correction request must state', () => {
  it('条例第四十一条: a request with the record, the inaccuracy and the evidence is complete', () => {
    expect(correctionRequestProblems(REQUEST)).toEqual([]);
  });

  it.each([
    ['record', '请写明要求更正的政府信息记录'],
    ['inaccuracy', '请写明该记录中哪些内容不准确'],
    ['evidence', '“有证据证明”'],
  ] as const)('条例第四十一条: without %s it is refused, naming the field in Chinese', (field, words) => {
    const problems = correctionRequestProblems({ ...REQUEST, [field]: '  ' });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(`correction.${field}`);
    expect(problems[0].message).toContain(words);
  });

  it('条例第四十一条: a record longer than 500 characters is refused', () => {
    const [problem] = correctionRequestProblems({ ...REQUEST, record: '记'.repeat(501) });
    expect(problem).toEqual({ field: 'correction.record', message: '要求更正的政府信息记录不能超过500个字' });
  });

  it('条例第四十一条: nothing at all names all three fields', () => {
    expect(correctionRequestProblems({}).map((p) => p.field)).toEqual([
      'correction.record',
      'correction.inaccuracy',
      'correction.evidence',
    ]);
  });
});

/** [situation, decision, the fields it lacks, what the statement says]. */
const DECISIONS: Array<[string, CorrectionDecision, string[], string]> = [
  [
    '条例第四十一条 “审核属实的，应当予以更正”: corrected, saying what',
    { outcome: 'corrected', corrected: '家庭人口更正为3人。' },
    [],
    '经审核，您提出的更正申请属实，本机关已予以更正：家庭人口更正为3人。',
  ],
  ['条例第四十一条: 予以更正 without what was corrected', { outcome: 'corrected' }, ['corrected'], ''],
  [
    '条例第四十一条 “转送有权更正的行政机关处理并告知申请人”',
    { outcome: 'transferred', agency: '威海市公安局临港分局' },
    [],
    '经审查，您要求更正的政府信息记录不属于本机关职能范围，本机关已将您的更正申请转送有权更正的行政机关威海市公安局临港分局处理。',
  ],
  ['条例第四十一条: 转送 without the agency', { outcome: 'transferred', agency: ' ' }, ['agency'], ''],
  [
    '条例第四十一条 “告知申请人向有权更正的行政机关提出”, with its contact',
    { outcome: 'referred', agency: '威海市民政局', contact: '0631-5233001；' },
    [],
    '经审查，您要求更正的政府信息记录不属于本机关职能范围，请您向有权更正的行政机关威海市民政局（联系方式：0631-5233001）提出。',
  ],
  [
    '条例第四十一条: 告知向……提出 without a contact',
    { outcome: 'referred', agency: '威海市民政局' },
    [],
    '经审查，您要求更正的政府信息记录不属于本机关职能范围，请您向有权更正的行政机关威海市民政局提出。',
  ],
  ['条例第四十一条: 告知向……提出 without the agency', { outcome: 'referred' }, ['agency'], ''],
  [
    '条例第四十一条: 不予更正 because the facts are not as claimed',
    { outcome: 'refused', ground: 'not_verified', reason: '经核对原始档案，家庭人口确为4人' },
    [],
    '经审核，该政府信息记录并无您所称的不准确之处，本机关不予更正。',
  ],
  [
    '条例第四十一条: 不予更正 because the evidence is insufficient',
    { outcome: 'refused', ground: 'insufficient_evidence', reason: '所附证明未载明家庭人口' },
    [],
    '经审核，您提供的证据不足以证明该政府信息记录不准确，本机关不予更正。',
  ],
  [
    '条例第四十一条: 不予更正 without its ground and reason',
    { outcome: 'refused' },
    ['ground', 'reason'],
    '',
  ],
];

describe('条例第四十一条: the decision on a correction request', () => {
  it.each(DECISIONS)('%s', (_situation, decision, lacking, statement) => {
    expect(correctionDecisionProblems(decision).map((p) => p.field)).toEqual(lacking);
    if (lacking.length === 0) expect(correctionStatement(decision)).toBe(statement);
  });

  it('条例第四十一条: a refusal without a reason says why one is needed', () => {
    const [, reason] = correctionDecisionProblems({ outcome: 'refused' });
    expect(reason.message).toContain('条例第四十一条只规定“审核属实的，应当予以更正”');
  });

  it.each(CORRECTION_OUTCOMES)('条例第四十一条: %s has its fields listed, with Chinese labels', (outcome) => {
    expect(CORRECTION_FIELDS[outcome].length).toBeGreaterThan(0);
    for (const field of CORRECTION_FIELDS[outcome]) expect(field.label).toMatch(/\p{Script=Han}/u);
  });

  it.each([
    ['corrected', true],
    ['granted', false],
    ['__proto__', false],
  ])('isCorrectionOutcome(%s) is %s', (text, expected) => {
    expect(isCorrectionOutcome(text)).toBe(expected);
  });

  it.each([
    ['disclosure', true],
    ['record_correction', true],
    ['correction', false],
  ])('isRequestKind(%s) is %s', (text, expected) => {
    expect(isRequestKind(text)).toBe(expected);
  });
});
