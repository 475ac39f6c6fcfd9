/**
 * Attachments are links too (docs/inspection.md “Links”): a published item's attachment whose
 * stored file is missing, cannot be read, or is shorter than recorded is a dead link, found on disk
 * without downloading it (in a bucket: its size as the store answers it).
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LinkError } from '../domain/inspection/links-dead.ts';
import type { FileStore } from '../files/file-store.ts';

/** The state of one stored file: null when it is there, readable and whole. */
export async function storedFileProblem(
  dir: string,
  storageKey: string,
  size: number,
): Promise<LinkError | null> {
  const path = join(dir, storageKey);
  let found: Awaited<ReturnType<typeof stat>>;
  try {
    found = await stat(path);
  } catch {
    return 'file_missing';
  }
  if (!found.isFile()) return 'file_missing';
  try {
    await access(path, constants.R_OK);
  } catch {
    return 'file_unreadable';
  }
  return found.size < size ? 'file_truncated' : null;
}

/** As storedFileProblem, in any store: a folder's file as above, a bucket's object by its size. */
export async function storeFileProblem(
  store: FileStore,
  storageKey: string,
  size: number,
): Promise<LinkError | null> {
  if (store.dir !== null) return storedFileProblem(store.dir, storageKey, size);
  const stored = await store.size(storageKey);
  if (stored === null) return 'file_missing';
  return stored < size ? 'file_truncated' : null;
}
