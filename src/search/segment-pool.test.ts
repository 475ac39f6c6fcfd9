import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A process that started the pool (warmed it, or gave its work to one worker of several) ends by
 * itself when its own work is done: idle workers do not hold it. They did — the worker was
 * unref'd before its 'message' listener was added, which refs its port again — and a bench or a
 * command without process.exit waited forever.
 */
describe('the segment pool and the end of the process', () => {
  const pool = new URL('./segment-pool.ts', import.meta.url).href;
  const ends = (script: string) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      // a script file, as a bench or the CLI runs (with -e the process ended either way)
      const file = join(mkdtempSync(join(tmpdir(), 'gk-pool-')), 'end.mts');
      writeFileSync(file, `const p = await import(${JSON.stringify(pool)});\n${script}\n`);
      const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });

  it.each([
    ['warmed and never used', "p.warmSegmentPool(); console.log('done');"],
    ["warmed for SQLite's jobs only", "p.warmSegmentPool('terms'); console.log('done');"],
    [
      'one job given to one worker',
      "const r = await p.indexTexts(['关于城乡低保的通知', '正文'], true); console.log('done', r.length);",
    ],
  ])('a process whose pool was %s exits by itself', { timeout: 30_000 }, async (_case, script) => {
    const { code, output } = await ends(script);
    expect(output).toMatch(/^done/m);
    expect(code).toBe(0);
  });
});
