/** The signed-in user, their agencies and the one being worked on, shared by every page. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AgencyActor } from '../domain/accounts/actor.ts';
import { isScopeRole } from '../domain/accounts/actor.ts';
import { allows, type PolicyVerb } from '../domain/policies.ts';
import { onUnauthorized } from './api/client.ts';
import { fetchSession, type Session, type SessionAgency, signIn, signOut } from './api/session.ts';

const AGENCY_KEY = 'gongkai.console.agency';
/** an agency a supervisor looks at (below their scope, so not among the session's agencies): `{code, name}` */
const VIEWED_KEY = 'gongkai.console.viewed';

/** The role a supervisor holds in the agencies they look at (read-only: no policy table grants it a write). */
export const SUPERVISOR_ROLE = 'supervisor';

interface SessionState {
  status: 'loading' | 'signed-out' | 'signed-in';
  session: Session | null;
  /** the agency being worked on (one of the session's), or looked at by a supervisor (read-only) */
  agency: SessionAgency | null;
  /** whether the current agency is only looked at: the user holds no staff role there (a supervisor) */
  readOnly: boolean;
  /** the agencies the user supervises (roots of their subtrees) */
  supervised: SessionAgency[];
  /** works in one of the session's agencies; with `name`, a supervisor looks at an agency below theirs */
  chooseAgency(code: string, name?: string): void;
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

function storedViewed(): { code: string; name: string } | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(VIEWED_KEY) ?? 'null') as unknown;
    if (parsed && typeof parsed === 'object' && 'code' in parsed && 'name' in parsed)
      return { code: String(parsed.code), name: String(parsed.name) };
  } catch {
    // unreadable: nothing viewed
  }
  return null;
}

function remember(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this page only
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
  const [viewed, setViewed] = useState<{ code: string; name: string } | null>(storedViewed());

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

  const chooseAgency = useCallback((code: string, name?: string) => {
    setAgencyCode(code);
    remember(AGENCY_KEY, code);
    const next = name === undefined ? null : { code, name };
    setViewed(next);
    remember(VIEWED_KEY, next && JSON.stringify(next));
  }, []);

  const value = useMemo<SessionState>(() => {
    const agencies = session?.agencies ?? [];
    const supervised = agencies.filter((a) => a.roles.includes(SUPERVISOR_ROLE));
    const own = agencies.find((a) => a.code === agencyCode);
    // a supervisor looking at an agency below theirs (the server checks the scope on every call)
    const looked =
      !own && viewed && viewed.code === agencyCode && supervised.length > 0
        ? { code: viewed.code, name: viewed.name, roles: [SUPERVISOR_ROLE] }
        : null;
    const agency = own ?? looked ?? agencies[0] ?? null;
    const readOnly = agency?.roles.every((r) => r === SUPERVISOR_ROLE) ?? false;
    return {
      status,
      session,
      agency,
      readOnly,
      supervised,
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
  }, [status, session, agencyCode, viewed, chooseAgency]);

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
