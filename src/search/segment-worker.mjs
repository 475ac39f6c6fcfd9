// A segmentation worker for bulk indexing (src/search/segment-pool.ts): TypeScript through tsx,
// as bin/gongkai.js does it, so it runs the same segment.ts as the main thread.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { indexText } = await import('./segment.ts');

parentPort?.on('message', ({ id, texts }) => {
  parentPort?.postMessage({ id, terms: texts.map((text) => indexText(text)) });
});
parentPort?.postMessage({ ready: true });
