/**
 * FileStore.putStream and list on both stores (a folder, an S3-compatible bucket on s3rver): the
 * bytes checked as written — size and SHA-256 — and nothing left in the store when they are wrong,
 * with a Chinese error naming the attachment and the store; the store readable at once afterwards
 * (no stalled connection: each case times its requests).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStoreError } from '../src/files/checked-bytes.ts';
import { createFileStore, type FileStore, keyOf } from '../src/files/file-store.ts';
import { startS3, type TestS3 } from './s3rver.ts';

/** `bytes` as a stream of several chunks, as a file or a network would give them. */
const chunked = (bytes: Buffer, size = 64 * 1024): Readable =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    ),
  );

const expectedOf = (bytes: Buffer, name = '预算.pdf') => ({ ...keyOf(bytes), size: bytes.length, name });

/** A request that waited on a stalled socket takes tens of seconds; a local one well under one. */
const QUICK_MS = 3000;

describe.each(['folder', 'bucket'] as const)('a streamed put into a %s', (kind) => {
  let s3: TestS3 | undefined;
  let dir: string;
  let store: FileStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-stream-'));
    if (kind === 'folder') store = createFileStore(dir);
    else {
      s3 = await startS3(['gongkai-stream']);
      store = s3.store('gongkai-stream', 'files/');
    }
  });
  afterAll(async () => {
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes what it was told of, lists it, reads it back at once; the same again is kept', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 5);
    const started = performance.now();
    const stored = await store.putStream(chunked(bytes), expectedOf(bytes));
    expect(stored).toEqual({
      key: keyOf(bytes).key,
      sha256: keyOf(bytes).sha256,
      size: bytes.length,
      created: true,
    });
    expect((await buffer(await store.open(stored.key))).equals(bytes)).toBe(true);
    expect(await store.putStream(chunked(bytes), expectedOf(bytes))).toEqual({ ...stored, created: false });
    expect(await store.list()).toContainEqual({ key: stored.key, size: bytes.length });
    expect(performance.now() - started).toBeLessThan(QUICK_MS);
  });

  it.each([
    [
      'a changed byte',
      (b: Buffer) => Buffer.concat([b.subarray(0, 100), Buffer.from([b[100] ^ 1]), b.subarray(101)]),
      /实为 200000 字节/,
    ],
    ['cut short', (b: Buffer) => b.subarray(0, 150_000), /实为 150000 字节/],
    ['longer', (b: Buffer) => Buffer.concat([b, Buffer.from('多余')]), /已超过 200000 字节/],
  ])(
    'refuses bytes %s: a Chinese error naming the attachment and the store, nothing stored',
    async (_situation, damage, found) => {
      const bytes = Buffer.alloc(200_000, 9);
      const started = performance.now();
      const attempt = store.putStream(chunked(damage(bytes)), expectedOf(bytes, 'files/ab/损坏的附件'));
      await expect(attempt).rejects.toBeInstanceOf(FileStoreError);
      await expect(attempt).rejects.toThrow(
        /附件“files\/ab\/损坏的附件”写入 .+ 时校验不符：应为 200000 字节/,
      );
      await expect(attempt).rejects.toThrow(found);
      await expect(attempt).rejects.toThrow(store.describe);
      expect(await store.exists(keyOf(bytes).key)).toBe(false);
      expect((await store.list()).map((f) => f.key)).not.toContain(keyOf(bytes).key);
      // the store answers at once after a refused write
      const next = Buffer.from(`之后的附件 ${kind}`);
      const stored = await store.putStream(chunked(next), expectedOf(next));
      expect((await buffer(await store.open(stored.key))).toString()).toBe(`之后的附件 ${kind}`);
      expect(performance.now() - started).toBeLessThan(QUICK_MS);
    },
  );

  it('refuses an empty stream said to hold bytes, and bytes said to be empty', async () => {
    const bytes = Buffer.from('有内容');
    await expect(store.putStream(chunked(Buffer.alloc(0)), expectedOf(bytes))).rejects.toThrow(/实为 0 字节/);
    const empty = { ...expectedOf(Buffer.alloc(0)), sha256: keyOf(bytes).sha256 };
    await expect(store.putStream(chunked(Buffer.alloc(0)), empty)).rejects.toThrow(FileStoreError);
    expect(await store.exists(empty.key)).toBe(false);
  });

  it('lists only stored files, by key', async () => {
    const listed = await store.list();
    expect(listed.map((f) => f.key)).toEqual([...listed.map((f) => f.key)].sort());
    for (const file of listed) expect(await store.size(file.key)).toBe(file.size);
    if (kind === 'folder') expect((await readdir(dir)).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});
