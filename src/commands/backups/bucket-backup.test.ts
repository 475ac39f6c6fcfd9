/**
 * Backups with attachments in an S3-compatible bucket (issue 16), on both databases: the
 * attachments streamed from the configured store into the archive and back into the configured
 * store — folder → bucket, bucket → folder, bucket → bucket —, every byte compared; a corrupted
 * attachment refused before anything is written; a store that cannot be written named in Chinese,
 * the database untouched. Each round trip is timed: a request stalled on a kept-alive socket waits
 * about 30 s, a round trip on this machine takes a few.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { type FreshDatabases, freshDatabases } from '../../../test/fresh-databases.ts';
import { startS3, type TestS3 } from '../../../test/s3rver.ts';
import { readArchive, writeArchive } from '../../backups/archive.ts';
import { BackupError } from '../../backups/errors.ts';
import { tableCounts, tablesWithData } from '../../backups/tables.ts';
import type { Db } from '../../db/connection.ts';
import { appendEvent } from '../../db/events.ts';
import { createFileStore, type FileStore } from '../../files/file-store.ts';
import { pdfBytes, pngBytes } from '../../files/testing.ts';
import { testContext } from '../testing-context.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

const actor = { username: 'cli:ops' };
const now = new Date('2026-12-07T02:00:00Z');
/** Well under the 30 s a stalled socket waits, well over a round trip on a busy machine. */
const ROUND_TRIP_MS = 20_000;

/**
 * Every stored file's bytes by key, as their size and SHA-256: comparing the bytes themselves with
 * toEqual goes element by element, about 10 s a mebibyte.
 */
async function everyFile(store: FileStore): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const { key } of await store.list()) {
    const bytes = await buffer(await store.open(key));
    files.set(key, `${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}`);
  }
  return files;
}

/** The attachments of each case: a PDF, a picture, and one large enough to be spooled (over 1 MiB). */
const attachments = (tag: string): Buffer[] => [
  pdfBytes(`预算 ${tag}`),
  pngBytes(),
  Buffer.concat([Buffer.from(tag), Buffer.alloc(1536 * 1024, 3)]),
];

for (const { name, url } of testDatabases()) {
  describe(`backups with attachments in a bucket [${name}]`, () => {
    let scratch: string;
    let s3: TestS3;
    let databases: FreshDatabases;
    let source: Db;

    const store = (kind: 'folder' | 'bucket', role: 'source' | 'target', tag: string): FileStore =>
      kind === 'folder'
        ? createFileStore(join(scratch, `${role}-${tag}`))
        : s3.store(`gk-${role}`, `${name.toLowerCase()}-${tag}/`);

    /** A new database migrated as `gongkai restore` leaves it before restoring. */
    const emptyTarget = async (): Promise<Db> => (await databases.migrated()).db;

    beforeAll(async () => {
      scratch = await mkdtemp(join(tmpdir(), 'gongkai-bucket-backup-'));
      s3 = await startS3(['gk-source', 'gk-target']);
      databases = freshDatabases(url, scratch, 'bucket');
      source = (await databases.migrated()).db;
      await appendEvent(source.kysely, {
        name: 'calendar.override_set',
        subject: { type: 'calendar_override', id: '2026-10-08' },
        agency: null,
        actor: 'bucket-source',
        at: new Date('2026-10-01T02:00:00Z'),
      });
    });
    afterAll(async () => {
      await databases.close();
      await s3.close();
      await rm(scratch, { recursive: true, force: true });
    });

    it.each([
      ['folder', 'bucket'],
      ['bucket', 'folder'],
      ['bucket', 'bucket'],
    ] as const)('round-trips from a %s into a %s, every byte and every row', async (from, to) => {
      const started = performance.now();
      const tag = `${from}-${to}`;
      const sourceFiles = store(from, 'source', tag);
      for (const bytes of attachments(tag)) await sourceFiles.put(bytes);
      const archive = join(scratch, `${tag}.tar.gz`);
      const backup = await createBackup(testContext(source, { actor, now }), {
        out: archive,
        files: sourceFiles,
        env: process.env,
      });
      expect(backup.manifest.attachments).toMatchObject({ count: 3, damaged: [] });
      const backedUp = performance.now();

      const target = await emptyTarget();
      const migrated = performance.now();
      const targetFiles = store(to, 'target', tag);
      const restored = await restoreBackup(testContext(target, { actor, now }), {
        archive,
        files: targetFiles,
        force: false,
        env: process.env,
      });
      expect(restored.attachments).toEqual({ written: 3, present: 0 });
      const restoredAt = performance.now();
      const sourceBytes = await everyFile(sourceFiles);
      expect(sourceBytes.size).toBe(3);
      expect(await everyFile(targetFiles)).toEqual(sourceBytes);
      const event = await target.kysely
        .selectFrom('events')
        .select(['name', 'subject_id'])
        .where('actor', '=', 'bucket-source')
        .executeTakeFirst();
      expect(event).toEqual({ name: 'calendar.override_set', subject_id: '2026-10-08' });
      const restoredEvent = await target.kysely
        .selectFrom('events')
        .select('data')
        .where('name', '=', 'backups.restored')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(restoredEvent.data)).toMatchObject({ attachments: { count: 3, written: 3 } });

      const laps = {
        /** the attachments put into the source store, and the backup */
        backup: backedUp - started,
        migrateTarget: migrated - backedUp,
        restore: restoredAt - migrated,
        compare: performance.now() - restoredAt,
      };
      console.info(
        `[${name}] ${tag} (ms): ${JSON.stringify(laps, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
      );
      expect(laps.backup + laps.restore + laps.compare).toBeLessThan(ROUND_TRIP_MS);
    });

    it('refuses an archive whose attachment was corrupted: nothing written to the bucket or the database', async () => {
      const sourceFiles = store('bucket', 'source', 'corrupt');
      for (const bytes of attachments('corrupt')) await sourceFiles.put(bytes);
      const archive = join(scratch, 'good.tar.gz');
      await createBackup(testContext(source, { actor, now }), {
        out: archive,
        files: sourceFiles,
        env: process.env,
      });
      // the same archive again, one attachment's bytes changed, its manifest as it was
      const staged = await readArchive(archive, await mkdtemp(join(scratch, 'staged-')));
      const victim = [...staged.entries.values()].find((e) => e.path.startsWith('files/'));
      if (!victim) throw new Error('no attachment in the archive');
      const bytes = await readFile(victim.staged);
      bytes[bytes.length - 1] ^= 0xff;
      await writeFile(victim.staged, bytes);
      const corrupted = join(scratch, 'corrupted.tar.gz');
      await writeArchive(
        corrupted,
        [...staged.entries.values()].map((e) => ({ name: e.path, path: e.staged })),
        () => staged.manifest,
      );

      const target = await emptyTarget();
      const targetFiles = store('bucket', 'target', 'corrupt');
      const attempt = restoreBackup(testContext(target, { actor, now }), {
        archive: corrupted,
        files: targetFiles,
        force: false,
        env: process.env,
      });
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(attempt).rejects.toThrow(`${victim.path} 校验和（SHA-256）不符`);
      expect(await targetFiles.list()).toEqual([]);
      expect(tablesWithData(await tableCounts(target.kysely, target.dialect))).toEqual([]);
    });

    it('stops a backup whose attachment is not what the store listed, naming both; no archive left', async () => {
      const folder = createFileStore(join(scratch, 'source-shrunk'));
      const { key, size } = await folder.put(pdfBytes('列出后变短的附件'));
      const lying: FileStore = { ...folder, list: async () => [{ key, size: size + 10 }] };
      const out = join(scratch, 'shrunk.tar.gz');
      const attempt = createBackup(testContext(source, { actor, now }), {
        out,
        files: lying,
        env: process.env,
      });
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(attempt).rejects.toThrow(`读取“files/${key}”（${folder.describe}）失败`);
      await expect(readFile(out)).rejects.toThrow();
    });

    it('names the attachment and the store it cannot write to; the database is not touched', async () => {
      const sourceFiles = store('folder', 'source', 'unwritable');
      await sourceFiles.put(pdfBytes('写不进去'));
      const archive = join(scratch, 'unwritable.tar.gz');
      await createBackup(testContext(source, { actor, now }), {
        out: archive,
        files: sourceFiles,
        env: process.env,
      });
      const target = await emptyTarget();
      const attempt = restoreBackup(testContext(target, { actor, now }), {
        archive,
        files: s3.store('gk-no-such-bucket'),
        force: false,
        env: process.env,
      });
      await expect(attempt).rejects.toBeInstanceOf(BackupError);
      await expect(attempt).rejects.toThrow(
        /附件 files\/[0-9a-f]{2}\/[0-9a-f]{64} 写入 s3:\/\/gk-no-such-bucket\/ 失败.*数据库尚未改动/,
      );
      expect(tablesWithData(await tableCounts(target.kysely, target.dialect))).toEqual([]);
    });
  });
}
