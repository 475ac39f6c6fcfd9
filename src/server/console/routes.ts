/**
 * Serves the staff console's build at /console: hashed assets with a year-long immutable cache,
 * index.html never cached, and every other /console/… path answered with index.html (the
 * client-side router takes it from there). Without a build, /console says how to make one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, sendAppError } from '../errors.ts';
import { CONSOLE_PREFIX } from './paths.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
const REBUILT_ASSET = /^assets\/[\w-]+(\.[\w-]+)*\.(js|css|svg|png|woff2?)$/;

/** Every file under `dir`, as URL paths relative to it ("assets/index-abc.js"). */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/** Registers the /console routes serving the build in `dir`. */
export async function consoleRoutes(app: FastifyInstance, options: { dir: string }): Promise<void> {
  const { dir } = options;
  const built = existsSync(join(dir, 'index.html'));
  const files = new Set(built ? filesUnder(dir) : []);
  if (built) await app.register(fastifyStatic, { root: dir, serve: false });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', NO_CACHE).type('text/html; charset=utf-8').sendFile('index.html', dir, {
      cacheControl: false,
    });

  if (!built) {
    const notBuilt = new AppError(
      'unavailable',
      '工作台尚未构建：请运行 npm run build:console，或用 gongkai serve 启动（会自动构建）。',
    );
    app.get(CONSOLE_PREFIX, { schema: { hide: true } }, async (request, reply) =>
      sendAppError(request, reply, notBuilt),
    );
    app.get(`${CONSOLE_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) =>
      sendAppError(request, reply, notBuilt),
    );
    return;
  }

  app.get(CONSOLE_PREFIX, { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get(`${CONSOLE_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // A rebuild while the server runs adds hashed assets: a plain file name in assets/ is looked up.
    if (!files.has(path) && REBUILT_ASSET.test(path) && existsSync(join(dir, path))) files.add(path);
    if (files.has(path) && path !== 'index.html') {
      const hashed = path.startsWith('assets/');
      return reply
        .header('cache-control', hashed ? IMMUTABLE : NO_CACHE)
        .sendFile(path, dir, { cacheControl: false });
    }
    if (path.startsWith('assets/'))
      return sendAppError(
        request,
        reply,
        new AppError('not_found', `未找到工作台文件：${path.slice(0, 200)}`),
      );
    return sendIndex(reply);
  });
}
