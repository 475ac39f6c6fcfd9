/**
 * Applicants' ID numbers at rest (docs/security.md, crypto/id-vault.ts):
 * - `sealIdNumbers`: seals every number still stored in clear (records written before sealing) —
 *   run at every server start and by `gongkai keys seal`; nothing to do is the usual case;
 * - `rotateIdKey`: a new key becomes current and every number is sealed again under it, its hash
 *   recomputed; the old keys stay in the keyring (older backups still open).
 * All rows in one transaction, with one event (who, when, how many; never a number).
 */

import { randomBytes } from 'node:crypto';
import { resealApplicant } from '../../crypto/applicant-id.ts';
import {
  createIdVault,
  forgetIdVault,
  type IdVault,
  idVaultFor,
  keyringPath,
  loadKeyring,
  newKeyId,
  writeKeyring,
} from '../../crypto/id-vault.ts';
import { appendEvent } from '../../db/events.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { CommandContext, NamedActor } from '../context.ts';

/** Re-seals, in one transaction, every applicant that `needs` says needs it; the count. */
async function resealAll(
  ctx: CommandContext<NamedActor>,
  vault: IdVault,
  needs: (stored: Record<string, unknown>) => boolean,
  event: { name: string; data: Record<string, unknown> },
  /** only rows whose stored text holds this (the start-up pass reads only numbers still in clear) */
  holding?: string,
): Promise<number> {
  return inTransaction(ctx.db, async (trx) => {
    let query = trx.selectFrom('requests').select(['id', 'applicant']).where('applicant', 'is not', null);
    if (holding) query = query.where('applicant', 'like', `%${holding}%`);
    const rows = await query.orderBy('id').execute();
    let changed = 0;
    for (const row of rows) {
      const stored = JSON.parse(row.applicant ?? '{}') as Record<string, unknown>;
      if (!needs(stored)) continue;
      await trx
        .updateTable('requests')
        .set({ applicant: JSON.stringify(resealApplicant(stored, vault)) })
        .where('id', '=', row.id)
        .execute();
      changed++;
    }
    if (changed > 0 || event.name === 'keys.rotated')
      await appendEvent(trx, {
        name: event.name,
        subject: { type: 'keyring', id: vault.keyring.current },
        agency: null,
        actor: ctx.actor.username,
        at: ctx.clock.now(),
        data: { ...event.data, requests: changed },
      });
    return changed;
  });
}

/** Seals the numbers still in clear; how many. */
export async function sealIdNumbers(
  ctx: CommandContext<NamedActor>,
): Promise<{ sealed: number; keyId: string }> {
  const vault = idVaultFor(ctx.db);
  const sealed = await resealAll(
    ctx,
    vault,
    (stored) => typeof stored.idNumber === 'string' && stored.idNumber !== '',
    { name: 'keys.id_numbers_sealed', data: { keyId: vault.keyring.current } },
    // every server start runs this: only the rows that still hold a number in clear are read
    '"idNumber":"',
  );
  return { sealed, keyId: vault.keyring.current };
}

/**
 * A new current key, and every number sealed again under it. The keyring file first gets the new
 * key (not yet current), then the database is re-sealed in one transaction, then the file names the
 * new key current: a crash in between leaves every number openable.
 */
export async function rotateIdKey(
  ctx: CommandContext<NamedActor>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ from: string; to: string; resealed: number }> {
  const path = keyringPath(env, ctx.db);
  const old = loadKeyring(path);
  const to = newKeyId();
  const withNew = { current: old.current, keys: { ...old.keys, [to]: randomBytes(32) } };
  writeKeyring(path, withNew);
  const next = createIdVault({ current: to, keys: withNew.keys });
  const resealed = await resealAll(
    ctx,
    next,
    // every number, sealed or still in clear: sealed again under the new key, its hash recomputed
    (stored) =>
      (typeof stored.idNumber === 'string' && stored.idNumber !== '') || typeof stored.idSealed === 'string',
    { name: 'keys.rotated', data: { from: old.current, to } },
  );
  writeKeyring(path, { current: to, keys: withNew.keys });
  forgetIdVault(path);
  return { from: old.current, to, resealed };
}
