import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from '../../test/cli-run.ts';
import { yearRanges } from './calendar.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-calendar-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'gongkai.db')}`, USER: 'tester' };

/** Runs `gongkai calendar …` (in-process) on the test's own SQLite file. */
function calendar(...args: string[]): Promise<CliRun> {
  return runGongkai(['calendar', ...args], { env });
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

/** INVENTED TEST DATA, not the real notice for 2027. */
const notice = {
  year: 2027,
  documentNumber: '测试虚构〔2026〕1号',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
};

describe('yearRanges', () => {
  it.each([
    [[2004, 2005, 2006, 2027], '2004–2006、2027'],
    [[2026], '2026'],
    [[], '（无）'],
  ])('writes %j as %s', (years, text) => {
    expect(yearRanges(years)).toBe(text);
  });
});

describe('gongkai calendar', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows 2027 as not confirmed, imports its notice, then shows it confirmed', async () => {
    let run = await calendar('show', '2027');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2027 年：尚未确认');
    run = await calendar('import-notice', file('notice.json', notice));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已导入 2027 年节假日安排通知（测试虚构〔2026〕1号）：放假 3 天');
    expect(run.stdout).toMatch(/重新计算了 \d+ 件未办结申请的答复期限，其中 \d+ 件有变化/);
    run = await calendar('show', '2027');
    expect(run.stdout).toContain('2027 年：已确认');
    expect(run.stdout).toContain('放假（周一至周五）：2027-01-01');
    expect(run.stdout).toContain('由 命令行操作 导入');
  });

  it('adds an override with its source, and removes it', async () => {
    let run = await calendar('override', '2027-01-05', 'holiday', '--source', '某府办发〔2026〕1号');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已将 2027-01-05 调整为放假');
    run = await calendar('show', '2027', '--json');
    expect(JSON.parse(run.stdout).overrides).toMatchObject([
      { date: '2027-01-05', actor: 'cli:tester', actorName: '命令行操作' },
    ]);
    run = await calendar('remove-override', '2027-01-05');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('已撤销 2027-01-05');
  });

  it.each([
    ['a notice with a weekday as 调休', ['import-notice', 'bad'], 'workdays[0]'],
    ['an override without --source', ['override', '2027-01-05', 'holiday'], '--source'],
    ['an impossible date', ['override', '2027-02-30', 'holiday', '--source', 'x'], '有效日期'],
    ['removing an override that does not exist', ['remove-override', '2027-01-06'], '没有工作日历调整'],
    ['an unknown action', ['delete'], '用法'],
  ])('exits with 2 on %s', async (_situation, args, message) => {
    const bad = file('bad.json', { ...notice, workdays: ['2027-01-06'] });
    const run = await calendar(...args.map((a) => (a === 'bad' ? bad : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
