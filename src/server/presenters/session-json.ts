/** The body of `POST/GET /api/v1/session`: the user, their agencies with roles, the CSRF token. */
import type { z } from 'zod';
import { agenciesOfUser } from '../../accounts/user-access.ts';
import type { sessionSchema } from '../../contract/session.ts';
import type { Db } from '../../db/connection.ts';

export type SessionBody = z.infer<typeof sessionSchema>;

/** The session body of a user. */
export async function sessionJson(
  db: Db,
  user: { id: number; username: string; displayName: string; platformAdmin: boolean },
  csrfToken: string,
): Promise<SessionBody> {
  return {
    user: { username: user.username, displayName: user.displayName, platformAdmin: user.platformAdmin },
    agencies: await agenciesOfUser(db, user.id),
    csrfToken,
  };
}
