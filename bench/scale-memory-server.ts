/**
 * The baseline server of `npm run bench:scale` (run as a child: `node --import tsx
 * bench/scale-memory-server.ts PORT PAGES_DIR`, DATABASE_URL in its env): the platform's own server
 * (buildServer, its hooks — security headers, identity — and HTTP) on the bench database, plus the
 * bare route of bench/portal.ts answering each page's bytes from memory. Put on the app servers'
 * ports behind the same nginx, it is what one or two processes can serve on this machine: the CPU
 * ceiling the pages are compared with.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDb } from '../src/db/connection.ts';
import { buildServer } from '../src/server/app.ts';
import { MEMORY_PREFIX } from './scale-cluster.ts';

const [port, pagesDir] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!port || !pagesDir || !url)
  throw new Error('usage: DATABASE_URL=… scale-memory-server.ts PORT PAGES_DIR');

const pages = new Map<string, Buffer>();
for (const file of await readdir(pagesDir)) {
  if (file.endsWith('.html')) pages.set(file.slice(0, -'.html'.length), await readFile(join(pagesDir, file)));
}
const db = openDb(url);
const app = await buildServer({ db, filesDir: join(pagesDir, 'files') });
app.get<{ Params: { name: string } }>(`${MEMORY_PREFIX}:name`, (request, reply) => {
  const found = pages.get(request.params.name);
  if (!found) return reply.code(404).send();
  return reply.type('text/html; charset=utf-8').send(found);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
const close = async () => {
  await app.close();
  await db.close();
};
process.once('SIGTERM', () => void close());
process.once('SIGINT', () => void close());
