/** The body of `POST/GET /api/v1/session`: the user, their agencies with roles, the CSRF token. */
import { z } from 'zod';
import { agenciesOfUser } from '../../accounts/user-access.ts';
import type { Db } from '../../db/connection.ts';

export const sessionSchema = z.object({
  user: z.object({
    username: z.string(),
    displayName: z.string(),
    platformAdmin: z.boolean().describe('installation-level administrator (users, calendar)'),
  }),
  agencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      roles: z.array(z.string()).describe('operator | approver | reviewer | agency_admin'),
    }),
  ),
  csrfToken: z.string().describe('send it back in X-CSRF-Token on every POST, PUT, PATCH and DELETE'),
});
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
