import { describe, expect, it } from 'vitest';
import type { LetterData } from '../../domain/letters/letter-data.ts';
import { LetterTemplateError } from '../../domain/letters/templates.ts';
import { answeredLetterData, SAMPLE_DECISIONS, sampleLetterData } from '../../domain/letters/testing.ts';
import { renderLetterHtml } from './html.ts';
import { htmlText } from './testing.ts';

describe('renderLetterHtml', () => {
  const html = renderLetterHtml('answer.granted', answeredLetterData(SAMPLE_DECISIONS.granted));

  it('is a self-contained Chinese document with no script and no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
  });

  it('sets the title, the number line, the salutation and the signature block', () => {
    expect(html).toContain('<header class="gk-title"><h1>政府信息公开申请答复书</h1></header>');
    expect(html).toContain('<p class="gk-docno">临港依申请〔2021〕3号</p>');
    expect(html).toContain('<p class="gk-left">李华：</p>');
    expect(html).toMatch(
      /<p class="gk-right" style="padding-right: 2em">威海临港经济技术开发区管理委员会<\/p>/,
    );
    expect(html).toMatch(/<p class="gk-right" style="padding-right: 7em">2021年3月8日<\/p>/);
  });

  const caseWith = (field: 'information' | 'registrationNo', value: string): Partial<LetterData> => ({
    case: { ...sampleLetterData().case, [field]: value },
  });
  const IMG = '<img src=x onerror=alert(1)>"&\'';

  it.each<[string, string, Partial<LetterData>]>([
    ['the applicant’s name', '<script>李华', { applicant: { name: '<script>李华' } }],
    ['the information sought', IMG, caseWith('information', IMG)],
    ['the registration number', '</title><script>x', caseWith('registrationNo', '</title><script>x')],
  ])('escapes %s', (_situation, value, overrides) => {
    const out = renderLetterHtml('receipt', sampleLetterData(overrides));
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;');
    expect(htmlText(out)).toContain(value);
  });

  it('fills an agency’s own template instead of the default', () => {
    const template =
      '@left {{applicant.name}}：\n\n请于{{correction.dueOn}}前补正。\n\n@right {{agency.name}}\n@right {{issuedOn}}';
    const out = renderLetterHtml('correction', sampleLetterData(), template);
    expect(out).toContain('<p class="gk-body">请于2021年3月22日前补正。</p>');
    expect(out).not.toContain('一次性告知');
  });

  it('refuses a template that is not valid for the kind', () => {
    expect(() => renderLetterHtml('extension', sampleLetterData(), '{{fee.amount}}')).toThrow(
      LetterTemplateError,
    );
  });
});
