#!/usr/bin/env node
// The `gongkai` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { unsupportedNodeMessage } from './node-version.js';

const tooOld = unsupportedNodeMessage(process.versions.node);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
