/**
 * Where attachment bytes live, behind one interface (FileStore), named by their SHA-256
 * (`ab/abcdef…`) so the same content is stored once:
 * - files on disk under one folder (absolute: files-dir.ts), here. A file is written to a temporary
 *   name and renamed, so a reader never sees half a file — also when several servers share the
 *   folder (NFS, a mounted volume) and write the same content at once;
 * - objects in an S3-compatible bucket (s3-file-store.ts: MinIO, Ceph RGW, 阿里云 OSS, 华为云 OBS),
 *   chosen by GONGKAI_FILES=s3://bucket (storeFromEnv in files-config.ts; docs/deploy.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CheckedBytes, type ExpectedFile } from './checked-bytes.ts';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
  /** whether this call wrote the file (false: the same content was already stored) */
  created: boolean;
}

/** A stored file as a listing gives it. */
export interface ListedFile {
  key: string;
  size: number;
}

export interface FileStore {
  /** the folder of a directory store; null for a bucket */
  readonly dir: string | null;
  /** where it is, without credentials (for logs): the folder, or `s3://bucket/prefix` */
  readonly describe: string;
  put(bytes: Uint8Array): Promise<StoredFile>;
  /**
   * Writes the bytes of `source` under `expected.key`, checking their size and SHA-256 as they pass
   * (checked-bytes.ts): a FileStoreError naming the file and the store when they differ, and nothing
   * of them left in the store. A file of that key and size already stored is kept (`created: false`,
   * `source` not read).
   */
  putStream(source: Readable, expected: ExpectedFile): Promise<StoredFile>;
  /** Every stored file (`ab/abcdef…`), by key; temporary files and anything else are not listed. */
  list(): Promise<ListedFile[]>;
  /** The stored bytes (the key must be stored: check with `exists`). */
  open(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** the stored size in bytes, null when not stored */
  size(key: string): Promise<number | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The key of `bytes` (`ab/abcdef…`) and their SHA-256. */
export function keyOf(bytes: Uint8Array): { key: string; sha256: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { key: `${sha256.slice(0, 2)}/${sha256}`, sha256 };
}

/** Throws unless `key` is a storage key (so no key reaches outside the store). */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
  return key;
}

/** The attachment size limit: GONGKAI_MAX_ATTACHMENT_BYTES, default 20 MiB. */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.GONGKAI_MAX_ATTACHMENT_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_ATTACHMENT_BYTES;
}

/** The store under `dir` (the installation's: resolveFilesDir in files-dir.ts). */
export function createFileStore(dir: string): FileStore {
  const root = resolve(dir);
  const pathOf = (key: string): string => join(root, checkKey(key));
  return {
    dir: root,
    describe: root,
    async put(bytes) {
      const { key, sha256 } = keyOf(bytes);
      const path = pathOf(key);
      if (await exists(path)) return { key, sha256, size: bytes.byteLength, created: false };
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
      return { key, sha256, size: bytes.byteLength, created: true };
    },
    async putStream(source, expected) {
      const path = pathOf(expected.key);
      const stored = { key: expected.key, sha256: expected.sha256, size: expected.size };
      if ((await sizeOf(path)) === expected.size) {
        source.destroy();
        return { ...stored, created: false };
      }
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await pipeline(
          source,
          new CheckedBytes(expected, root),
          createWriteStream(temporary, { flags: 'wx' }),
        );
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { ...stored, created: true };
    },
    list: () => listFolder(root),
    open: async (key) => createReadStream(pathOf(key)),
    exists: (key) => exists(pathOf(key)),
    size: (key) => sizeOf(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    const found = await stat(path);
    return found.isFile() ? found.size : null;
  } catch {
    return null;
  }
}

const PREFIX = /^[0-9a-f]{2}$/;
const NAME = /^[0-9a-f]{64}$/;

/** The stored files under `root` (none when the folder does not exist yet), by key. */
async function listFolder(root: string): Promise<ListedFile[]> {
  let prefixes: string[];
  try {
    prefixes = await readdir(root);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const files: ListedFile[] = [];
  for (const prefix of prefixes.filter((p) => PREFIX.test(p)).sort()) {
    const names = await readdir(join(root, prefix), { withFileTypes: true });
    for (const entry of names.filter((e) => e.isFile() && NAME.test(e.name) && e.name.startsWith(prefix)))
      files.push({ key: `${prefix}/${entry.name}`, size: (await stat(join(root, prefix, entry.name))).size });
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
