import { describe, expect, it } from 'vitest';
import type { LetterKind } from '../../domain/letters/kinds.ts';
import { sampleLetterData } from '../../domain/letters/testing.ts';
import { letterFileName } from './file-name.ts';

describe('letterFileName', () => {
  it.each<[LetterKind, string]>([
    ['correction', '临港依申请〔2021〕3号-补正告知书.docx'],
    ['receipt', '临港依申请〔2021〕3号-登记回执.docx'],
    ['consultation', '临港依申请〔2021〕3号-征求意见函.docx'],
    ['fee', '临港依申请〔2021〕3号-收费通知书.docx'],
    ['answer.denied', '临港依申请〔2021〕3号-答复书.docx'],
  ])('%s → %s', (kind, name) => {
    expect(letterFileName(kind, sampleLetterData())).toBe(name);
  });

  it('names the HTML and replaces what no file system accepts', () => {
    const data = sampleLetterData({
      case: { ...sampleLetterData().case, registrationNo: ' 临港/依申请:〔2021〕3号 ' },
    });
    expect(letterFileName('extension', data, 'html')).toBe('临港_依申请_〔2021〕3号-延期答复告知书.html');
  });
});
