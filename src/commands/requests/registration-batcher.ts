/**
 * Online submissions that arrive together are written together (issue 12): one transaction, and in
 * it one statement per table for all of them (writeRegistrations), instead of a transaction and
 * seven or eight statements each. With a hundred citizens filing at once, the statements' own cost
 * (building them, the driver, on PostgreSQL a round trip each) was most of a submission's time.
 *
 * Each submission is checked and worked out before it joins (prepareRegistration: a refusal writes
 * nothing and is answered at once). The batcher writes one batch at a time per database: what
 * arrives meanwhile waits for the next one (at most MAX_BATCH, of one agency, year and receipt kind
 * each). A batch is all or nothing like any transaction; when it fails, each of its submissions is
 * written again on its own, so only the one at fault fails (but a database busy past its lock wait —
 * an import holding SQLite's write lock — answers all of them 503 at once) (a form posted twice: the second finds
 * the first's token) and every other is registered — the numbers stay consecutive, as the failed
 * transaction counted nothing. Every caller is answered only after its registration is committed.
 */
import { isDatabaseBusy } from '../../db/busy.ts';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/transaction.ts';
import { batchKey, type PreparedRegistration } from './prepare-registration.ts';
import { type RegisteredRequest, writeRegistrations } from './register-request.ts';

/** The most submissions one transaction writes (the requests' INSERT binds ~30 values a row). */
export const MAX_BATCH = 50;

/** An online submission: its registration and the form's (or the API post's) one-time token. */
export interface TokenedRegistration {
  prepared: PreparedRegistration;
  token: string;
}

/**
 * Writes registrations of one batch key with their submission tokens (online_submissions) in one
 * transaction — the caller's when `db` is one. A token already used fails it (the primary key).
 */
export function registerWithTokens(
  db: Db,
  batch: readonly TokenedRegistration[],
): Promise<RegisteredRequest[]> {
  return inTransaction(db, async (trx) => {
    const registered = await writeRegistrations(
      trx,
      db.dialect,
      batch.map((b) => b.prepared),
    );
    await trx
      .insertInto('online_submissions')
      .values(
        batch.map((b, i) => ({
          token: b.token,
          request_id: (registered[i] as RegisteredRequest).requestId,
          created_at: b.prepared.at.toISOString(),
        })),
      )
      .execute();
    return registered;
  });
}

interface Pending extends TokenedRegistration {
  resolve(registered: RegisteredRequest): void;
  reject(error: unknown): void;
}

class RegistrationBatcher {
  #queue: Pending[] = [];
  #running = false;

  constructor(private readonly db: Db) {}

  register(submission: TokenedRegistration): Promise<RegisteredRequest> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...submission, resolve, reject });
      if (this.#running) return;
      this.#running = true;
      // the submissions of the same turn of the event loop join this first batch
      setImmediate(() => void this.#drain());
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const key = batchKey((this.#queue[0] as Pending).prepared);
        const batch: Pending[] = [];
        const rest: Pending[] = [];
        for (const pending of this.#queue) {
          if (batch.length < MAX_BATCH && batchKey(pending.prepared) === key) batch.push(pending);
          else rest.push(pending);
        }
        this.#queue = rest;
        await this.#write(batch);
      }
    } finally {
      this.#running = false;
    }
  }

  async #write(batch: Pending[]): Promise<void> {
    try {
      const registered = await registerWithTokens(this.db, batch);
      for (const [i, pending] of batch.entries()) pending.resolve(registered[i] as RegisteredRequest);
    } catch (error) {
      // a database busy past the lock wait (an import holds it: 503) is no submission's fault and
      // would be as busy for each of them again: every one is told at once
      if (batch.length === 1 || isDatabaseBusy(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // one of them failed the whole batch: each again on its own, so only that one fails
      for (const pending of batch) {
        try {
          const [registered] = await registerWithTokens(this.db, [pending]);
          pending.resolve(registered as RegisteredRequest);
        } catch (own) {
          pending.reject(own);
        }
      }
    }
  }
}

const batchers = new WeakMap<object, RegistrationBatcher>();

/**
 * Registers an online submission with its token: joined to a batch (RegistrationBatcher) on a
 * database of its own; at once in the caller's transaction when `db` is one (an import, a test).
 */
export async function registerSubmission(
  db: Db,
  submission: TokenedRegistration,
): Promise<RegisteredRequest> {
  if (db.kysely.isTransaction) {
    const [registered] = await registerWithTokens(db, [submission]);
    return registered as RegisteredRequest;
  }
  let batcher = batchers.get(db.kysely);
  if (!batcher) {
    batcher = new RegistrationBatcher(db);
    batchers.set(db.kysely, batcher);
  }
  return batcher.register(submission);
}
