import { describe, expect, it } from 'vitest';
import { indexText } from './segment.ts';
import { indexTexts, POOL_THRESHOLD } from './segment-pool.ts';

const SAMPLES = [
  '关于做好2021年度城乡低保资金发放工作的通知',
  '按照GB/T 9704-2012执行，威临管发〔2021〕3号',
  'Café 城乡居民最低生活保障 COVID-19',
  '',
];

describe('indexTexts', () => {
  it('gives in worker threads exactly what segmentation gives in place', { timeout: 60_000 }, async () => {
    const texts = Array.from(
      { length: POOL_THRESHOLD + 500 },
      (_, i) => `${SAMPLES[i % SAMPLES.length]}${i}`,
    );
    const pooled = await indexTexts(texts, true);
    expect(pooled).toEqual(texts.map(indexText));
  });

  it('segments a few texts in place', async () => {
    expect(await indexTexts(SAMPLES, false)).toEqual(SAMPLES.map(indexText));
  });
});
