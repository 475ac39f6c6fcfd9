import { describe, expect, it } from 'vitest';

import { citationText } from './outcome-basis.ts';
import {
  CORRECTION_REMEDY_CITATIONS,
  correctionRemediesSentence,
  correctionRemedyRoute,
  missingRemedyBodies,
  missingRemedyBodiesMessage,
  REMEDY_CITATIONS,
  type RemedyCase,
  type RemedyRoute,
  remediesSentence,
  remedyRoute,
  reviewFirst,
} from './remedies.ts';

const BODIES = { reviewBody: '威海市人民政府', court: '威海市环翠区人民法院' };

describe('remedyRoute (复议法 第二十三条第一款第（四）项, 法释〔2025〕8号 第一条第（二）项、第十条第二款)', () => {
  it.each<[string, RemedyCase, RemedyRoute]>([
    [
      '复议法 第二十三条: a 第十四条 refusal goes to 行政复议 first',
      { outcome: 'denied.state_secret' },
      'review_first',
    ],
    [
      '复议法 第二十三条: a 第十五条 refusal goes to 行政复议 first',
      { outcome: 'denied.third_party' },
      'review_first',
    ],
    [
      '复议法 第二十三条: a 第十六条 refusal goes to 行政复议 first',
      { outcome: 'denied.process_info' },
      'review_first',
    ],
    [
      '法释 第十条第二款第（五）项: a 第三十六条第（七）项 查询 answer is neither review-first nor suable',
      { outcome: 'denied.query_matter', basisCode: 'a36.7' },
      'review_only',
    ],
    [
      '法释 第一条第（二）项: a 部分公开 withholding under 第十五条 is review-first',
      { outcome: 'partial', withheldUnder: 'a15' },
      'review_first',
    ],
    [
      '诉讼法 第四十四条: a 部分公开 withholding on another ground leaves the choice',
      { outcome: 'partial', withheldUnder: 'other' },
      'review_or_suit',
    ],
    [
      '法释 第一条第（二）项: a 部分公开 with an item refused under 第十六条 is review-first',
      { outcome: 'partial', itemOutcomes: ['granted', 'denied.internal_affairs'] },
      'review_first',
    ],
    [
      '诉讼法 第四十四条: a disclosure leaves the choice',
      { outcome: 'granted', basisCode: 'a36.2' },
      'review_or_suit',
    ],
    [
      '诉讼法 第四十四条: not held leaves the choice',
      { outcome: 'unable.not_held', basisCode: 'a36.4' },
      'review_or_suit',
    ],
    [
      '法释 第十条第二款第（四）项: 不予重复处理 offers no suit',
      { outcome: 'not_processed.duplicate', basisCode: 'a36.6' },
      'review_only',
    ],
    [
      '法释 第十条第二款第（六）项: 加工、分析 offers no suit',
      { outcome: 'unable.needs_creation', basisCode: 'a38' },
      'review_only',
    ],
    [
      '法释 第十条第二款第（七）项: 信访、投诉、举报 offers no suit',
      { outcome: 'not_processed.petition', basisCode: 'a39.1' },
      'review_only',
    ],
    [
      '法释 第十条第二款第（八）项: 公开出版物 offers no suit',
      { outcome: 'not_processed.publication', basisCode: 'a39.2' },
      'review_only',
    ],
  ])('%s', (_situation, c, route) => {
    expect(remedyRoute(c)).toBe(route);
    expect(reviewFirst(c)).toBe(route === 'review_first');
  });
});

describe('remediesSentence (复议法 第二十条、第二十三条第二款; 诉讼法 第四十五条、第四十六条)', () => {
  it('复议法 第二十三条第二款: review-first says 应当先向 the named body, then 15 days to sue', () => {
    const text = remediesSentence('review_first', BODIES);
    expect(text).toContain('应当先向威海市人民政府申请行政复议');
    expect(text).toContain('自知道或者应当知道该行政行为之日起六十日内');
    expect(text).toContain('自收到行政复议决定书之日起十五日内向威海市环翠区人民法院提起行政诉讼');
    expect(text).not.toContain('可以自知道或者应当知道该行政行为之日起六十日内向');
    expect(text).not.toContain('六个月');
  });

  it('复议法 第二十条, 诉讼法 第四十六条: otherwise review within 60 days or a suit within six months', () => {
    expect(remediesSentence('review_or_suit', BODIES)).toBe(
      '如对本答复不服，可以自知道或者应当知道该行政行为之日起六十日内向威海市人民政府申请行政复议，' +
        '也可以自知道或者应当知道该行政行为之日起六个月内向威海市环翠区人民法院提起行政诉讼。',
    );
  });

  it('法释〔2025〕8号 第十条第二款: no suit offered where courts do not accept one', () => {
    const text = remediesSentence('review_only', BODIES);
    expect(text).toBe(
      '如对本答复不服，可以自知道或者应当知道该行政行为之日起六十日内向威海市人民政府申请行政复议。',
    );
    expect(text).not.toContain('诉讼');
  });

  it('条例 第四十七条第二款: names the complaint channel when the agency has set one', () => {
    const text = remediesSentence('review_or_suit', { ...BODIES, complaintChannel: '威海市人民政府办公室' });
    expect(text).toMatch(/也可以向威海市人民政府办公室投诉、举报。$/u);
    expect(remediesSentence('review_or_suit', BODIES)).not.toContain('投诉');
  });

  it('rests on 条例 第五十一条 and 复议法 第二十三条', () => {
    const text = citationText(REMEDY_CITATIONS);
    expect(text).toContain('《中华人民共和国政府信息公开条例》第四十七条第二款、第五十一条');
    expect(text).toContain('《中华人民共和国行政复议法》第二十条第一款、第二十三条');
  });
});

describe('missingRemedyBodies (复议法 第二十条第三款、第二十三条第二款)', () => {
  it.each<[string, RemedyRoute, { reviewBody?: string; court?: string }, string[]]>([
    ['nothing set', 'review_or_suit', {}, ['reviewBody', 'court']],
    ['a blank review body', 'review_first', { reviewBody: ' ', court: '某法院' }, ['reviewBody']],
    ['no court where no suit is offered', 'review_only', { reviewBody: '某政府' }, []],
    ['both set', 'review_first', BODIES, []],
  ])('%s', (_situation, route, bodies, missing) => {
    expect(missingRemedyBodies(route, bodies)).toEqual(missing);
  });

  it('tells the administrator where to set the review body', () => {
    const message = missingRemedyBodiesMessage(['reviewBody']);
    expect(message).toContain('“行政复议机关”');
    expect(message).toContain('机关设置');
  });
});

describe('条例第四十一条: the remedies of a correction answer (条例 第五十一条, 复议法 第十一条第（十四）项)', () => {
  it('条例第五十一条: a correction answer leaves 行政复议 or a suit, never review-first', () => {
    expect(correctionRemedyRoute()).toBe('review_or_suit');
  });

  it('复议法 第二十条, 诉讼法 第四十六条: sixty days for review, six months for a suit, the bodies named', () => {
    expect(correctionRemediesSentence(BODIES)).toBe(
      '如对本答复不服，可以自知道或者应当知道该行政行为之日起六十日内向威海市人民政府申请行政复议，' +
        '也可以自知道或者应当知道该行政行为之日起六个月内向威海市环翠区人民法院提起行政诉讼。',
    );
  });

  it('条例第五十一条: the complaint channel in the article’s words, not a disclosure answer’s', () => {
    const text = correctionRemediesSentence({ ...BODIES, complaintChannel: '威海市人民政府办公室' });
    expect(text).toMatch(
      /您认为本机关在政府信息公开工作中侵犯您合法权益的，也可以向威海市人民政府办公室投诉、举报。$/u,
    );
    expect(text).not.toContain('对政府信息公开申请不依法答复处理');
  });

  it('rests on 条例 第五十一条 and 复议法 第十一条第（十四）项', () => {
    const text = citationText(CORRECTION_REMEDY_CITATIONS);
    expect(text).toContain('《中华人民共和国政府信息公开条例》第五十一条');
    expect(text).toContain('《中华人民共和国行政复议法》第十一条第（十四）项、第二十条第一款');
  });
});
