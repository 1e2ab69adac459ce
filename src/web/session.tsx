/**
 * Who is signed in. The server owns the session (an httpOnly cookie); the UI asks for it once on start,
 * keeps the CSRF token in the API client, and forgets the user as soon as any request answers 401.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiClient, ApiError, type SessionUser } from './api';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'anonymous'; readonly reason: 'none' | 'signed-out' | 'expired' | 'unreachable' }
  | { readonly status: 'signed-in'; readonly user: SessionUser };

export interface SessionApi {
  readonly state: SessionState;
  readonly api: ApiClient;
  /** Throws the ApiError of a failed sign-in for the form to translate. */
  readonly signIn: (username: string, password: string) => Promise<SessionUser>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children, api: given }: { children: ReactNode; api?: ApiClient }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [api] = useState(
    () =>
      given ??
      new ApiClient({ onUnauthenticated: () => setState({ status: 'anonymous', reason: 'expired' }) }),
  );

  useEffect(() => {
    let cancelled = false;
    api.session().then(
      (session) => {
        if (cancelled) return;
        setState(
          session ? { status: 'signed-in', user: session.user } : { status: 'anonymous', reason: 'none' },
        );
      },
      (error: unknown) => {
        if (cancelled) return;
        const unreachable = error instanceof ApiError && (error.status === 0 || error.status >= 500);
        setState({ status: 'anonymous', reason: unreachable ? 'unreachable' : 'none' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await api.login(username, password);
      setState({ status: 'signed-in', user: session.user });
      return session.user;
    },
    [api],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The server may already have ended the session; locally the person is signed out either way.
    }
    setState({ status: 'anonymous', reason: 'signed-out' });
  }, [api]);

  const value = useMemo<SessionApi>(() => ({ state, api, signIn, signOut }), [state, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
