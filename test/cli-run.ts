/**
 * Runs the `gongkai` command line in the test's own process (no `node bin/gongkai.js` start-up per
 * call): the same `runCli` the bin calls, with buffers for stdout and stderr, the given standard
 * input and environment. test/cli.test.ts keeps one real-process run of the bin itself.
 * `runCaptured` runs one command of src/cli/ (its `…Command(io, db, args)`) on the test's own
 * database, with the same buffers.
 */
import { Readable } from 'node:stream';
import type { CliIo, CliOutput } from '../src/cli/io.ts';
import { runCli } from '../src/cli/main.ts';

/** What a run of the command gave: its exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that is not a terminal (like a pipe), keeping what is written. */
export class Captured implements CliOutput {
  readonly isTTY = false;
  private readonly chunks: Buffer[] = [];

  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return true;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** What a run is given: `env` added to the process's environment, `stdin` as standard input. */
export interface CliRunOptions {
  env?: Record<string, string>;
  stdin?: string;
}

/** A run's io whose stdout and stderr are kept: `io.stdout.text()` is all the command printed. */
export interface CapturedIo extends CliIo {
  readonly stdout: Captured;
  readonly stderr: Captured;
}

/**
 * An io for one run: stdout and stderr kept (not terminals), `env` added to the process's
 * environment (as a child process would inherit it), `stdin` as standard input (empty when not given).
 */
export function capturedIo(options: CliRunOptions = {}): CapturedIo {
  return {
    stdout: new Captured(),
    stderr: new Captured(),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin, 'utf8')]),
    env: { ...process.env, ...options.env },
  };
}

/**
 * Runs `command` on a captured io: a command of the CLI given the test's own database, such as
 * `(io) => requestCommand(io, db, args)`. What it throws (a UsageError) is thrown.
 */
export async function runCaptured(
  command: (io: CliIo) => Promise<number>,
  options: CliRunOptions = {},
): Promise<CliRun> {
  const io = capturedIo(options);
  const code = await command(io);
  return { code, stdout: io.stdout.text(), stderr: io.stderr.text() };
}

/** `gongkai ...args` in-process, on a captured io (capturedIo: `env`, `stdin`). */
export function runGongkai(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return runCaptured((io) => runCli(args, io), options);
}
