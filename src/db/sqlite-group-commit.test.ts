import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDb } from './connection.ts';
import { inTransaction } from './transaction.ts';

/** The server's connection with group commit, and a separate connection that sees only what was committed. */
describe('SQLite group commit (the server’s transactions share their COMMIT)', () => {
  let dir: string;
  let db: Db;
  let outside: Database.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-group-'));
    const file = join(dir, 'g.db');
    db = openDb(`sqlite:${file}`, { groupCommit: true });
    await db.kysely.schema
      .createTable('notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('text', 'text', (c) => c.notNull().unique())
      .execute();
    outside = new Database(file, { readonly: true });
  });
  afterEach(async () => {
    outside.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = () =>
    (outside.prepare('select text from notes order by id').all() as Array<{ text: string }>).map(
      (r) => r.text,
    );
  const note = (text: string) =>
    inTransaction(db, async (trx) => {
      await trx
        .insertInto('notes' as never)
        .values({ text } as never)
        .execute();
    });
  const read = async () =>
    (
      await db.kysely
        .selectFrom('notes' as never)
        .select('text' as never)
        .orderBy('id' as never)
        .execute()
    ).map((r) => (r as { text: string }).text);

  it('transactions ending together are answered after one COMMIT that holds them all', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const seenAtAnswer: string[][] = [];
    await Promise.all(texts.map((t) => note(t).then(() => seenAtAnswer.push(committed()))));
    // each was answered only once committed; the first answer already saw all twenty: one commit
    expect(seenAtAnswer).toHaveLength(20);
    expect(seenAtAnswer[0]).toEqual(texts);
    for (const seen of seenAtAnswer) expect(seen).toEqual(texts);
  });

  it('a failed transaction of a group leaves nothing and fails alone; the others are kept', async () => {
    await note('taken');
    const results = await Promise.allSettled([
      note('a'),
      inTransaction(db, async (trx) => {
        await trx
          .insertInto('notes' as never)
          .values({ text: 'half' } as never)
          .execute();
        await trx
          .insertInto('notes' as never)
          .values({ text: 'taken' } as never)
          .execute(); // unique: fails
      }),
      note('b'),
      inTransaction(db, async () => {
        throw new Error('refused');
      }),
      note('c'),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(committed()).toEqual(['taken', 'a', 'b', 'c']);
    expect(await read()).toEqual(['taken', 'a', 'b', 'c']);
  });

  it('a read outside a transaction never sees a group’s rows before their COMMIT', async () => {
    let during: Promise<string[]> | undefined;
    await inTransaction(db, async (trx) => {
      await trx
        .insertInto('notes' as never)
        .values({ text: 'pending' } as never)
        .execute();
      // queued behind this transaction: it runs after the savepoint's release, before the group's COMMIT
      during = read();
    });
    expect(await during).toEqual([]);
    expect(await read()).toEqual(['pending']);
  });

  it('a write outside a transaction commits the open group first, then runs on its own', async () => {
    let write: Promise<unknown> | undefined;
    const first = inTransaction(db, async (trx) => {
      await trx
        .insertInto('notes' as never)
        .values({ text: 'grouped' } as never)
        .execute();
      write = db.kysely
        .insertInto('notes' as never)
        .values({ text: 'alone' } as never)
        .execute()
        .then(() => committed());
    });
    await first;
    expect(await write).toEqual(['grouped', 'alone']);
  });

  it('a controlled transaction with savepoints works as Kysely’s, its commit answered once committed', async () => {
    const trx = await db.kysely.startTransaction().execute();
    await trx
      .insertInto('notes' as never)
      .values({ text: 'outer' } as never)
      .execute();
    const inner = await trx.savepoint('inner').execute();
    await inner
      .insertInto('notes' as never)
      .values({ text: 'dropped' } as never)
      .execute();
    await inner.rollbackToSavepoint('inner').execute();
    const kept = await trx.savepoint('kept').execute();
    await kept
      .insertInto('notes' as never)
      .values({ text: 'kept' } as never)
      .execute();
    await kept.releaseSavepoint('kept').execute();
    await trx.commit().execute();
    expect(committed()).toEqual(['outer', 'kept']);
    const dropped = await db.kysely.startTransaction().execute();
    await dropped
      .insertInto('notes' as never)
      .values({ text: 'rolled back' } as never)
      .execute();
    await dropped.rollback().execute();
    await note('after');
    expect(committed()).toEqual(['outer', 'kept', 'after']);
  });
});
