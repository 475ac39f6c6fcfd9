/**
 * The attachments folder as a backup sees it: every stored file (`ab/abcdef…`, named by its
 * SHA-256; temporary files left by an interrupted upload are not attachments), and putting a
 * restored one back the way the file store writes (a temporary name, then a rename).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const PREFIX = /^[0-9a-f]{2}$/;
const NAME = /^[0-9a-f]{64}$/;

/** The storage keys of every file under `dir` (none when the folder does not exist yet). */
export async function listStoredFiles(dir: string): Promise<string[]> {
  let prefixes: string[];
  try {
    prefixes = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const keys: string[] = [];
  for (const prefix of prefixes.filter((p) => PREFIX.test(p)).sort()) {
    const names = await readdir(join(dir, prefix), { withFileTypes: true });
    for (const entry of names)
      if (entry.isFile() && NAME.test(entry.name) && entry.name.startsWith(prefix))
        keys.push(`${prefix}/${entry.name}`);
  }
  return keys.sort();
}

/** Puts `staged` under `dir` as `key`; false when a file of that name and size is already there. */
export async function placeFile(dir: string, key: string, staged: string, size: number): Promise<boolean> {
  const target = join(dir, key);
  try {
    const present = await stat(target);
    if (present.isFile() && present.size === size) return false;
  } catch {
    // not there yet
  }
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await copyFile(staged, temporary);
  await rename(temporary, target);
  return true;
}
