import { describe, expect, it } from 'vitest';
import { minimalReport } from '../../render/testing.ts';
import { contentDisposition, reportFileName } from './report-file.ts';

describe('reportFileName', () => {
  it('is “{机关名}{year}年政府信息公开工作年度报告.{ext}”', () => {
    expect(reportFileName(minimalReport(), 'docx')).toBe(
      '测试区管理委员会2021年政府信息公开工作年度报告.docx',
    );
  });
});

describe('contentDisposition', () => {
  it.each([
    [
      'a Chinese name',
      '报告.pdf',
      'r.pdf',
      `attachment; filename="r.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`,
    ],
    [
      'quotes and parentheses',
      `a'(b)".pdf`,
      'a"b\\.pdf',
      `attachment; filename="a_b_.pdf"; filename*=UTF-8''a%27%28b%29%22.pdf`,
    ],
    ['a non-ASCII fallback', 'x.pdf', 'é.pdf', `attachment; filename="_.pdf"; filename*=UTF-8''x.pdf`],
  ])('encodes %s', (_situation, name, ascii, expected) => {
    expect(contentDisposition(name, ascii)).toBe(expected);
  });
});
