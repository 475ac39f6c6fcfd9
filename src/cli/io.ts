import type { Readable } from 'node:stream';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Violation } from '../domain/report/types.ts';

/** A usage or input error: the CLI prints its message and exits with 2. */
export class UsageError extends Error {}

/** Where a command writes: the process's stdout/stderr, or a test's buffer. */
export interface CliOutput {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean;
}

/**
 * What one run of the CLI reads and writes: its output streams, standard input (FILE `-`,
 * --password-stdin) and environment (DATABASE_URL, USER). The process's own for `bin/gongkai.js`;
 * buffers and a given environment when a test runs the CLI in-process.
 */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The running process's streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Parses a command's flags; unknown flags are a UsageError naming them. */
export function flags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true as const });
  } catch (error) {
    throw new UsageError(`参数有误：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The database URL of every command: DATABASE_URL, else the embedded SQLite file. */
export function databaseUrl(io: CliIo): string {
  return io.env.DATABASE_URL || 'sqlite:./data/gongkai.db';
}

/** The name the CLI acts under: `cli:$USER` (USERNAME on Windows). */
export function cliUsername(io: CliIo): string {
  return `cli:${io.env.USER || io.env.USERNAME || 'unknown'}`;
}

/** Writes one line to standard error. */
export function writeErr(io: CliIo, line: string): void {
  io.stderr.write(`${line}\n`);
}

/** Writes a value as indented JSON, one line break after it, to standard output. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** All of standard input as UTF-8 text. */
export async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Prints each violation on one line: severity, rule code, the cells, the message. */
export function printViolations(io: CliIo, violations: ReadonlyArray<Violation>): void {
  for (const v of violations) {
    const cells = v.cells.length ? ` [${v.cells.join(', ')}]` : '';
    writeErr(io, `${v.severity === 'error' ? '错误' : '提示'} ${v.code}${cells}：${v.message}`);
  }
}
