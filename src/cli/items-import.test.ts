import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGongkai } from '../../test/cli-run.ts';
import { progressLine } from './items-import.ts';

describe('progressLine', () => {
  it.each<[string, [number, number, number, number], string]>([
    [
      'half of a known size',
      [5000, 524_288, 1_048_576, 2],
      '████████████░░░░░░░░░░░░ 50%  0.5/1.0 MB  5000 行  2500 行/秒',
    ],
    [
      'the end of the file',
      [100, 2_097_152, 2_097_152, 1],
      '████████████████████████ 100%  2.0/2.0 MB  100 行  100 行/秒',
    ],
    ['standard input, size unknown', [300, 1_048_576, 0, 3], '已读取 300 行，100 行/秒，1.0 MB'],
  ])('%s', (_situation, [rows, bytes, size, seconds], expected) => {
    expect(progressLine(rows, bytes, size, seconds)).toBe(expected);
  });
});

describe('gongkai items import', () => {
  let dir: string;
  const gongkai = (...args: string[]) =>
    runGongkai(args, { env: { DATABASE_URL: `sqlite:${join(dir, 'g.db')}`, GONGKAI_DEMO: '0' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-items-'));
    writeFileSync(
      join(dir, 'agency.jsonl'),
      '{"type":"agency","code":"cli-items","name":"某局","kind":"department"}\n',
    );
    expect((await gongkai('import', join(dir, 'agency.jsonl'))).code).toBe(0);
  });

  it.each<[string, string, number, string]>([
    [
      'a good file',
      '标题,类别,成文日期,发布日期\n通知,a20.2,2021-03-01,2021-03-02\n',
      0,
      '导入完成：1 条信息已发布',
    ],
    [
      'a bad row',
      '标题,类别,成文日期,发布日期\n通知,a20.2,2021-03-01,2021-02-30\n',
      2,
      '第2行：列“发布日期”的值“2021-02-30”不是有效日期',
    ],
  ])('%s', async (_situation, text, code, mentions) => {
    const file = join(dir, `${code}.csv`);
    writeFileSync(file, text);
    const run = await gongkai('items', 'import', file, '--agency', 'cli-items');
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(mentions);
  });

  it('explains its usage', async () => {
    const run = await gongkai('items', 'export');
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('gongkai items import FILE')]);
  });
});
