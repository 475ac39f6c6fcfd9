import { describe, expect, it } from 'vitest';
import { indexText } from './segment.ts';
import { itemTexts, itemTsvectors, segmentAhead } from './segment-ahead.ts';
import { indexable } from './test-items.ts';
import { arrayElementText, positionalLexemes } from './tsvector.ts';
import type { IndexableItem } from './types.ts';

const items = (count: number): IndexableItem[] =>
  Array.from({ length: count }, (_, i) =>
    indexable({
      id: i + 1,
      agencyId: 1,
      title: `关于做好2021年度城乡低保资金发放工作的通知${i}`,
      docNumber: i % 2 === 0 ? `威临管发〔2021〕${i}号` : null,
      bodyText: `按照GB/T 9704-2012执行，城乡居民最低生活保障第${i}条`,
    }),
  );

const expectedPair = (item: IndexableItem): [string, string] => [
  indexText(item.docNumber ? `${item.title} ${item.docNumber}` : item.title),
  indexText(item.bodyText),
];
const expected = (item: IndexableItem) => [...expectedPair(item)];

describe('segmentAhead and itemTexts', () => {
  it('gives, from the work started ahead, what segmenting in place gives', { timeout: 60_000 }, async () => {
    const batch = items(1_200);
    segmentAhead(batch);
    expect(await itemTexts(batch, true)).toEqual(batch.map(expected));
  });

  it('segments again an item whose text changed after segmentAhead', { timeout: 60_000 }, async () => {
    const batch = items(600);
    segmentAhead(batch);
    const changed = batch[7];
    changed.title = '政府信息公开申请答复';
    changed.bodyText = '依申请公开';
    const texts = await itemTexts(batch, true);
    expect(texts[7]).toEqual(['政府 信息 公开 申请 答复', '依 申请 公开']);
    expect(texts).toEqual(batch.map(expected));
  });

  it('gives the same tsvector lexemes segmented ahead in place (the items import on two cores)', async () => {
    const batch = items(1_100);
    segmentAhead(batch, 'tsvector', true);
    const inPlace = await itemTsvectors(batch, true);
    expect(inPlace).toEqual(batch.map((item) => arrayElementText(positionalLexemes(...expectedPair(item)))));
    segmentAhead(batch, 'tsvector');
    expect(await itemTsvectors(batch, true)).toEqual(inPlace);
  });

  it('segments in place in turns, from the texts as they were when handed over', async () => {
    const batch = items(1_300);
    segmentAhead(batch, 'tsvector', true);
    // queued, not yet run: the writer's I/O goes on between the jobs
    const changed = batch[900];
    changed.title = '政府信息公开申请答复';
    const tsvectors = await itemTsvectors(batch, false);
    expect(tsvectors[900]).toBe(arrayElementText(positionalLexemes(...expectedPair(changed))));
    expect(tsvectors).toEqual(
      batch.map((item) => arrayElementText(positionalLexemes(...expectedPair(item)))),
    );
  });

  it('segments items never handed to segmentAhead, and items met a second time', async () => {
    const batch = items(20);
    expect(await itemTexts(batch, false)).toEqual(batch.map(expected));
    segmentAhead(batch.slice(0, 10));
    expect(await itemTexts(batch, false)).toEqual(batch.map(expected));
    expect(await itemTexts(batch.slice(0, 10), false)).toEqual(batch.slice(0, 10).map(expected));
  });
});
