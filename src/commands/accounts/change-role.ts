/** Grants or revokes a user's role in an agency (agency or platform administrator); each an event. */

import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../domain/accounts/actor.ts';
import { roleChangeRefusal } from '../../domain/accounts/policy.ts';
import { AppError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { assertAdministers, loadManagedUser } from './admin-scope.ts';
import { conflictOr, recordUserEvent } from './user-events.ts';

/** Grants or revokes; `changed` is false when the user already had (or lacked) the role. */
export async function changeRole(
  ctx: CommandContext<Actor>,
  input: { username: string; agencyId: number; role: string; grant: boolean },
): Promise<{ changed: boolean }> {
  const { db, actor: scope } = ctx;
  const now = ctx.clock.now();
  assertAdministers(scope, input.agencyId);
  return inTransaction(db, async (trx) => {
    // an agency administrator adds to their agency only users without a role elsewhere (else: the
    // platform administrator), and learns nothing of other agencies' users
    const user = await loadManagedUser(trx, input.username, scope, { allowUnassigned: input.grant });
    const refusal = roleChangeRefusal(scope, user, input);
    if (refusal) throw new AppError('forbidden', refusal);
    const held = await trx
      .selectFrom('user_roles')
      .select('role')
      .where('user_id', '=', user.id)
      .where('agency_id', '=', input.agencyId)
      .where('role', '=', input.role)
      .executeTakeFirst();
    if (input.grant === (held !== undefined)) return { changed: false };
    if (input.grant)
      await trx
        .insertInto('user_roles')
        .values({ user_id: user.id, agency_id: input.agencyId, role: input.role })
        .execute();
    else
      await trx
        .deleteFrom('user_roles')
        .where('user_id', '=', user.id)
        .where('agency_id', '=', input.agencyId)
        .where('role', '=', input.role)
        .execute();
    await recordUserEvent(trx, {
      ...{ userId: user.id, agencyId: input.agencyId, type: input.grant ? 'role_granted' : 'role_revoked' },
      ...{ actor: scope.username, at: now, data: { role: input.role } },
    });
    return { changed: true };
  }).catch(conflictOr);
}
