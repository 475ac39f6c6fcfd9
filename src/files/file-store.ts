/**
 * Where attachment bytes live: files on disk under one folder (absolute: files-dir.ts), named by their SHA-256 (`ab/abcdef…`), so the same content is stored once. A
 * file is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
  /** whether this call wrote the file (false: the same content was already stored) */
  created: boolean;
}

export interface FileStore {
  readonly dir: string;
  put(bytes: Uint8Array): Promise<StoredFile>;
  open(key: string): ReadStream;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The attachment size limit: GONGKAI_MAX_ATTACHMENT_BYTES, default 20 MiB. */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.GONGKAI_MAX_ATTACHMENT_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_ATTACHMENT_BYTES;
}

/** The store under `dir` (the installation's: resolveFilesDir in files-dir.ts). */
export function createFileStore(dir: string): FileStore {
  const root = resolve(dir);
  const pathOf = (key: string): string => {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(root, key);
  };
  return {
    dir: root,
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const key = `${sha256.slice(0, 2)}/${sha256}`;
      const path = pathOf(key);
      if (await exists(path)) return { key, sha256, size: bytes.byteLength, created: false };
      await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
      return { key, sha256, size: bytes.byteLength, created: true };
    },
    open: (key) => createReadStream(pathOf(key)),
    exists: (key) => exists(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
