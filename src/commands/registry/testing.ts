/** Test helpers of the registry: an agency to register documents in, the actors, and refusals. */
import { expect } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import type { Actor, CommandContext } from '../context.ts';
import { importRecords } from '../import-records.ts';
import { testContext } from '../testing-context.ts';

export const OPERATOR: Actor = { username: 'reg-operator', roles: ['operator'] };
export const REVIEWER: Actor = { username: 'reg-reviewer', roles: ['reviewer'] };
/** “now” of the tests: documents of 2020 and 2021 are in the past. */
export const NOW = new Date('2022-01-20T02:00:00Z');

/** The context of a registry command in the tests: `actor` (default the operator) at NOW. */
export function registryContext(db: Db, actor: Actor = OPERATOR): CommandContext {
  return testContext(db, { actor, now: NOW });
}

/** Creates an agency (through the import, as an installation would) and returns its id. */
export async function registryAgency(db: Db, code: string): Promise<number> {
  async function* lines() {
    yield JSON.stringify({ type: 'agency', code, name: `测试机关${code}`, kind: 'department' });
  }
  const ctx = testContext(db, { actor: { username: 'test' } });
  const result = await importRecords(ctx, { lines: lines(), source: 'registry test' });
  expect(result.problems).toEqual([]);
  const row = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The AppError a command refused with (fails the test when it did not refuse). */
export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Rows of a table, to check that a refused command wrote nothing. */
export async function count(
  db: Db,
  table: 'normative_documents' | 'registry_reviews' | 'events',
): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
