/**
 * `gongkai check` as a user runs it (issue 14): one file or several (JSON Lines, or text), the
 * previous year's report given or paired by agency and year, the exit codes (0 clean, 1 errors,
 * 2 unreadable), and a folder checked into reports.csv, findings.csv, reports.json and index.html.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_2021 } from '../src/domain/report/formats/2021/index.ts';
import { runGongkai } from './cli-run.ts';

const SEED = join(import.meta.dirname, 'fixtures/lingang-2021-annual-report.txt');
const REAL = join(import.meta.dirname, 'fixtures/real-reports');
const seedText = readFileSync(SEED, 'utf8');

/** The seed text with one number changed, as a careless agency would print it. */
function variant(dir: string, name: string, change: (text: string) => string): string {
  const path = join(dir, name);
  writeFileSync(path, change(seedText));
  return path;
}

describe('gongkai check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-cli-'));

  it('one clean report: its JSON on one line, exit 0', async () => {
    const run = await runGongkai(['check', SEED]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] as string);
    expect(result).toMatchObject({
      agency: '威海临港经济技术开发区管理委员会',
      year: 2021,
      format: '2021',
      errors: 0,
      violations: [],
    });
    expect(Object.keys(result.cells)).toEqual([...FORMAT_2021.cellCodes]);
    expect(result.cells['t2.license.decisions']).toBe(5416);
    expect(result.sections.map((s: { printedHeading: string | null }) => s.printedHeading !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(result.claims.map((c: { quote: string }) => c.quote)).toContain('本年新收政府信息公开申请6件');
  });

  it('a report whose tables do not add up: the findings, exit 1; as text for people', async () => {
    // 结转下年度 printed as 1 for 自然人 and 总计 (R1 in both columns)
    const carriedOut = (values: string) => (t: string) =>
      t.replace(
        /四、结转下年度继续办理(?:\n\t\d+){7}/,
        `四、结转下年度继续办理${values
          .split(' ')
          .map((v) => `\n\t${v}`)
          .join('')}`,
      );
    const broken = variant(dir, 'broken.txt', carriedOut('1 0 0 0 0 0 1'));
    const json = await runGongkai(['check', broken]);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout);
    expect(result.violations.map((v: { rule: string }) => v.rule)).toEqual(['R1', 'R1']);
    const text = await runGongkai(['check', broken, '--format', 'text']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('错误2项');
    expect(text.stdout).toContain(
      '[错误] R1 表三“自然人”列：本年新收(6)加上年结转(0)为6，应等于办理结果总计(6)加结转下年度(1)，现为7。',
    );
  });

  it('the previous year given: this year’s 上年结转 against last year’s 结转下年度 (R7), and 雷同 (R12)', async () => {
    const lastYear = variant(dir, 'last.txt', (t) =>
      t
        .replaceAll('2021年', '2020年')
        .replace(
          /四、结转下年度继续办理(?:\n\t\d+){7}/,
          '四、结转下年度继续办理\n\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t2',
        ),
    );
    const run = await runGongkai(['check', SEED, '--previous', lastYear]);
    expect(run.code).toBe(1);
    const rules = JSON.parse(run.stdout).violations.map((v: { rule: string }) => v.rule);
    // and 现行有效 11 where last year's 11 plus 5 issued makes 16 (R8, a warning)
    expect(rules).toEqual(['R7', 'R7', 'R8', 'R12']);
  });

  it('several files: one line each in the order given; the previous year found among them', async () => {
    const lastYear = variant(dir, 'lingang-2020.txt', (t) => t.replaceAll('2021年', '2020年'));
    const run = await runGongkai(['check', SEED, lastYear]);
    const [first, second] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect([first.year, second.year]).toEqual([2021, 2020]);
    // the 2021 report was compared with the 2020 one: word for word the same text (雷同)
    expect(first.violations.map((v: { rule: string }) => v.rule)).toEqual(['R8', 'R12']);
    expect(second.violations).toEqual([]);
  });

  it('an unreadable file: why, in Chinese, exit 2', async () => {
    const png = join(dir, 'table.png');
    writeFileSync(
      png,
      Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f2a4d30000000049454e44ae426082',
        'hex',
      ),
    );
    const run = await runGongkai(['check', png]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      file: png,
      unreadable: '上传的是图片，无法读取表格数字：请上传年度报告的 DOCX、PDF 或网页文件。',
      reason: 'image',
    });
    const missing = await runGongkai(['check', join(dir, 'nowhere.pdf')]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).unreadable).toContain('无法打开文件');
  });

  it('usage errors name what to do', async () => {
    expect((await runGongkai(['check'])).stderr).toContain('缺少文件：gongkai check 报告.pdf');
    const folder = await runGongkai(['check', REAL]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('是文件夹：请用 --out 指定输出文件夹');
  });

  it('a folder: reports.csv by cell code, findings.csv, reports.json and index.html; progress on stderr', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'check-folder-'));
    for (const name of [
      'shanghai-bangongting-2019.html',
      'guangzhou-liwan-nanyuan-2020.txt',
      'dalian-changxingdao-2022.txt',
      'chongqing-jiulongpo-erlang-2022.txt',
    ])
      copyFileSync(join(REAL, name), join(folder, name));
    copyFileSync(SEED, join(folder, 'lingang-2021.txt'));
    writeFileSync(
      join(folder, 'notes.doc'),
      Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'),
    );
    writeFileSync(join(folder, 'readme.log'), 'not a report');
    const out = join(folder, 'out');
    const run = await runGongkai(['check', folder, '--out', out]);
    // an old .doc cannot be read: exit 2, listed with why
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('已检查 6/6 份');
    expect(run.stderr).toContain('共 6 份：5 份已读取');

    const csv = readFileSync(join(out, 'reports.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFagency_code,agency_name,year,format,version,published_on,')).toBe(true);
    const [header, ...rows] = csv.trim().split('\r\n');
    const columns = (header as string).split(',');
    expect(columns.at(-1)).toBe('source_file');
    expect(rows).toHaveLength(5);
    const seedRow = (rows.find((r) => r.includes('lingang-2021.txt')) as string).split(',');
    expect(seedRow[columns.indexOf('t2.license.decisions')]).toBe('5416');
    expect(seedRow[columns.indexOf('t2.fees.amount_wan')]).toBe('706');
    // the 2019-format reports fill the 2019 format's own columns too
    expect(columns).toContain('t2.procurement.amount_yuan');

    const findings = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(findings).toContain('R9,正文数字与表格一致,error');
    expect(findings).toContain('notes.doc');
    const json = JSON.parse(readFileSync(join(out, 'reports.json'), 'utf8'));
    expect(json).toHaveLength(6);
    expect(json.find((r: { file?: string }) => r.file?.endsWith('lingang-2021.txt'))).toMatchObject({
      format: '2021',
      year: 2021,
      version: null,
      schema: '/api/v1/public/report-schemas/2021.json',
    });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<title>年报体检结果</title>');
    expect(html).toContain('role="img"');
    expect(html).not.toContain('<script');
  });
});
