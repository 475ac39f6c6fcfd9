/**
 * The backup archive: one gzip-compressed tar file (tar-stream), its entries the database dump,
 * the attachments under `files/` and, last, `manifest.json` listing every other entry's size and
 * SHA-256. Written to a temporary name beside the target and renamed when complete, so an
 * interrupted backup leaves no half archive under the given name. Reading extracts every entry
 * into a staging folder while hashing it; the caller compares with the manifest before writing
 * anything anywhere else.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { type Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { BackupError } from './errors.ts';

export const MANIFEST_ENTRY = 'manifest.json';

/**
 * What to put in the archive under `name`: a file read from `path`, or bytes opened as a stream (an
 * attachment from the store, folder or bucket) of a size known beforehand, `from` saying where.
 */
export type ArchiveSource =
  | { name: string; path: string }
  | { name: string; size: number; from: string; open: () => Promise<Readable> };

/** What the archive holds of one entry. */
export interface EntryDigest {
  path: string;
  size: number;
  sha256: string;
}

/** Passes bytes through, counting and hashing them. */
class Digest extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Writes `sources` then the manifest `manifestFor(digests)` builds from their digests into the
 * archive `out`; resolves to the archive's own size and SHA-256.
 */
export async function writeArchive(
  out: string,
  sources: ReadonlyArray<ArchiveSource>,
  manifestFor: (digests: EntryDigest[]) => unknown,
): Promise<{ bytes: number; sha256: string }> {
  await mkdir(dirname(out), { recursive: true });
  const temporary = `${out}.${randomBytes(6).toString('hex')}.tmp`;
  const pack = tar.pack();
  const whole = new Digest();
  const written = pipeline(
    pack,
    createGzip(),
    whole,
    createWriteStream(temporary, { flags: 'wx', mode: 0o600 }),
  );
  // handled where awaited; an entry that fails destroys the pack before then
  written.catch(() => {});
  try {
    const digests: EntryDigest[] = [];
    for (const source of sources) {
      const digest = new Digest();
      try {
        const size = 'path' in source ? (await stat(source.path)).size : source.size;
        const bytes = 'path' in source ? createReadStream(source.path) : await source.open();
        const entry = pack.entry({ name: source.name, size, mode: 0o600 });
        await pipeline(bytes, digest, entry);
        if (digest.size !== size) throw new Error(`读到 ${digest.size} 字节，列出时为 ${size} 字节`);
      } catch (error) {
        const from = 'path' in source ? source.path : source.from;
        throw new BackupError(
          `读取“${source.name}”（${from}）失败（${error instanceof Error ? error.message : String(error)}），没有写出备份文件：请检查数据库和附件存储后重新备份。`,
        );
      }
      digests.push({ path: source.name, size: digest.size, sha256: digest.hex() });
    }
    pack.entry({ name: MANIFEST_ENTRY, mode: 0o600 }, `${JSON.stringify(manifestFor(digests), null, 2)}\n`);
    pack.finalize();
    await written;
    await rename(temporary, out);
    return { bytes: whole.size, sha256: whole.hex() };
  } catch (error) {
    pack.destroy();
    await written.catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/** An archive extracted into a staging folder: each entry's digest and where it now is. */
export interface StagedArchive {
  /** the archive file's size and SHA-256 */
  bytes: number;
  sha256: string;
  manifest: unknown;
  entries: Map<string, EntryDigest & { staged: string }>;
}

/** An entry name that stays inside the staging folder (no absolute path, no `..`). */
function safeName(name: string): string {
  const normal = normalize(name);
  if (
    normal.startsWith(sep) ||
    normal.startsWith('..') ||
    normal.includes(`${sep}..${sep}`) ||
    normal === '.'
  )
    throw new BackupError(`备份文件含有不安全的路径“${name}”，不能恢复：请确认文件来自 gongkai backup。`);
  return normal;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * Extracts the archive `file` into `stagingDir`, hashing every entry. Throws BackupError for a file
 * that is not a complete gzip tar (damaged, cut short, another kind of file).
 */
export async function readArchive(file: string, stagingDir: string): Promise<StagedArchive> {
  const whole = new Digest();
  const entries = new Map<string, EntryDigest & { staged: string }>();
  let manifest: unknown;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const take = async (): Promise<void> => {
      if (header.type !== 'file')
        throw new BackupError(`备份文件含有非普通文件的条目“${header.name}”，不能恢复。`);
      const name = safeName(header.name);
      if (entries.has(name) || (name === MANIFEST_ENTRY && manifest !== undefined))
        throw new BackupError(`备份文件中“${name}”出现了两次，不能恢复。`);
      if (name === MANIFEST_ENTRY) {
        manifest = await readManifest(stream);
        return;
      }
      const staged = join(stagingDir, 'entries', name);
      await mkdir(dirname(staged), { recursive: true });
      const digest = new Digest();
      await pipeline(stream, digest, createWriteStream(staged, { flags: 'wx' }));
      entries.set(name, { path: name, size: digest.size, sha256: digest.hex(), staged });
    };
    take().then(
      () => next(),
      (error) => {
        stream.resume();
        next(error);
      },
    );
  });
  try {
    await pipeline(createReadStream(file), whole, createGunzip(), extract);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError(`找不到备份文件“${file}”。`);
    throw new BackupError(
      `备份文件“${file}”已损坏或不是 gongkai backup 生成的文件（${error instanceof Error ? error.message : String(error)}），不能恢复：请换一份完好的备份。`,
    );
  }
  if (manifest === undefined)
    throw new BackupError(
      `备份文件“${file}”缺少 manifest.json（文件不完整或不是 gongkai backup 生成的），不能恢复。`,
    );
  return { bytes: whole.size, sha256: whole.hex(), manifest, entries };
}

async function readManifest(stream: Readable): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_MANIFEST_BYTES)
          return done(new BackupError('备份文件的 manifest.json 过大，不能恢复。'));
        chunks.push(chunk);
        done();
      },
    }),
  );
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BackupError('备份文件的 manifest.json 不是有效的 JSON（文件已损坏），不能恢复。');
  }
}
