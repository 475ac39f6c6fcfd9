import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../api/reports.ts';
import {
  addParagraph,
  addText,
  consolePathOf,
  paragraphText,
  removeSegment,
  setText,
  takeOver,
  toBody,
} from './narrative.ts';

const draft: Paragraph[] = [
  {
    topic: 'proactive',
    title: '主动公开',
    segments: [
      { kind: 'generated', key: 'proactive.summary', text: '2021年，主动公开政府信息9182条。' },
      { kind: 'staff', text: '持续优化网站栏目。' },
    ],
  },
];

describe('narrative editing', () => {
  it('sends generated sentences by key and staff text as written', () => {
    expect(toBody(draft)).toEqual([
      {
        topic: 'proactive',
        title: '主动公开',
        segments: [
          { kind: 'generated', key: 'proactive.summary' },
          { kind: 'staff', text: '持续优化网站栏目。' },
        ],
      },
    ]);
  });

  it('takes over a generated sentence as staff text that replaces it', () => {
    const edited = setText(takeOver(draft, 0, 0), 0, 0, '2021年，共主动公开信息9182条。');
    expect(toBody(edited)[0].segments[0]).toEqual({
      kind: 'staff',
      text: '2021年，共主动公开信息9182条。',
      replaces: 'proactive.summary',
    });
    expect(draft[0].segments[0].kind).toBe('generated');
  });

  it('adds text and paragraphs, removes segments and drops a paragraph left empty', () => {
    const more = addParagraph(addText(draft, 0), '其他');
    expect(more[0].segments).toHaveLength(3);
    expect(more[1]).toEqual({ topic: 'staff-2', title: '其他', segments: [{ kind: 'staff', text: '' }] });
    expect(removeSegment(more, 1, 0)).toHaveLength(1);
  });

  it('prints a paragraph with its lead-in', () => {
    expect(paragraphText(draft[0])).toBe('主动公开。2021年，主动公开政府信息9182条。持续优化网站栏目。');
  });
});

describe('consolePathOf', () => {
  it.each([
    ['a request', '/api/v1/agencies/lingang/requests/12', '/requests/12'],
    ['an item', '/api/v1/agencies/lingang/items/3', '/items/3'],
    [
      'a normative document goes to the registry',
      '/api/v1/agencies/lingang/registry/documents/5',
      '/registry',
    ],
    ['no link', null, null],
    ['a link the console has no page for', '/api/v1/agencies/lingang/reviews/1', null],
  ])('%s', (_situation, link, expected) => {
    expect(consolePathOf(link)).toBe(expected);
  });
});
