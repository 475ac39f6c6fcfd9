/**
 * The S3-compatible FileStore (src/files/s3-file-store.ts) against a real S3 server on this machine:
 * s3rver (an npm package speaking the S3 protocol over HTTP, objects on disk), reached through
 * AWS's client exactly as MinIO or OSS would be — signatures, HEAD's 404, streaming GET. Also the
 * configuration (GONGKAI_FILES=s3://…).
 */
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../src/files/file-store.ts';
import { fileStoreFromEnv, parseS3Location } from '../src/files/files-config.ts';
import { FilesDirError } from '../src/files/files-dir.ts';
import { storeFileProblem } from '../src/links/attachments.ts';
import { startS3, type TestS3 } from './s3rver.ts';

const BUCKET = 'gongkai-test';

describe('the S3-compatible file store (s3rver)', () => {
  let s3: TestS3;
  let env: Record<string, string>;
  let store: FileStore;
  beforeAll(async () => {
    s3 = await startS3([BUCKET]);
    env = s3.envFor(BUCKET, 'attachments/');
    store = s3.store(BUCKET, 'attachments/');
  });
  afterAll(() => s3.close());

  it('stores by SHA-256, once per content, and reads it back as a stream', async () => {
    const first = await store.put(Buffer.from('政府信息公开'));
    expect(first.key).toBe(`${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(first.created).toBe(true);
    expect(await store.put(Buffer.from('政府信息公开'))).toEqual({ ...first, created: false });
    expect(await text(await store.open(first.key))).toBe('政府信息公开');
    expect(await store.size(first.key)).toBe(Buffer.byteLength('政府信息公开'));
    expect(store.dir).toBeNull();
    expect(store.describe).toBe(`s3://${BUCKET}/attachments/`);
  });

  it('removes an object and reports it gone; the link check sees it missing', async () => {
    const stored = await store.put(Buffer.from('撤回的附件'));
    expect(await store.exists(stored.key)).toBe(true);
    expect(await storeFileProblem(store, stored.key, stored.size)).toBeNull();
    expect(await storeFileProblem(store, stored.key, stored.size + 1)).toBe('file_truncated');
    await store.remove(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    expect(await store.size(stored.key)).toBeNull();
    expect(await storeFileProblem(store, stored.key, stored.size)).toBe('file_missing');
  });

  it('a large file goes and comes back whole', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const stored = await store.put(bytes);
    const back: Buffer[] = [];
    for await (const chunk of await store.open(stored.key)) back.push(Buffer.from(chunk));
    expect(Buffer.concat(back).equals(bytes)).toBe(true);
  });

  it('refuses a key that is not a stored file’s', async () => {
    await expect(store.open('../../etc/passwd')).rejects.toThrow('not a storage key');
  });

  it('a bucket that is not there is an error on writing, not a file written', async () => {
    const missing = fileStoreFromEnv(
      { ...env, GONGKAI_FILES: 's3://no-such-bucket' },
      { dialect: 'postgres' },
    );
    await expect(missing.put(Buffer.from('x'))).rejects.toThrow();
  });
});

describe('GONGKAI_FILES', () => {
  it.each([
    ['s3://gongkai-files', { bucket: 'gongkai-files', prefix: '' }],
    ['s3://gongkai-files/', { bucket: 'gongkai-files', prefix: '' }],
    ['s3://gongkai-files/prod', { bucket: 'gongkai-files', prefix: 'prod/' }],
    ['s3://gongkai-files/a/b/', { bucket: 'gongkai-files', prefix: 'a/b/' }],
    ['/var/lib/gongkai/files', null],
    ['s3://', null],
    ['s3://Upper_Case', null],
  ])('%s', (setting, location) => {
    expect(parseS3Location(setting)).toEqual(location);
  });

  it('refuses what names no bucket, in Chinese, pointing to GONGKAI_FILES_DIR', () => {
    expect(() => fileStoreFromEnv({ GONGKAI_FILES: '/srv/files' }, { dialect: 'postgres' })).toThrow(
      FilesDirError,
    );
    expect(() => fileStoreFromEnv({ GONGKAI_FILES: '/srv/files' }, { dialect: 'postgres' })).toThrow(
      'GONGKAI_FILES_DIR',
    );
  });

  it('without it, a folder as before', () => {
    const store = fileStoreFromEnv({ GONGKAI_FILES_DIR: '/srv/gongkai/files' }, { dialect: 'postgres' });
    expect(store.dir).toBe('/srv/gongkai/files');
  });
});
