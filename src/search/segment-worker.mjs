// A segmentation worker for bulk indexing (src/search/segment-pool.ts): TypeScript through tsx,
// as bin/gongkai.js does it, so it runs the same segment.ts (and tsvector.ts) as the main thread.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// A lower priority (nice +4) for this thread alone (Linux: /proc/thread-self names it): the thread
// that writes the database, one writer, keeps a core to itself while the workers share the others,
// instead of three threads taking turns on two cores. Elsewhere the priority is left as it is.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 4);
} catch {}
const { indexForms } = await import('./tsvector.ts');

parentPort?.on('message', ({ id, texts, form }) => {
  parentPort?.postMessage({ id, terms: indexForms(texts, form) });
});
parentPort?.postMessage({ ready: true });
