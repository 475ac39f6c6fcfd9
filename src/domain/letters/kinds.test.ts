import { describe, expect, it } from 'vitest';
import { OUTCOMES, type Outcome } from '../report/vocabulary.ts';
import { OUTCOME_BASES } from '../requests/outcome-basis.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import {
  answerKind,
  isAnswerKind,
  isLetterKind,
  LETTER_KIND_INFO,
  LETTER_KINDS,
  letterKindLabel,
} from './kinds.ts';

describe('letter kinds', () => {
  it.each(LETTER_KINDS.filter((k) => !isAnswerKind(k)))(
    'the default %s names every provision of its kind',
    (kind) => {
      for (const article of LETTER_KIND_INFO[kind].articles)
        expect(DEFAULT_TEMPLATES[kind]).toContain(article);
    },
  );

  it.each(OUTCOMES)('every provision %s may rest on is among its answer kind’s articles', (outcome) => {
    const articles = LETTER_KIND_INFO[answerKind(outcome)].articles;
    const cited = OUTCOME_BASES[outcome].flatMap((b) => b.citations.filter((c) => c.law === 'ordinance'));
    for (const { article } of cited)
      expect(
        articles.some((a) => article.startsWith(a)),
        article,
      ).toBe(true);
  });

  it.each<[Outcome, string]>([
    ['granted', 'answer.granted'],
    ['partial', 'answer.partial'],
    ['denied.state_secret', 'answer.denied'],
    ['unable.not_held', 'answer.unable'],
    ['not_processed.duplicate', 'answer.not_processed'],
    ['other.no_fee', 'answer.other'],
  ])('an outcome %s is answered in %s', (outcome, kind) => {
    expect(answerKind(outcome)).toBe(kind);
  });

  it.each([
    ['correction', '补正告知书'],
    ['fee', '收费通知书'],
    ['answer.denied', '答复书（不予公开）'],
    ['answer.not_processed', '答复书（不予处理）'],
    ['correction_receipt', '更正申请登记回执'],
    ['correction_answer', '更正申请答复书'],
  ] as const)('%s is listed as %s', (kind, label) => {
    expect(letterKindLabel(kind)).toBe(label);
  });

  it.each([
    ['receipt', true],
    ['answer.granted', true],
    ['answer', false],
    ['answer.denied.state_secret', false],
    ['__proto__', false],
  ])('isLetterKind(%s) is %s', (text, expected) => {
    expect(isLetterKind(text)).toBe(expected);
  });
});
