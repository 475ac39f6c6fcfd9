/**
 * Runs the `gongkai` command line in the test's own process (no `node bin/gongkai.js` start-up per
 * call): the same `runCli` the bin calls, with buffers for stdout and stderr, the given standard
 * input and environment. test/cli.test.ts keeps one real-process run of the bin itself.
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
class Captured implements CliOutput {
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

/**
 * `gongkai ...args` in-process: `env` added to the process's environment (as a child process
 * would inherit it), `stdin` as standard input (empty when not given).
 */
export async function runGongkai(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliRun> {
  const stdout = new Captured();
  const stderr = new Captured();
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin, 'utf8')]),
    env: { ...process.env, ...options.env },
  };
  const code = await runCli(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
