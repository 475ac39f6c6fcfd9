import { describe, expect, it } from 'vitest';
import { answerSection } from '../../domain/letters/answer-section.ts';
import { SAMPLE_DECISIONS, sampleLetterData } from '../../domain/letters/testing.ts';
import { renderLetterHtml } from './html.ts';
import { letterText } from './text.ts';

describe('letterText', () => {
  it('reads a 答复书 back as text: title, number, paragraphs, signature', () => {
    const result = answerSection({ ...SAMPLE_DECISIONS.denied, reasons: '“密级”<秘密>&' });
    if (!result.ok) throw new Error(result.message);
    const data = sampleLetterData({ answer: result.answer, remedies: result.remedies });
    const lines = letterText(renderLetterHtml('answer.denied', data)).split('\n');
    expect(lines.slice(0, 3)).toEqual(['政府信息公开申请答复书', '临港依申请〔2021〕3号', '李华：']);
    expect(lines).toContain('“密级”<秘密>&。');
    expect(lines.some((l) => l.trim() === '2021年3月8日' && l.startsWith(' '))).toBe(true);
  });
});
