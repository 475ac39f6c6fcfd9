/**
 * Backups round-trip (issue 12): the demo database with a few attachments backed up, restored into
 * an empty database and compared table by table, row by row, file by file; a non-empty target is
 * refused unless forced; a damaged archive is refused before anything is written.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachWithDemo } from '../../../test/databases.ts';
import { type FreshDatabases, freshDatabases } from '../../../test/fresh-databases.ts';
import { writeArchive } from '../../backups/archive.ts';
import { BackupError } from '../../backups/errors.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DATABASE_ENTRY } from '../../backups/manifest.ts';
import { listTables, tableCounts } from '../../backups/tables.ts';
import type { Db } from '../../db/connection.ts';
import { createFileStore } from '../../files/file-store.ts';
import { pdfBytes, pngBytes } from '../../files/testing.ts';
import type { Actor, NamedActor } from '../context.ts';
import { createDraft } from '../items/create-draft.ts';
import { uploadAttachment } from '../items/upload-attachment.ts';
import { testContext } from '../testing-context.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

const now = new Date('2026-12-06T02:00:00Z');
const operator: Actor = { username: 'lingang-operator', roles: ['operator'] };
const admin: NamedActor = { username: 'cli:ops' };

/** Every table's rows, each as JSON, sorted; the backups' own events left out (one per side). */
async function everyRow(db: Db): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of await listTables(db.kysely, db.dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    tables[table] = rows
      .filter((row) => !(table === 'events' && String(row.name).startsWith('backups.')))
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return tables;
}

/** Every stored file's bytes by key. */
async function everyFile(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const { key } of await createFileStore(dir).list()) files.set(key, await readFile(join(dir, key)));
  return files;
}

describeEachWithDemo('backup and restore of the demo installation', (use) => {
  let scratch: string;
  let targets: FreshDatabases;
  let sourceFiles: string;
  let archive: string;
  let target: { db: Db; url: string; files: string };

  /** A new empty database (a SQLite file, or a PostgreSQL database) with its attachments folder. */
  async function emptyTarget(): Promise<{ db: Db; url: string; files: string }> {
    const files = await mkdtemp(join(scratch, 'files-'));
    return { ...(await targets.fresh()), files };
  }

  const restoreInto = (to: { db: Db; url: string; files: string }, file: string, force = false) =>
    restoreBackup(testContext(to.db, { actor: admin, now }), {
      archive: file,
      files: createFileStore(to.files),
      force,
      env: process.env,
    });

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gongkai-backup-test-'));
    targets = freshDatabases(
      use().dialect === 'sqlite' ? 'sqlite::memory:' : (process.env.TEST_DATABASE_URL ?? ''),
      scratch,
      'restore',
    );
    sourceFiles = join(scratch, 'source-files');
    archive = join(scratch, 'backup.tar.gz');
    const db = use();
    const { id: agencyId } = await db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'lingang')
      .executeTakeFirstOrThrow();
    const ctx = testContext(db, { actor: operator, now });
    const { itemId } = await createDraft(ctx, {
      agencyId,
      fields: {
        title: '2026年部门预算',
        bodyHtml: '',
        category: 'a20.7',
        columnCode: null,
        issuer: '',
        docNumber: null,
        formedOn: '2026-12-01',
        validity: 'valid',
        subject: '',
        isPolicyDocument: false,
        isInterpretation: false,
        isMeeting: false,
        isOnlineInterview: false,
      },
    });
    const store = createFileStore(sourceFiles);
    const uploads: Array<[string, Buffer]> = [
      ['预算.pdf', pdfBytes('2026年部门预算')],
      ['说明.pdf', pdfBytes('预算说明')],
      ['图表.png', pngBytes()],
    ];
    for (const [index, [fileName, bytes]] of uploads.entries())
      await uploadAttachment(ctx, store, {
        agencyId,
        itemId,
        expectedVersion: index + 1,
        fileName,
        bytes,
        maxBytes: 1024 * 1024,
      });
  });
  afterAll(async () => {
    await targets.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('round-trips every table and every attachment into an empty database; ids go on after the last one', async () => {
    const source = use();
    const before = await tableCounts(source.kysely, source.dialect);
    const backup = await createBackup(testContext(source, { actor: admin, now }), {
      out: archive,
      files: createFileStore(sourceFiles),
      env: process.env,
    });
    expect(backup.manifest.database.tables).toEqual(before);
    expect(backup.manifest.attachments.count).toBe(3);
    expect(backup.manifest.database.kind).toBe(source.dialect);
    const created = await source.kysely
      .selectFrom('events')
      .select(['actor', 'data', 'agency_id'])
      .where('name', '=', 'backups.created')
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ actor: 'cli:ops', agency_id: null });
    expect(JSON.parse(created.data)).toMatchObject({
      sha256: backup.sha256,
      bytes: backup.bytes,
      attachments: { count: 3 },
    });

    // what `gongkai restore` does first: an empty, migrated database
    target = { ...(await targets.migrated()), files: await mkdtemp(join(scratch, 'files-')) };
    const restored = await restoreInto(target, archive);
    expect(restored).toMatchObject({
      sha256: backup.sha256,
      replaced: false,
      attachments: { written: 3, present: 0 },
    });

    expect(await everyRow(target.db)).toEqual(await everyRow(source));
    const sourceBytes = await everyFile(sourceFiles);
    expect(sourceBytes.size).toBe(3);
    expect(await everyFile(target.files)).toEqual(sourceBytes);

    const lastDumped = await source.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('name', '!=', 'backups.created')
      .executeTakeFirstOrThrow();
    const restoredEvent = await target.db.kysely
      .selectFrom('events')
      .select(['id', 'actor', 'data'])
      .where('name', '=', 'backups.restored')
      .executeTakeFirstOrThrow();
    expect(restoredEvent.id).toBe(Number(lastDumped.id) + 1);
    expect(JSON.parse(restoredEvent.data)).toMatchObject({ sha256: backup.sha256, replaced: false });
  }, 120_000); // a backup and a restore of the whole demo installation (30 s on PostgreSQL at load 15)

  it('refuses a database that holds data; --force replaces all of it in one go', async () => {
    await expect(restoreInto(target, archive)).rejects.toThrow(/目标数据库已有数据.*加 --force 重新运行/);
    await target.db.kysely.deleteFrom('letters').execute();
    await target.db.kysely.updateTable('agencies').set({ name: '改过名的机关' }).execute();
    const forced = await restoreInto(target, archive, true);
    expect(forced).toMatchObject({ replaced: true, attachments: { written: 0, present: 3 } });
    expect(await everyRow(target.db)).toEqual(await everyRow(use()));
  }, 120_000); // two restores of the whole demo installation

  it('refuses a damaged archive before writing anything', async () => {
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const damaged = join(scratch, 'damaged.tar.gz');
    await writeFile(damaged, bytes);
    const fresh = await emptyTarget();
    const attempt = restoreInto(fresh, damaged);
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(/已损坏.*不能恢复/);
    expect(await listTables(fresh.db.kysely, fresh.db.dialect)).toEqual([]);
    expect(await createFileStore(fresh.files).list()).toEqual([]);
  });

  it.each([
    ['an entry whose checksum differs from the manifest', 'checksum', /校验和（SHA-256）不符/],
    ['a backup of the other kind of database', 'kind', /不能恢复到/],
    ['a backup from a newer version', 'migration', /请先升级 gongkai/],
  ] as const)('refuses %s', async (_situation, lie, message) => {
    const dump = join(scratch, `dump-${lie}`);
    await writeFile(dump, 'not really a database');
    const kind = use().dialect;
    const other = kind === 'sqlite' ? 'postgres' : 'sqlite';
    const file = join(scratch, `${lie}.tar.gz`);
    await writeArchive(file, [{ name: DATABASE_ENTRY[kind], path: dump }], (entries) => ({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      createdBy: 'test',
      database: {
        kind: lie === 'kind' ? other : kind,
        schema: kind === 'postgres' ? 'public' : null,
        migration: lie === 'migration' ? '9999-from-the-future' : '0015-agency-remedies',
        entry: DATABASE_ENTRY[kind],
        tables: {},
      },
      attachments: { count: 0, bytes: 0 },
      entries: entries.map((e) => (lie === 'checksum' ? { ...e, sha256: '0'.repeat(64) } : e)),
    }));
    const counts = await tableCounts(target.db.kysely, target.db.dialect);
    await expect(restoreInto(target, file, true)).rejects.toThrow(message);
    expect(await tableCounts(target.db.kysely, target.db.dialect)).toEqual(counts);
  });
});
