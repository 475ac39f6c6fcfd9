/**
 * `gongkai check` (年报体检, issue 14): reads and checks published annual reports of any agency.
 *   gongkai check FILE... [--previous FILE] [--format json|text]
 *     one JSON object per report on standard output (JSON Lines), or a text summary;
 *     exit 0 clean, 1 errors found, 2 a file unreadable (or a usage error)
 *   gongkai check DIR --out OUTDIR
 *     a folder of reports (a province's): reports.csv, findings.csv, reports.json, index.html
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadReport } from '../domain/report/reading/read-report.ts';
import { writeBatch } from '../report-check/batch.ts';
import {
  type CheckResult,
  checked,
  isUnreadable,
  readReportPath,
  type UnreadableFile,
} from '../report-check/check-file.ts';
import { pairWithPrevious } from '../report-check/pair.ts';
import { readAllPaths } from '../report-check/pool.ts';
import { type CliIo, flags, UsageError, writeErr } from './io.ts';

// the files a folder's reports come as; .doc, .wps and pictures are listed as unreadable with what to do
const REPORT_FILE = /\.(?:pdf|docx?|wps|html?|shtml|mht|txt|md|markdown|text|png|jpe?g|tiff?)$/i;

/** Every report file under a folder, in name order. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && REPORT_FILE.test(entry.name)) out.push(path);
  }
  return out;
}

/** A progress line on standard error: a bar on a terminal, a line every tenth otherwise. */
function progress(io: CliIo, total: number): (done: number) => void {
  const started = Date.now();
  let lastTenth = -1;
  return (done) => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const text = `${done}/${total} 份，${rate.toFixed(1)} 份/秒`;
    if (io.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      io.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}${done === total ? '\n' : ''}`,
      );
    } else {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth;
        writeErr(io, `已检查 ${text}`);
      }
    }
  };
}

async function readAll(io: CliIo, paths: string[], showProgress: boolean) {
  const read: Array<{ path: string; report: ReadReport }> = [];
  const unreadable: UnreadableFile[] = [];
  const answers = await readAllPaths(paths, showProgress ? progress(io, paths.length) : undefined);
  answers.forEach((result, i) => {
    if (isUnreadable(result)) unreadable.push(result);
    else read.push({ path: paths[i] as string, report: result });
  });
  return { read, unreadable };
}

function textSummary(result: CheckResult): string {
  if (isUnreadable(result)) return `${result.file}\n  无法读取：${result.unreadable}\n`;
  const head = `${result.file}\n  ${result.agency ?? '（未识别机关）'} ${result.year ?? '（未识别年度）'}年度报告，${result.format}年版格式；可信度 表二${result.confidence.t2} 表三${result.confidence.t3} 表四${result.confidence.t4}；错误${result.errors}项，警告${result.warnings}项`;
  const lines = result.violations.map(
    (v) =>
      `  [${v.severity === 'error' ? '错误' : v.severity === 'warning' ? '警告' : '提示'}] ${v.rule} ${v.message}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}

export async function checkCommand(io: CliIo, args: string[]): Promise<number> {
  const { values, positionals } = flags(args, {
    previous: { type: 'string' },
    format: { type: 'string', default: 'json' },
    out: { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError(
      '缺少文件：gongkai check 报告.pdf [--previous 上年报告.pdf] [--format json|text]，或 gongkai check 文件夹 --out 输出文件夹',
    );
  if (values.format !== 'json' && values.format !== 'text')
    throw new UsageError('--format 应为 json 或 text');

  const first = positionals[0] as string;
  const isDir = positionals.length === 1 && (await stat(first).catch(() => null))?.isDirectory() === true;
  if (values.out && !isDir)
    throw new UsageError('--out 用于检查一个文件夹：gongkai check 文件夹 --out 输出文件夹');
  if (isDir && !values.out)
    throw new UsageError(
      `${first} 是文件夹：请用 --out 指定输出文件夹（gongkai check ${first} --out 输出文件夹）`,
    );

  const paths = isDir ? await filesUnder(first) : positionals;
  if (isDir && paths.length === 0)
    throw new UsageError(`${first} 中没有可检查的报告文件（PDF、DOCX、HTML、TXT、Markdown）`);
  const { read, unreadable } = await readAll(io, paths, isDir);
  let given: ReadReport | null = null;
  if (values.previous) {
    const previous = await readReportPath(values.previous);
    if (isUnreadable(previous))
      throw new UsageError(`上年报告 ${values.previous} 无法读取：${previous.unreadable}`);
    given = previous;
  }
  const pairs = pairWithPrevious(read.map(({ path, report }) => ({ key: path, report })));
  const byPath = new Map<string, CheckResult>([
    ...read.map(({ path, report }): [string, CheckResult] => [
      path,
      checked(path, report, given ?? pairs.get(path) ?? null),
    ]),
    ...unreadable.map((u): [string, CheckResult] => [u.file, u]),
  ]);
  const results = paths.flatMap((path) => byPath.get(path) ?? []);
  if (isDir) {
    await writeBatch(values.out as string, results);
    const errors = results.filter((r) => !isUnreadable(r) && r.errors > 0).length;
    writeErr(
      io,
      `共 ${results.length} 份：${read.length} 份已读取（${errors} 份有错误），${unreadable.length} 份无法读取；结果在 ${values.out}（index.html、reports.csv、findings.csv、reports.json）`,
    );
  } else {
    for (const result of results)
      io.stdout.write(values.format === 'json' ? `${JSON.stringify(result)}\n` : textSummary(result));
  }
  if (unreadable.length > 0) return 2;
  return results.some((r) => !isUnreadable(r) && r.errors > 0) ? 1 : 0;
}
