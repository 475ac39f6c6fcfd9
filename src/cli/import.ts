import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { importRecords } from '../commands/import-records.ts';
import type { Db } from '../db/connection.ts';
import { cliContext } from './command-context.ts';
import { type CliIo, cliUsername, UsageError, writeErr } from './io.ts';

/** `gongkai import FILE` (or `-` for standard input): JSON Lines, all or nothing. Exit 2 on a bad line. */
export async function importCommand(io: CliIo, db: Db, args: string[]): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError('缺少文件：gongkai import 文件.jsonl（格式见 docs/import-format.md）');
  let size = 0;
  if (file !== '-') {
    try {
      size = statSync(file).size;
    } catch {
      throw new UsageError(`无法读取文件 ${file}：请检查路径`);
    }
  }
  const input = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
  // The iterator is taken now: readline emits lines as soon as the file flows, and lines emitted
  // before an iterator exists are lost — on PostgreSQL the import awaits its BEGIN first, and under
  // load it lost the file's first lines (then hung or reported every record's agency as unknown).
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  const lines: AsyncIterable<string> = { [Symbol.asyncIterator]: () => reader };
  const started = Date.now();
  const tty = io.stderr.isTTY;
  const result = await importRecords(cliContext(db, { username: cliUsername(io) }), {
    lines,
    source: file === '-' ? 'stdin' : file,
    progressEvery: 20_000,
    onProgress: (n) => {
      if (!tty) return;
      const read = 'bytesRead' in input && typeof input.bytesRead === 'number' ? input.bytesRead : 0;
      const pct = size > 0 ? `，${Math.floor((read * 100) / size)}%` : '';
      const rate = Math.round(n / Math.max((Date.now() - started) / 1000, 0.001));
      io.stderr.write(`\r已读取 ${n} 行${pct}，${rate} 行/秒   `);
    },
  });
  if (tty) io.stderr.write('\r\x1b[K');
  if (!result.ok) {
    for (const p of result.problems) writeErr(io, `第${p.line}行：${p.reason}`);
    writeErr(io, `导入失败：文件 ${file} 有问题，未写入任何记录。`);
    return 2;
  }
  const counts = Object.entries(result.counts)
    .map(([type, n]) => `${type} ${n}`)
    .join('，');
  // SQLite: the write lock is held only while the checked file is applied (others' writes wait for that)
  const lock =
    result.lockMs === undefined ? '' : `，其中占用数据库写锁 ${(result.lockMs / 1000).toFixed(1)} 秒`;
  writeErr(
    io,
    `导入完成：${result.lines} 行（${counts}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒${lock}。`,
  );
  return 0;
}
