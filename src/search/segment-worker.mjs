// A segmentation worker for bulk indexing (src/search/segment-pool.ts): TypeScript through tsx,
// as bin/gongkai.js does it, so it runs the same segment.ts (and tsvector.ts) as the main thread.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { indexForms } = await import('./tsvector.ts');

parentPort?.on('message', ({ id, texts, form }) => {
  parentPort?.postMessage({ id, terms: indexForms(texts, form) });
});
parentPort?.postMessage({ ready: true });
