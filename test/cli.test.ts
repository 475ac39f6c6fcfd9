import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runGongkai } from './cli-run.ts';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };

/** `gongkai …` in-process, on this file's database. */
function gongkai(...args: string[]): Promise<CliRun> {
  return runGongkai(args, { env });
}

/** `node bin/gongkai.js …` as a real process, as a user runs it. */
async function spawned(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await exec('node', ['bin/gongkai.js', ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the gongkai command', () => {
  beforeAll(async () => {
    const demo = await gongkai('demo');
    expect(demo.code).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs as a real process: bin/gongkai.js without a command prints its usage and exits with 2', async () => {
    const run = await spawned();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('用法：gongkai <命令> [参数]');
    expect(run.stderr).toBe('');
  });

  it('prints the seed report as JSON', async () => {
    const run = await gongkai('report', '--agency', 'lingang', '--year', '2021', '--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.agency).toBe('lingang');
    expect(json.year).toBe(2021);
    expect(json.cells['t3.new.total']).toBe(6);
    expect(json.cells['t3.partial.total']).toBe(2);
    expect(json.cells['t2.license.decisions']).toBe(5416);
    expect(json.cells['t2.fees.amount_wan']).toBe('706');
    expect(json.violations).toEqual([]);
  });

  it('searches the demo items: 低保 finds the items about 城乡低保, highlighted', async () => {
    const run = await gongkai('search', '低保', '--agency', 'lingang', '--limit', '10');
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout) as Array<{
      id: number;
      title: string;
      score: number;
      snippet: string;
    }>;
    expect(hits).toHaveLength(10);
    for (const hit of hits) {
      expect(hit.title).toContain('低保');
      expect(hit.snippet).toContain('<mark>低保</mark>');
      expect(hit.score).toBeGreaterThan(0);
    }
  });

  it('writes HTML to standard output and DOCX to a file', async () => {
    const html = await gongkai('report', '--agency', 'lingang', '--year', '2021', '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('三、收到和处理政府信息公开申请情况');
    const out = join(dir, 'report.docx');
    const docx = await gongkai(
      'report',
      '--agency',
      'lingang',
      '--year',
      '2021',
      '--format',
      'docx',
      '--out',
      out,
    );
    expect(docx.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    ['an unknown agency', ['report', '--agency', 'nowhere', '--year', '2021'], 'nowhere'],
    ['a bad year', ['report', '--agency', 'lingang', '--year', '21'], '--year'],
    ['an unknown format', ['report', '--agency', 'lingang', '--year', '2021', '--format', 'xls'], '--format'],
    ['an unknown command', ['publish'], '未知命令'],
    ['an unknown flag', ['report', '--agencyy', 'x'], '参数有误'],
    ['a missing import file', ['import', join(dir, 'none.jsonl')], '无法读取文件'],
  ])('exits with 2 and says why on %s', async (_situation, args, message) => {
    const run = await gongkai(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('rejects an import file with a bad line, writing nothing, and exits with 2', async () => {
    const file = join(dir, 'bad.jsonl');
    const good = { type: 'agency', code: 'cli-x', name: '测试局', kind: 'department' };
    const bad = {
      type: 'request',
      agency: 'cli-x',
      applicant_type: 'natural_person',
      channel: 'online',
      received: '2021-02-30',
      decided: null,
      outcome: null,
    };
    writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`);
    const run = await gongkai('import', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('第2行');
    expect(run.stderr).toContain('received');
    const after = await gongkai('report', '--agency', 'cli-x', '--year', '2021');
    expect(after.code).toBe(2);
  });

  it('imports a good file and reports on it; a report with errors exits with 1', async () => {
    const file = join(dir, 'good.jsonl');
    const lines = [
      { type: 'agency', code: 'cli-y', name: '测试局', kind: 'department' },
      {
        type: 'request',
        agency: 'cli-y',
        applicant_type: 'research',
        channel: 'letter',
        received: '2021-03-01',
        decided: '2021-03-20',
        outcome: 'granted',
        items: ['granted', 'denied.third_party'],
      },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect((await gongkai('import', file)).code).toBe(0);
    const run = await gongkai('report', '--agency', 'cli-y', '--year', '2021', '--format', 'json');
    expect(JSON.parse(run.stdout).cells['t3.granted.research']).toBe(1);
    expect(run.stderr).toContain('R2');
    expect(run.code).toBe(1);
  });

  it('imports fees in 万元 to the 分 and prints them as written; validate refuses a seventh decimal (R6)', async () => {
    const file = join(dir, 'fees.jsonl');
    const lines = [
      { type: 'agency', code: 'cli-fee', name: '收费局', kind: 'department' },
      {
        type: 'admin_figures',
        agency: 'cli-fee',
        year: 2021,
        license: 1,
        penalty: 2,
        enforcement: 3,
        fees_wan: '24252.311082',
      },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect((await gongkai('import', file)).code).toBe(0);
    const run = await gongkai('report', '--agency', 'cli-fee', '--year', '2021', '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.cells['t2.fees.amount_wan']).toBe('24252.311082');
    expect(run.stderr).not.toContain('R6');
    report.cells['t2.fees.amount_wan'] = '24252.3110825';
    const edited = join(dir, 'fees-edited.json');
    writeFileSync(edited, JSON.stringify(report));
    const check = await gongkai('validate', edited, '--today', '2022-06-01');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('R6');
    expect(check.stderr).toContain('应为不小于0、最多六位小数的金额（万元）');
  });

  it('validates an edited report file: a broken sum exits with 1 and names the cells', async () => {
    const run = await gongkai('report', '--agency', 'lingang', '--year', '2021', '--format', 'json');
    const report = JSON.parse(run.stdout);
    const clean = join(dir, 'clean.json');
    writeFileSync(clean, JSON.stringify({ ...report, agencyKind: 'development_zone' }));
    expect((await gongkai('validate', clean, '--today', '2022-06-01')).code).toBe(0);
    report.cells['t3.granted.natural_person'] = 2;
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(report));
    const check = await gongkai('validate', edited, '--today', '2022-06-01');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('R3');
    expect(check.stderr).toContain('R4');
    expect(check.stderr).toContain('t3.total.natural_person');
  });
});
