/** The work of one pool thread (pool.ts): read a report file from disk, answer the reading or why it cannot be read. */
import { parentPort } from 'node:worker_threads';
import { readReportPath } from './check-file.ts';

parentPort?.on('message', async ({ id, path }: { id: number; path: string }) => {
  try {
    parentPort?.postMessage({ id, result: await readReportPath(path) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
