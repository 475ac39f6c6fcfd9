import { describe, expect, it } from 'vitest';
import { LINGANG_2021_NARRATIVE } from '../../demo/lingang-narrative.ts';
import { mergeNarrative } from './merge.ts';
import type { Narrative, Paragraph, Segment } from './types.ts';

const gen = (key: string, text: string): Segment => ({ kind: 'generated', key, text });
const staff = (text: string): Segment => ({ kind: 'staff', text });
const para = (topic: string, title: string, segments: Segment[]): Paragraph => ({ topic, title, segments });
const narrative = (
  overview: Paragraph[],
  problems: Paragraph[] = [],
  other: Paragraph[] = [],
): Narrative => ({
  overview,
  problems,
  other,
});

/** The draft as the platform would generate it this time. */
const draft = narrative([
  para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
  para('requests', '依申请公开', [
    gen('requests.summary', '本年新收申请6件。'),
    gen('requests.fees', '无收费。'),
  ]),
  para('platform', '政府信息公开平台建设', []),
]);

describe('mergeNarrative', () => {
  it.each<[string, Narrative | null, Narrative]>([
    ['nothing stored yet: the draft as is', null, draft],
    [
      'staff text kept byte for byte and in its order, generated text replaced by key',
      narrative([
        para('proactive', '主动公开', [
          staff('2021年，临港区加大…力度，'),
          gen('proactive.publications', '公开信息8000条。'),
          staff('  另有 “引号” 与空格。\n'),
        ]),
        para('requests', '依申请公开', [
          gen('requests.fees', '旧的收费句。'),
          staff('依法答复。'),
          gen('requests.summary', '旧。'),
        ]),
        para('platform', '政府信息公开平台建设', [staff('网站改版。')]),
      ]),
      narrative([
        para('proactive', '主动公开', [
          staff('2021年，临港区加大…力度，'),
          gen('proactive.publications', '公开信息9182条。'),
          staff('  另有 “引号” 与空格。\n'),
        ]),
        para('requests', '依申请公开', [
          gen('requests.fees', '无收费。'),
          staff('依法答复。'),
          gen('requests.summary', '本年新收申请6件。'),
        ]),
        para('platform', '政府信息公开平台建设', [staff('网站改版。')]),
      ]),
    ],
    [
      'a generated key missing from the stored text: appended to its topic paragraph',
      narrative([
        para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
        para('requests', '依申请公开', [staff('依法答复。'), gen('requests.summary', '旧。')]),
      ]),
      narrative([
        para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
        para('requests', '依申请公开', [
          staff('依法答复。'),
          gen('requests.summary', '本年新收申请6件。'),
          gen('requests.fees', '无收费。'),
        ]),
      ]),
    ],
    [
      'a whole paragraph missing that has generated text: appended at the end of its section',
      narrative([
        para('platform', '平台', [staff('网站改版。')]),
        para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
      ]),
      narrative([
        para('platform', '平台', [staff('网站改版。')]),
        para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
        para('requests', '依申请公开', [
          gen('requests.summary', '本年新收申请6件。'),
          gen('requests.fees', '无收费。'),
        ]),
      ]),
    ],
    [
      'an empty paragraph staff deleted: not resurrected',
      narrative([
        para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
        para('requests', '依申请公开', [gen('requests.summary', '旧。'), gen('requests.fees', '旧。')]),
      ]),
      narrative([
        para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
        para('requests', '依申请公开', [
          gen('requests.summary', '本年新收申请6件。'),
          gen('requests.fees', '无收费。'),
        ]),
      ]),
    ],
    [
      'a generated sentence staff moved to another paragraph: replaced where it stands',
      narrative([
        para('proactive', '主动公开', [
          gen('proactive.publications', '旧。'),
          gen('requests.fees', '旧收费。'),
        ]),
        para('requests', '依申请公开', [gen('requests.summary', '旧。')]),
      ]),
      narrative([
        para('proactive', '主动公开', [
          gen('proactive.publications', '公开信息9182条。'),
          gen('requests.fees', '无收费。'),
        ]),
        para('requests', '依申请公开', [gen('requests.summary', '本年新收申请6件。')]),
      ]),
    ],
    [
      'a generated sentence the draft no longer has: left as it was',
      narrative([
        para('proactive', '主动公开', [
          gen('proactive.publications', '旧。'),
          gen('proactive.retired', '旧的另一句。'),
        ]),
        para('requests', '依申请公开', [gen('requests.summary', '旧。'), gen('requests.fees', '旧。')]),
      ]),
      narrative([
        para('proactive', '主动公开', [
          gen('proactive.publications', '公开信息9182条。'),
          gen('proactive.retired', '旧的另一句。'),
        ]),
        para('requests', '依申请公开', [
          gen('requests.summary', '本年新收申请6件。'),
          gen('requests.fees', '无收费。'),
        ]),
      ]),
    ],
    [
      'sections 五 and 六, which the draft leaves empty: untouched',
      narrative(
        [
          para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
          para('requests', '依申请公开', [
            gen('requests.summary', '本年新收申请6件。'),
            gen('requests.fees', '无收费。'),
          ]),
        ],
        [para('problems', '', [staff('存在问题。')])],
        [para('proposals', '', [staff('1.无。')])],
      ),
      narrative(
        [
          para('proactive', '主动公开', [gen('proactive.publications', '公开信息9182条。')]),
          para('requests', '依申请公开', [
            gen('requests.summary', '本年新收申请6件。'),
            gen('requests.fees', '无收费。'),
          ]),
        ],
        [para('problems', '', [staff('存在问题。')])],
        [para('proposals', '', [staff('1.无。')])],
      ),
    ],
  ])('%s', (_situation, stored, expected) => {
    expect(mergeNarrative(stored, draft)).toEqual(expected);
  });

  it('never overwrites a sentence staff took over (a staff segment)', () => {
    const stored = narrative([
      para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
      para('requests', '依申请公开', [
        staff('本年新收申请6件（均已按期答复）。'),
        gen('requests.fees', '旧。'),
      ]),
    ]);
    const merged = mergeNarrative(stored, draft);
    const requests = merged.overview[1].segments;
    expect(requests[0]).toEqual(staff('本年新收申请6件（均已按期答复）。'));
    expect(requests[1]).toEqual(gen('requests.fees', '无收费。'));
  });

  it('neither changes what is stored nor the draft', () => {
    const stored = narrative([
      para('proactive', '主动公开', [staff('甲。'), gen('proactive.publications', '旧。')]),
    ]);
    const storedCopy = structuredClone(stored);
    const draftCopy = structuredClone(draft);
    mergeNarrative(stored, draft);
    expect(stored).toEqual(storedCopy);
    expect(draft).toEqual(draftCopy);
  });

  it('returns a copy of the draft when nothing is stored, not the draft itself', () => {
    const merged = mergeNarrative(null, draft);
    expect(merged).toEqual(draft);
    expect(merged).not.toBe(draft);
  });

  it('is idempotent: regenerating twice gives the same narrative', () => {
    const once = mergeNarrative(LINGANG_2021_NARRATIVE, draft);
    expect(mergeNarrative(once, draft)).toEqual(once);
  });

  it('keeps every staff sentence of the seed narrative, in order', () => {
    const staffTexts = (n: Narrative) =>
      (['overview', 'problems', 'other'] as const).flatMap((k) =>
        n[k].flatMap((p) => p.segments.filter((s) => s.kind === 'staff').map((s) => s.text)),
      );
    const merged = mergeNarrative(LINGANG_2021_NARRATIVE, draft);
    expect(staffTexts(merged)).toEqual(staffTexts(LINGANG_2021_NARRATIVE));
  });

  it('does not generate again, next to it, a sentence staff took over', () => {
    // Editing a generated sentence turns it into a staff segment that remembers the key it replaces.
    const edited = {
      kind: 'staff' as const,
      text: '本年新收申请6件（均已按期答复）。',
      replaces: 'requests.summary',
    };
    const stored = narrative([
      para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
      para('requests', '依申请公开', [edited, gen('requests.fees', '旧。')]),
    ]);
    const merged = mergeNarrative(stored, draft);
    expect(merged.overview[1].segments).toEqual([edited, gen('requests.fees', '无收费。')]);
  });

  it('does not duplicate a generated sentence staff moved to another section', () => {
    // A key that stands in section 六 is refreshed there and not appended to section 一 again.
    const stored = narrative(
      [
        para('proactive', '主动公开', [gen('proactive.publications', '旧。')]),
        para('requests', '依申请公开', [gen('requests.summary', '旧。')]),
      ],
      [],
      [para('fees', '', [gen('requests.fees', '旧收费。')])],
    );
    const merged = mergeNarrative(stored, draft);
    const keys = (['overview', 'problems', 'other'] as const).flatMap((k) =>
      merged[k].flatMap((p) => p.segments.flatMap((s) => (s.kind === 'generated' ? [s.key] : []))),
    );
    expect(keys.filter((k) => k === 'requests.fees')).toHaveLength(1);
    expect(merged.other[0].segments).toEqual([gen('requests.fees', '无收费。')]);
  });
});
