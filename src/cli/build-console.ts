import { buildConsole, consoleBuildIsStale } from '../server/console/build.ts';
import { CONSOLE_DIST } from '../server/console/paths.ts';
import { type CliIo, flags, writeErr } from './io.ts';

/** `gongkai build-console [--if-stale]`: builds the staff console (Vite) into dist/console. */
export async function buildConsoleCommand(io: CliIo, args: string[]): Promise<number> {
  const { values } = flags(args, { 'if-stale': { type: 'boolean' } });
  if (values['if-stale'] && !consoleBuildIsStale()) {
    writeErr(io, '工作台已是最新构建，无需重新构建。');
    return 0;
  }
  const started = Date.now();
  await buildConsole();
  writeErr(io, `工作台已构建到 ${CONSOLE_DIST}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  return 0;
}

/** Builds the console when its build is missing or older than its sources; one log line when it does. */
export async function ensureConsoleBuilt(io: CliIo): Promise<void> {
  if (!consoleBuildIsStale()) return;
  const started = Date.now();
  await buildConsole();
  writeErr(io, `工作台源码有更新，已重新构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}
