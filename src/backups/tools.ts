/**
 * Running PostgreSQL's client programs (pg_dump, pg_restore, psql): found on PATH, or in
 * GONGKAI_PG_BIN; the password goes in the environment (PGPASSWORD), never on the command line.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BackupError } from './errors.ts';

/** A PostgreSQL URL split into the one the tools are given and the environment carrying its password. */
export function toolConnection(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const base = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return { url: parsed.toString(), env: password ? { ...base, PGPASSWORD: password } : base };
}

/** A started tool: its standard streams and its end (rejects with its stderr on failure). */
export interface RunningTool {
  stdin: Writable;
  stdout: Readable;
  done: Promise<void>;
}

/** Starts `tool` with `args`; `stdout: 'pipe'` to read its output. */
export function startTool(
  tool: 'pg_dump' | 'pg_restore' | 'psql',
  args: string[],
  env: Record<string, string>,
): RunningTool {
  const command = env.GONGKAI_PG_BIN ? join(env.GONGKAI_PG_BIN, tool) : tool;
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `未找到 ${tool}：请安装 PostgreSQL 客户端程序（主版本不低于数据库服务器），或把 GONGKAI_PG_BIN 设为其所在文件夹。`,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const said = Buffer.concat(errors).toString('utf8').trim().slice(0, 2000);
      reject(new Error(`${tool} 失败（退出码 ${code}）：${said}`));
    });
  });
  return { stdin: child.stdin, stdout: child.stdout, done };
}
