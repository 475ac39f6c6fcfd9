import { describe, expect, it } from 'vitest';
import { LETTER_KINDS, type LetterKind } from './kinds.ts';
import { BLANK } from './print.ts';
import { DEFAULT_TEMPLATES, fillTemplate, LetterTemplateError, validateTemplate } from './templates.ts';
import { sampleLetterData } from './testing.ts';

const messagesOf = (kind: LetterKind, text: string): string => {
  const check = validateTemplate(kind, text);
  return check.ok ? '' : check.messages.join('');
};

describe('validateTemplate', () => {
  it.each(LETTER_KINDS)('accepts the default template of %s', (kind) => {
    expect(validateTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual({ ok: true });
  });

  it.each<[string, LetterKind, string, string]>([
    [
      'an unknown placeholder',
      'receipt',
      '{{applicant.nmae}}：{{case.no}}',
      '{{applicant.nmae}}、{{case.no}}',
    ],
    ['another kind’s placeholder', 'receipt', '{{fee.amount}}', '{{fee.amount}}'],
    [
      'a field of an unknown item',
      'answer.partial',
      '{{#each answer.items}}{{item.basis}}{{/each}}',
      '{{item.basis}}',
    ],
    ['a whole object item', 'answer.partial', '{{#each answer.items}}{{item}}{{/each}}', '{{item}}'],
    [
      'a field of a text list',
      'correction',
      '{{#each correction.items}}{{item.text}}{{/each}}',
      '{{item.text}}',
    ],
    [
      'an unclosed block',
      'answer.denied',
      '{{#if answer.reasons}}{{answer.reasons}}',
      '缺少结束标记“{{/if}}”',
    ],
    ['an item outside a list', 'correction', '{{item}}', '只能用在“{{#each …}}”与“{{/each}}”之间'],
    ['an index outside a list', 'fee', '{{index}}', '只能用在“{{#each …}}”'],
    ['each over a text', 'fee', '{{#each fee.amount}}{{item}}{{/each}}', '应缴金额（元）不是列表'],
    [
      'a list of items printed whole',
      'answer.partial',
      '{{answer.items}}',
      '请用“{{#each answer.items}}…{{/each}}”',
    ],
  ])('catches %s', (_situation, kind, text, message) => {
    expect(messagesOf(kind, text)).toContain(message);
  });

  it('names the unknown placeholders in one Chinese sentence', () => {
    expect(messagesOf('extension', '{{extension.dayz}}{{extension.dayz}}')).toBe(
      '模板中有本类文书不能使用的占位符：{{extension.dayz}}。请检查拼写，或从可用的占位符中选择。',
    );
  });

  it.each<[LetterKind, string]>([
    ['receipt', '{{#if case.answerDueOn}}{{case.answerDueOn}}{{/if}}'],
    ['correction', '{{correction.items}}'],
    ['answer.partial', '{{#each answer.items}}{{index}}{{#if item.reason}}{{item.reason}}{{/if}}{{/each}}'],
  ])('accepts a valid %s template', (kind, text) => {
    expect(validateTemplate(kind, text)).toEqual({ ok: true });
  });
});

describe('fillTemplate', () => {
  const data = sampleLetterData();

  it.each([
    ['a date in Chinese, without leading zeros', '{{case.receivedOn}}', '2021年3月2日'],
    ['a number', '{{extension.days}}个工作日', '20个工作日'],
    ['a text list joined', '{{correction.items}}', `${data.correction?.items.join('、')}`],
    ['a nested path', '{{agency.contact}}', '王明'],
    ['a blank for a missing value', '致{{answer.statement}}', `致${BLANK}`],
    ['no prototype lookups', '{{case.constructor}}{{__proto__}}', `${BLANK}${BLANK}`],
  ])('prints %s', (_situation, text, expected) => {
    expect(
      fillTemplate(text, data)
        .paragraphs.map((p) => p.text)
        .join('|'),
    ).toBe(expected);
  });

  it('lists the placeholders that had no value, once each', () => {
    const { missing } = fillTemplate('{{remedies}}{{answer.basis}}{{remedies}}', data);
    expect(missing).toEqual(['remedies', 'answer.basis']);
  });

  it('turns control characters in values into nothing', () => {
    const filled = fillTemplate(
      '{{applicant.name}}',
      sampleLetterData({ applicant: { name: '李\u0000华\u0007' } }),
    );
    expect(filled.paragraphs[0].text).toBe('李华');
  });

  it('throws LetterTemplateError with the messages for a broken template', () => {
    expect(() => fillTemplate('{{#each correction.items}}', data)).toThrow(LetterTemplateError);
    try {
      fillTemplate('{{#each correction.items}}', data);
    } catch (error) {
      expect((error as LetterTemplateError).messages).toHaveLength(1);
      expect((error as LetterTemplateError).code).toBe('letters.template_invalid');
    }
  });
});
