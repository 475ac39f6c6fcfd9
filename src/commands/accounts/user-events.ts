/** The audit trail of users: every change to a user or their roles is a `users.…` event. */
import type { Kysely } from 'kysely';
import { rethrowConflict } from '../../db/conflict.ts';
import { appendEvent } from '../../db/events.ts';
import type { Database } from '../../db/schema.ts';

/** What a user event records. */
export interface UserEventInput {
  userId: number;
  /** the agency of a role change; null for installation-level changes */
  agencyId: number | null;
  type:
    | 'created'
    | 'role_granted'
    | 'role_revoked'
    | 'disabled'
    | 'enabled'
    | 'password_reset'
    | 'password_changed'
    | 'unlocked'
    | 'platform_admin_granted'
    | 'platform_admin_revoked';
  actor: string;
  at: Date;
  data?: Record<string, unknown>;
}

/** Appends one user event (inside the caller's transaction). */
export async function recordUserEvent(trx: Kysely<Database>, event: UserEventInput): Promise<void> {
  await appendEvent(trx, {
    name: `users.${event.type}`,
    subject: { type: 'user', id: event.userId },
    agency: event.agencyId,
    actor: event.actor,
    at: event.at,
    data: event.data ?? {},
  });
}

/** Maps a write conflict (unique index, deadlock, serialization failure) to a 409; rethrows anything else. */
export function conflictOr(error: unknown): never {
  return rethrowConflict(error, '该账号刚被其他人修改，请刷新后重试。');
}
