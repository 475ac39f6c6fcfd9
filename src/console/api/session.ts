/** The session contract of `/api/v1/session` (sign-in with a password, an HttpOnly cookie, a CSRF token). */
import type { z } from 'zod';
import type { sessionSchema } from '../../contract/session.ts';
import { api } from './client.ts';

export type Session = z.infer<typeof sessionSchema>;
export type SessionAgency = Session['agencies'][number];

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.call<Session>('/api/v1/session', { quiet401: true });
    api.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if ((error as { status?: number }).status === 401) return null;
    throw error;
  }
}

/** Signs in; the server sets the cookie and answers the session. */
export async function signIn(username: string, password: string): Promise<Session> {
  const session = await api.call<Session>('/api/v1/session', {
    method: 'POST',
    body: { username, password },
    quiet401: true,
  });
  api.setCsrfToken(session.csrfToken);
  return session;
}

/** Signs out (the server ends the session and clears the cookie). */
export async function signOut(): Promise<void> {
  try {
    await api.call('/api/v1/session', { method: 'DELETE', quiet401: true });
  } finally {
    api.setCsrfToken(null);
  }
}
