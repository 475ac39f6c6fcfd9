import { describe, expect, it } from 'vitest';
import { changedSections, editNarrative, type SectionsInput } from './edit.ts';
import type { Narrative } from './types.ts';

const DRAFT: Narrative = {
  overview: [
    {
      topic: 'requests',
      title: '依申请公开',
      segments: [{ kind: 'generated', key: 'requests.summary', text: '本年新收申请6件。' }],
    },
  ],
  problems: [],
  other: [
    { topic: 'fees', title: '', segments: [{ kind: 'generated', key: 'other.fees', text: '未收费。' }] },
  ],
};
const STORED: Narrative = {
  overview: [
    {
      topic: 'requests',
      title: '依申请公开',
      segments: [
        { kind: 'staff', text: '认真办理申请。' },
        { kind: 'generated', key: 'requests.summary', text: '本年新收申请5件。' },
      ],
    },
  ],
  problems: [{ topic: 'p1', title: '问题', segments: [{ kind: 'staff', text: '深度不够。' }] }],
  other: [],
};
const staff = (text: string) => ({ topic: 't', title: '', segments: [{ kind: 'staff' as const, text }] });

describe('editNarrative', () => {
  it.each<[string, Narrative | null, SectionsInput, Partial<Narrative>]>([
    [
      'nothing sent: the stored text with the draft merged in',
      STORED,
      {},
      {
        overview: [
          {
            ...STORED.overview[0],
            segments: [
              STORED.overview[0].segments[0],
              { kind: 'generated', key: 'requests.summary', text: '本年新收申请6件。' },
            ],
          },
        ],
        problems: STORED.problems,
      },
    ],
    [
      'a section replaced, the others kept',
      STORED,
      { problems: [staff('新问题。')] },
      { problems: [staff('新问题。')] },
    ],
    [
      'a generated sentence takes the draft’s words',
      null,
      { other: [{ topic: 'fees', title: '', segments: [{ kind: 'generated', key: 'other.fees' }] }] },
      { other: DRAFT.other },
    ],
    [
      'a sentence taken over by staff',
      null,
      {
        other: [
          {
            topic: 'fees',
            title: '',
            segments: [{ kind: 'staff', text: '收费0元。', replaces: 'other.fees' }],
          },
        ],
      },
      {
        other: [
          {
            topic: 'fees',
            title: '',
            segments: [{ kind: 'staff', text: '收费0元。', replaces: 'other.fees' }],
          },
        ],
      },
    ],
  ])('%s', (_situation, stored, sections, expected) => {
    const { narrative, issues } = editNarrative(stored, DRAFT, sections);
    expect(issues).toEqual([]);
    expect(narrative).toMatchObject(expected);
  });

  it.each<[string, SectionsInput, string, string]>([
    [
      'an unknown generated key',
      { other: [{ topic: 'x', title: '', segments: [{ kind: 'generated', key: 'x.y' }] }] },
      'sections.other[0].segments[0]',
      '没有键为“x.y”',
    ],
    [
      'a generated sentence twice',
      {
        overview: [
          {
            topic: 'x',
            title: '',
            segments: [
              { kind: 'generated', key: 'other.fees' },
              { kind: 'generated', key: 'other.fees' },
            ],
          },
        ],
      },
      'sections.overview[0].segments[1]',
      '重复出现',
    ],
    [
      'replacing an unknown key',
      { problems: [{ topic: 'x', title: '', segments: [{ kind: 'staff', text: 'a', replaces: 'zz' }] }] },
      'sections.problems[0].segments[0]',
      '没有键为“zz”',
    ],
  ])('reports %s', (_situation, sections, field, words) => {
    const { issues } = editNarrative(STORED, DRAFT, sections);
    expect(issues).toEqual([{ field, message: expect.stringContaining(words) }]);
  });
});

describe('changedSections', () => {
  it('names the sections whose paragraphs differ', () => {
    const after = { ...STORED, problems: [staff('新问题。')] };
    expect(changedSections(STORED, after)).toEqual(['problems']);
    expect(changedSections(STORED, structuredClone(STORED))).toEqual([]);
  });
});
