import { describe, expect, it } from 'vitest';
import { isOutcome, OUTCOMES, outcomeInWords } from './vocabulary.ts';

describe('outcomeInWords: an answer as the applicant reads it on the tracking page', () => {
  it.each([
    ['granted', '予以公开'],
    ['partial', '部分公开'],
    ['denied.state_secret', '不予公开（属于国家秘密）'],
    ['denied.process_info', '不予公开（属于四类过程性信息）'],
    ['unable.not_held', '无法提供（本机关不掌握相关政府信息）'],
    ['not_processed.duplicate', '不予处理（重复申请）'],
    ['other.no_fee', '其他处理（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请）'],
    ['other.other', '其他处理'],
  ] as const)('%s → %s', (outcome, words) => {
    expect(outcomeInWords(outcome)).toBe(words);
  });

  it('never shows a code, a list number or an empty bracket for any outcome', () => {
    for (const outcome of OUTCOMES) {
      const words = outcomeInWords(outcome);
      expect(words).not.toMatch(/[a-z._]|^\d|（\d|（）/);
    }
  });

  it('tells an outcome code from any other stored text', () => {
    expect(isOutcome('denied.third_party')).toBe(true);
    expect(isOutcome('mixed')).toBe(false);
  });
});
