import { describe, expect, it } from 'vitest';
import { seedFacts } from '../../../test/fixtures/seed-report.ts';
import { formatById } from './formats/registry.ts';
import { draftNarrative, yearOverYear } from './narrative.ts';
import { sectionTexts } from './sections.ts';
import type { Narrative, YearFacts } from './types.ts';

describe('yearOverYear', () => {
  it.each<[string, number, number | null | undefined, string]>([
    ['the seed’s publications: below 100%, one decimal', 9182, 6328, '较上年度增加45.1%'],
    ['tripled: whole percent', 18, 6, '较上年度增加200%'],
    ['8 interviews after 3: 166.7% rounds to a whole 167%', 8, 3, '较上年度增加167%'],
    ['6 requests after 2', 6, 2, '较上年度增加200%'],
    ['36 documents and interpretations after 12', 36, 12, '较上年度增加200%'],
    ['doubled: exactly 100%', 10, 5, '较上年度增加100%'],
    ['half as much again: 50%, no “.0”', 15, 10, '较上年度增加50%'],
    ['an increase of one third', 4, 3, '较上年度增加33.3%'],
    ['equal', 6, 6, '与上年度持平'],
    ['a decrease of a fifth', 4, 5, '较上年度减少20%'],
    ['a decrease with one decimal', 2, 3, '较上年度减少33.3%'],
    ['down to nothing', 0, 5, '较上年度减少100%'],
    ['no previous year', 6, null, ''],
    ['previous year not known', 6, undefined, ''],
    ['previous year 0: no percentage exists', 6, 0, ''],
    ['both years 0', 0, 0, ''],
  ])('%s: %d vs %s → “%s”', (_situation, current, previous, text) => {
    expect(yearOverYear(current, previous)).toBe(text);
  });
});

const facts = seedFacts();
const cells = formatById('2021').computeCells(facts.current);
const draft = draftNarrative(cells, facts.current, facts.previous, formatById('2021'));
const draftText = sectionTexts(draft.overview).join('\n');

describe('draftNarrative of the seed', () => {
  it.each([
    [
      'publications with the change and every channel',
      '公开信息9182条（较上年度增加45.1%，含网站信息4325条、微信信息3330条、微博信息1352条、抖音信息175条）',
    ],
    ['meetings', '会议30次'],
    [
      'policy documents and interpretations with their change',
      '发布政策文件18件，发布解读材料18件（较上年度增加200%）',
    ],
    ['online interviews with their change', '开展在线访谈8次（较上年度增加167%）'],
    ['requests received with their change', '本年新收政府信息公开申请6件（较上年度增加200%）'],
    ['requests handled', '依法依规处理6件'],
    ['requests by channel', '网络提交申请5件，信函提交申请1件'],
    ['granted', '予以公开1件'],
    ['partial', '部分公开2件'],
    ['not held', '本机关不掌握相关政府信息无法提供2件'],
    ['no correction', '申请人无正当理由逾期不补正做其他处理1件'],
    ['no fees', '无向政府信息公开申请人进行收费的情况'],
    ['no reconsideration or litigation', '无因政府信息公开引起的行政复议和行政诉讼'],
    ['normative documents in force', '现行有效件数11件'],
  ])('states %s: “%s”', (_situation, words) => {
    expect(draftText).toContain(words);
  });

  it.each([
    ['carried-in requests the seed has none of', '上年结转'],
    ['carried-out requests the seed has none of', '结转下年度'],
    ['channels with no requests', '当面提交'],
    ['publication channels with nothing published', '政府公报信息'],
    ['a bare “其他处理” for other.other', '，其他处理'],
  ])('does not mention %s', (_situation, words) => {
    expect(draftText).not.toContain(words);
  });

  it('has the five paragraphs of section 一, leaves 五 to staff and reports the fees (109号) in 六', () => {
    expect(draft.overview.map((p) => [p.topic, p.title])).toEqual([
      ['proactive', '主动公开'],
      ['requests', '依申请公开'],
      ['management', '政府信息管理'],
      ['platform', '政府信息公开平台建设'],
      ['oversight', '监督保障'],
    ]);
    expect(draft.problems).toEqual([]);
    expect(draft.other).toEqual([
      {
        topic: 'fees',
        title: '',
        segments: [{ kind: 'generated', key: 'other.fees', text: '本年度未收取政府信息公开信息处理费。' }],
      },
    ]);
  });

  it('keys every generated sentence', () => {
    const keys = draft.overview.flatMap((p) =>
      p.segments.map((s) => (s.kind === 'generated' ? s.key : '(staff)')),
    );
    expect(keys).toEqual([
      'proactive.publications',
      'requests.summary',
      'requests.outcomes',
      'requests.fees',
      'requests.reviews',
      'management.normative',
    ]);
  });
});

function emptyYear(year: number): YearFacts {
  const base = seedFacts().current;
  const zero = { upheld: 0, corrected: 0, other: 0, pending: 0 };
  return {
    ...base,
    year,
    publications: {
      byChannel: [],
      total: 0,
      meetings: 0,
      policyDocuments: 0,
      interpretations: 0,
      onlineInterviews: 0,
    },
    admin: null,
    requests: {
      ...base.requests,
      received: { ...base.requests.received, natural_person: 0 },
      decided: {},
      byChannel: { online: 0, letter: 0, in_person: 0, fax: 0, other: 0, oral: 0 },
      feesFen: 0,
    },
    reviews: { review: { ...zero }, suit_direct: { ...zero }, suit_after_review: { ...zero } },
  };
}

const textOf = (narrative: Narrative): string => sectionTexts(narrative.overview).join('\n');

describe('draftNarrative in other situations', () => {
  it.each<[string, (f: YearFacts) => void, string]>([
    ['nothing published', () => {}, '本年度未通过门户网站和政务新媒体公开信息。'],
    ['no requests at all', () => {}, '本年新收政府信息公开申请0件，依法依规处理0件。'],
    [
      'requests carried in and out',
      (f) => {
        f.requests.carriedIn = { ...f.requests.carriedIn, business: 2 };
        f.requests.carriedOut = { ...f.requests.carriedOut, research: 1 };
        f.requests.received = { ...f.requests.received, research: 1 };
        f.requests.decided = { granted: { business: 2 } };
      },
      '本年新收政府信息公开申请1件，上年结转2件，依法依规处理2件，结转下年度继续办理1件。',
    ],
    [
      'fees collected',
      (f) => {
        f.requests.feesFen = 30_000;
      },
      '依据《政府信息公开信息处理费管理办法》收取信息处理费300元。',
    ],
    [
      'fees collected to the 分',
      (f) => {
        f.requests.feesFen = 30_050;
      },
      '依据《政府信息公开信息处理费管理办法》收取信息处理费300.50元。',
    ],
    [
      'a reconsideration and two suits',
      (f) => {
        f.reviews.review = { upheld: 1, corrected: 0, other: 0, pending: 0 };
        f.reviews.suit_direct = { upheld: 0, corrected: 0, other: 0, pending: 1 };
        f.reviews.suit_after_review = { upheld: 0, corrected: 1, other: 0, pending: 0 };
      },
      '因政府信息公开被申请行政复议1件，被提起行政诉讼2件。',
    ],
    [
      'requests in person and by fax',
      (f) => {
        f.requests.byChannel = { ...f.requests.byChannel, in_person: 2, fax: 1 };
      },
      '其中，当面提交申请2件，传真提交申请1件。',
    ],
    [
      '条例第二十九条第一款: oral applications written up by the office',
      (f) => {
        f.requests.byChannel = { ...f.requests.byChannel, letter: 1, oral: 2 };
      },
      '其中，信函提交申请1件，口头提出申请2件。',
    ],
  ])('%s', (_situation, change, words) => {
    const year = emptyYear(2021);
    change(year);
    expect(
      textOf(draftNarrative(formatById('2021').computeCells(year), year, null, formatById('2021'))),
    ).toContain(words);
  });

  it('omits the change when there is no previous year', () => {
    const text = textOf(draftNarrative(cells, facts.current, null, formatById('2021')));
    expect(text).toContain('公开信息9182条（含网站信息4325条');
    expect(text).toContain('本年新收政府信息公开申请6件，');
    expect(text).not.toContain('较上年度');
  });
});

describe('条例第四十一条: section 六 states the year’s correction requests (table 三 does not count them)', () => {
  const format = formatById('2021');
  const withCorrections = (corrections: NonNullable<YearFacts['requests']['corrections']>): YearFacts => {
    const facts = structuredClone(seedFacts().current);
    facts.requests.corrections = corrections;
    return facts;
  };
  const otherText = (facts: YearFacts) => {
    const cells = format.computeCells(facts);
    return sectionTexts(draftNarrative(cells, facts, null, format).other).join('');
  };

  it('条例第四十一条: none received, none answered — no sentence, section 六 as the seed has it', () => {
    const facts = withCorrections({
      received: 0,
      decided: { corrected: 0, transferred: 0, referred: 0, refused: 0 },
      pending: 0,
    });
    expect(otherText(facts)).toBe(otherText(seedFacts().current));
    expect(otherText(facts)).not.toContain('第四十一条');
  });

  it.each<[string, NonNullable<YearFacts['requests']['corrections']>, string]>([
    [
      'answered with two outcomes, one still open',
      { received: 3, decided: { corrected: 1, transferred: 0, referred: 0, refused: 1 }, pending: 1 },
      '本年度收到要求更正与申请人自身相关的政府信息记录的申请（《中华人民共和国政府信息公开条例》第四十一条）3件，办结2件，其中予以更正1件，不予更正1件；截至2021年12月31日尚未办结1件。此类申请不属于政府信息公开申请，未计入本报告第三部分的统计表。',
    ],
    [
      'received, none answered yet',
      { received: 1, decided: { corrected: 0, transferred: 0, referred: 0, refused: 0 }, pending: 1 },
      '本年度收到要求更正与申请人自身相关的政府信息记录的申请（《中华人民共和国政府信息公开条例》第四十一条）1件，办结0件；截至2021年12月31日尚未办结1件。此类申请不属于政府信息公开申请，未计入本报告第三部分的统计表。',
    ],
  ])('条例第四十一条: %s', (_situation, corrections, sentence) => {
    expect(otherText(withCorrections(corrections))).toContain(sentence);
  });
});
