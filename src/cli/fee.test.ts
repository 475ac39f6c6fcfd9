import { describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from '../../test/cli-run.ts';

/** Runs `gongkai fee …` as a user would (in-process); no database is touched. */
function gongkai(...args: string[]): Promise<CliRun> {
  return runGongkai(['fee', ...args]);
}

describe('gongkai fee', () => {
  it.each([
    ['31 pieces in a month: 20 × 100 + 1 × 200', ['per-piece', '31'], '2200'],
    ['the free ten pieces', ['per-piece', '10'], '0'],
    ['5 pieces after 8 this month: pieces 9–13', ['per-piece', '5', '--previous', '8'], '300'],
    ['250 pages: 70 × 10 + 100 × 20 + 50 × 40', ['per-page', '250'], '4700'],
    ['no page', ['per-page', '0'], '0'],
  ])('prints only the fee in 元 for %s', async (_situation, args, yuan) => {
    const run = await gongkai(...args);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${yuan}\n`);
  });

  it('writes the lines of the fee notice to standard error with --breakdown', async () => {
    const run = await gongkai('per-piece', '31', '--breakdown');
    expect(run.stdout).toBe('2200\n');
    expect(run.stderr).toContain('第11–30件，每件100元，计2000元');
    expect(run.stderr).toContain('第31件，每件200元，计200元');
  });

  it.each([
    ['a negative count', ['per-page', '-1'], '页数应为不小于0的整数：-1'],
    ['a fraction', ['per-piece', '1.5'], '件数应为不小于0的整数：1.5'],
    ['a word', ['per-piece', 'ten'], '件数应为不小于0的整数：ten'],
    ['exponent notation', ['per-page', '1e3'], '页数应为不小于0的整数：1e3'],
    ['a count too large for an exact fee', ['per-piece', '1000000000'], '超出可精确计算的范围'],
    ['a bad --previous', ['per-piece', '3', '--previous', 'x'], '本月此前件数应为不小于0的整数：x'],
    ['--previous with pages', ['per-page', '40', '--previous', '3'], '不能使用 --previous'],
    ['a missing count', ['per-page'], '缺少页数'],
    ['an unknown method', ['per-hour', '3'], '未知的计费方式：per-hour'],
    ['an extra argument', ['per-page', '40', '41'], '多余的参数：41'],
  ])('exits with 2 and says why on %s', async (_situation, args, message) => {
    const run = await gongkai(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
