/** The signed-in user, their agencies and the one being worked on, shared by every page. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AgencyActor } from '../domain/accounts/actor.ts';
import { isScopeRole } from '../domain/accounts/actor.ts';
import { allows, type PolicyVerb } from '../domain/policies.ts';
import { onUnauthorized } from './api/client.ts';
import { fetchSession, type Session, type SessionAgency, signIn, signOut } from './api/session.ts';

const AGENCY_KEY = 'gongkai.console.agency';

interface SessionState {
  status: 'loading' | 'signed-out' | 'signed-in';
  session: Session | null;
  /** the agency being worked on (one of the session's) */
  agency: SessionAgency | null;
  chooseAgency(code: string): void;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** whether the domain's policy tables let the user do `area/verb` in the current agency */
  allows(verb: PolicyVerb): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

function storedAgency(): string | null {
  try {
    return localStorage.getItem(AGENCY_KEY);
  } catch {
    return null;
  }
}

/** The user as the policy tables see them in the current agency (its roles; none without one). */
function agencyActor(session: Session | null, agency: SessionAgency | null): AgencyActor {
  return {
    username: session?.user.username ?? '',
    roles: (agency?.roles ?? []).filter(isScopeRole),
    platformAdmin: Boolean(session?.user.platformAdmin),
  };
}

/** Provides the session; a 401 from any call signs the user out (the router then shows sign-in). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [agencyCode, setAgencyCode] = useState<string | null>(storedAgency());

  useEffect(() => {
    onUnauthorized(() => {
      setSession(null);
      setStatus('signed-out');
    });
    fetchSession().then(
      (found) => {
        setSession(found);
        setStatus(found ? 'signed-in' : 'signed-out');
      },
      () => setStatus('signed-out'),
    );
  }, []);

  const chooseAgency = useCallback((code: string) => {
    setAgencyCode(code);
    try {
      localStorage.setItem(AGENCY_KEY, code);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<SessionState>(() => {
    const agencies = session?.agencies ?? [];
    const agency = agencies.find((a) => a.code === agencyCode) ?? agencies[0] ?? null;
    return {
      status,
      session,
      agency,
      chooseAgency,
      async signIn(username, password) {
        const next = await signIn(username, password);
        setSession(next);
        setStatus('signed-in');
      },
      async signOut() {
        await signOut().catch(() => undefined);
        setSession(null);
        setStatus('signed-out');
      },
      allows(verb) {
        return allows(agencyActor(session, agency), verb);
      },
    };
  }, [status, session, agencyCode, chooseAgency]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state (inside SessionProvider). */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The current agency's code (pages under the layout always have one). */
export function useAgencyCode(): string {
  const { agency } = useSession();
  return agency?.code ?? '';
}
