// A worker thread of the check pool (pool.ts): TypeScript through tsx, as bin/gongkai.js runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
