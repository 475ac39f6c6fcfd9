/**
 * `node --import tsx test/browser/prepare-template.ts TEMPLATE`: what the journeys need before
 * their first server, made in a process of its own while the run's first files run (global-setup.ts
 * starts it and does not wait): builds the staff console when its build is missing or stale (the
 * journeys drive /console), loads the demo agency into TEMPLATE.partial and renames it to TEMPLATE
 * once both are done; a failure leaves its reason in the failed mark (template.ts).
 */
import { rename, writeFile } from 'node:fs/promises';
import { ensureConsoleBuilt } from '../../src/cli/build-console.ts';
import { processIo } from '../../src/cli/io.ts';
import { createDemoDatabase } from './server.ts';
import { templateFailedMark } from './template.ts';

const template = process.argv[2];
if (!template) {
  process.stderr.write('用法：node --import tsx test/browser/prepare-template.ts 模板文件\n');
  process.exit(2);
}
const partial = `${template}.partial`;
try {
  await Promise.all([ensureConsoleBuilt(processIo()), createDemoDatabase(partial)]);
  await rename(partial, template);
} catch (error) {
  await writeFile(
    templateFailedMark(template),
    error instanceof Error ? (error.stack ?? error.message) : String(error),
  );
  process.exitCode = 1;
}
