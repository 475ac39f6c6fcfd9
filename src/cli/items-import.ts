import { importItems } from '../commands/import-items/import-items.ts';
import {
  formatOf,
  ITEM_FILE_FORMATS,
  type ItemFileFormat,
  type ItemSource,
  itemSource,
  openItemFile,
} from '../commands/import-items/sources.ts';
import type { Db } from '../db/connection.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, flags, UsageError, writeErr } from './io.ts';

const USAGE = `gongkai items import FILE [--agency CODE] [--format csv|xlsx|jsonl]
  FILE 为 .csv（UTF-8 或 GBK）、.xlsx（第一个工作表）或 .jsonl；为 - 时从标准输入读取（须写 --format）。
  一行一条已发布的信息，列见 docs/items-import.md；任何一行有误则整个文件不写入。`;

/** A progress line on a terminal: a bar when the size is known (bytes), else rows; and the rate. */
export function progressLine(rows: number, bytes: number, size: number, seconds: number): string {
  const rate = Math.round(rows / Math.max(seconds, 0.001));
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  if (size <= 0) return `已读取 ${rows} 行，${rate} 行/秒，${mb(bytes)} MB`;
  const share = Math.min(bytes / size, 1);
  const filled = Math.round(share * 24);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(24 - filled)}`;
  return `${bar} ${Math.floor(share * 100)}%  ${mb(bytes)}/${mb(size)} MB  ${rows} 行  ${rate} 行/秒`;
}

function open(io: CliIo, file: string, format: ItemFileFormat | undefined): ItemSource {
  if (file === '-') {
    if (!format) throw new UsageError('从标准输入导入时须写 --format csv|xlsx|jsonl');
    return itemSource(io.stdin, format);
  }
  const chosen = format ?? formatOf(file);
  if (!chosen) throw new UsageError(`无法从文件名判断格式：${file}。请写 --format csv|xlsx|jsonl`);
  try {
    return openItemFile(file, chosen);
  } catch {
    throw new UsageError(`无法读取文件 ${file}：请检查路径`);
  }
}

/**
 * `gongkai items import FILE`: published items from CSV, XLSX or JSON Lines, all or nothing; a
 * progress bar on a terminal. Exit 2 with every bad row (number, column, reason) on a bad file.
 */
export async function itemsImportCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new UsageError(`用法：\n${USAGE}`);
  const { values, positionals } = flags(rest, { agency: { type: 'string' }, format: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError(`缺少文件。用法：\n${USAGE}`);
  const format = values.format as ItemFileFormat | undefined;
  if (format && !ITEM_FILE_FORMATS.includes(format)) throw new UsageError('--format 应为 csv、xlsx 或 jsonl');
  const source = open(io, file, format);
  const started = Date.now();
  const tty = io.stderr.isTTY;
  let drawn = 0;
  const result = await importItems(cliContext(db, { username: cliUsername(io) }), {
    file: source,
    source: file === '-' ? 'stdin' : file,
    agency: values.agency,
    progressEvery: 200,
    onProgress: (rows, bytes) => {
      if (!tty || Date.now() - drawn < 100) return;
      drawn = Date.now();
      io.stderr.write(`\r${progressLine(rows, bytes, source.size, (drawn - started) / 1000)}\x1b[K`);
    },
  });
  if (tty) io.stderr.write('\r\x1b[K');
  if (!result.ok) {
    for (const p of result.problems) writeErr(io, `第${p.line}行：${p.reason}`);
    writeErr(io, `导入失败：文件 ${file} 有问题，未写入任何信息。`);
    return 2;
  }
  const seconds = (Date.now() - started) / 1000;
  writeErr(
    io,
    `导入完成：${result.imported} 条信息已发布（读至第 ${result.rows} 行），用时 ${seconds.toFixed(1)} 秒。`,
  );
  return 0;
}
