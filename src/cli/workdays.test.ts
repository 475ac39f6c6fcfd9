import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from '../../test/cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-workdays-'));
const calendarFile = join(dir, 'calendar.json');
writeFileSync(
  calendarFile,
  JSON.stringify({
    notices: [{ year: 2027, documentNumber: '测试通知', holidays: ['2027-01-01'], workdays: [] }],
    overrides: [{ date: '2024-02-09', kind: 'holiday', source: '本地通知' }],
  }),
);

/** Runs `gongkai …` (in-process) and returns its exit code and output. */
function gongkai(...args: string[]): Promise<CliRun> {
  return runGongkai(args);
}

describe.concurrent('gongkai workdays', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['20 working days from before Spring Festival 2024', ['add', '2024-02-08', '20'], '2024-03-13', ''],
    ['a count into unconfirmed 2027 warns', ['add', '2026-12-10', '20'], '2027-01-08', '2027 年'],
    [
      'New Year’s Day of unconfirmed 2027 is off (放假办法 第二条)',
      ['add', '2026-12-31', '1'],
      '2027-01-04',
      '放假办法》第二条',
    ],
    [
      'the 2027 notice and an override from --calendar',
      ['add', '2026-12-10', '20', '--calendar', calendarFile],
      '2027-01-08',
      '',
    ],
    [
      'an override from --calendar',
      ['add', '2024-02-08', '20', '--calendar', calendarFile],
      '2024-03-14',
      '',
    ],
    ['the working days between two dates', ['between', '2024-02-08', '2024-03-13'], '20', ''],
    ['between across the 2026–2027 year end', ['between', '2026-12-31', '2027-01-08'], '5', '暂定'],
  ])('prints %s', async (_situation, args, value, warning) => {
    const run = await gongkai('workdays', ...args);
    expect(run).toMatchObject({ code: 0, stdout: `${value}\n` });
    if (warning) expect(run.stderr).toContain(warning);
    else expect(run.stderr).toBe('');
  });

  it.each([
    ['an impossible date', ['add', '2024-02-30', '20'], 'DATE'],
    ['a count that is not a number', ['add', '2024-02-08', 'twenty'], 'N 应为'],
    ['a negative count', ['add', '2024-02-08', '-3'], '参数有误'],
    ['a bad second date', ['between', '2024-02-08', '2024-3-1'], 'B 应为'],
    ['an unknown action', ['sub', '2024-02-08', '3'], '用法'],
    ['a missing calendar file', ['add', '2024-02-08', '3', '--calendar', join(dir, 'none.json')], '无法读取'],
  ])('exits with 2 on %s', async (_situation, args, message) => {
    const run = await gongkai('workdays', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
