import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Violation } from '../domain/report/types.ts';

/** A usage or input error: the CLI prints its message and exits with 2. */
export class UsageError extends Error {}

/** Parses a command's flags; unknown flags are a UsageError naming them. */
export function flags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true as const });
  } catch (error) {
    throw new UsageError(`参数有误：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The database URL of every command: DATABASE_URL, else the embedded SQLite file. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || 'sqlite:./data/gongkai.db';
}

export function writeErr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Prints each violation on one line: severity, rule code, the cells, the message. */
export function printViolations(violations: ReadonlyArray<Violation>): void {
  for (const v of violations) {
    const cells = v.cells.length ? ` [${v.cells.join(', ')}]` : '';
    writeErr(`${v.severity === 'error' ? '错误' : '提示'} ${v.code}${cells}：${v.message}`);
  }
}
