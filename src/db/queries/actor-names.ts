/** The names (姓名) of the users behind recorded usernames, for the API to show people by name. */
import { actorLabel } from '../../domain/accounts/actor-name.ts';
import type { Db } from '../connection.ts';

/** username → the name to show (src/domain/accounts/actor-name.ts) */
export type ActorNames = (username: string) => string;

/** One query for every username given (nulls skipped); the answer names any of them. */
export async function loadActorNames(
  db: Db,
  usernames: Iterable<string | null | undefined>,
): Promise<ActorNames> {
  const wanted = [...new Set([...usernames].filter((u): u is string => Boolean(u)))];
  const rows = wanted.length
    ? await db.kysely
        .selectFrom('users')
        .select(['username', 'display_name'])
        .where('username', 'in', wanted)
        .execute()
    : [];
  const names = new Map(rows.map((r) => [r.username, r.display_name]));
  return (username) => actorLabel(username, names.get(username));
}
