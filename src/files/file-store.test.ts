import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, type FileStore, maxAttachmentBytes } from './file-store.ts';

describe('the file store', () => {
  let dir: string;
  let store: FileStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-files-'));
    store = createFileStore(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stores by SHA-256, once per content', async () => {
    const first = await store.put(Buffer.from('公开'));
    expect(first.key).toBe(`${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(first.created).toBe(true);
    const again = await store.put(Buffer.from('公开'));
    expect(again).toEqual({ ...first, created: false });
    expect(await readFile(join(dir, first.key), 'utf8')).toBe('公开');
    expect(await readdir(join(dir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('removes a file and reports it gone', async () => {
    const stored = await store.put(Buffer.from('撤回'));
    expect(await store.exists(stored.key)).toBe(true);
    await store.remove(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
  });

  it('refuses a key that is not a stored file’s', async () => {
    await expect(store.open('../../etc/passwd')).rejects.toThrow();
  });

  it.each([
    ['unset: 20 MiB', {}, 20 * 1024 * 1024],
    ['set', { GONGKAI_MAX_ATTACHMENT_BYTES: '1000' }, 1000],
    ['not a number: the default', { GONGKAI_MAX_ATTACHMENT_BYTES: 'lots' }, 20 * 1024 * 1024],
  ])('size limit %s', (_situation, env, bytes) => {
    expect(maxAttachmentBytes(env)).toBe(bytes);
  });
});
