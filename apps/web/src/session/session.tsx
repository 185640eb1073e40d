import { ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { completeLoginWithCode, login, logout } from '../api/account';
import { api, setUnauthorizedHandler, tokenStore } from '../api/client';
import type { Me, Role, Session as LoginResponse, User as Account } from '../api/schema';

/** The signed-in person: GET /api/auth/me's answer; after a sign-in in this tab also the account's e-mail. */
type User = Me & Partial<Pick<Account, 'email' | 'active'>>;

export interface Session {
  user: User;
  /** True once a call answered 401: the screen stays as it is while the person signs in again. */
  expired: boolean;
  hasRole: (...roles: Role[]) => boolean;
  signIn: SignIn;
  signOut: () => void;
  /** Takes over the session a password change returned (the old token ended with it). */
  adopt: (login: LoginResponse) => void;
}

/** Signing in: the password step, then, for people with a second factor, the code step. */
export interface SignIn {
  (username: string, password: string): Promise<SignInStep>;
  withCode: (mfaToken: string, code: string) => Promise<User>;
}
export type SignInStep = { user: User } | { codeNeeded: { mfaToken: string } };

interface SessionState {
  status: 'checking' | 'signed_out' | 'signed_in';
  user: User | null;
  expired: boolean;
  /** Why the person is signed out, when it was not their choice: the sign-in screen says so. */
  endedBy?: 'expired';
}

const EndedContext = createContext<SessionState['endedBy']>(undefined);
/** Why the session ended without the person signing out, for the sign-in screen. */
export function useSessionEnded(): SessionState['endedBy'] {
  return useContext(EndedContext);
}

const SessionContext = createContext<Session | null>(null);
const SignInContext = createContext<SignIn | null>(null);

export function SessionProvider({ signedOut, checking, children }: { signedOut: ReactNode; checking: ReactNode; children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: tokenStore.get() ? 'checking' : 'signed_out', user: null, expired: false });

  useEffect(() => {
    setUnauthorizedHandler(() => setState((s) => (s.status === 'signed_in' ? { ...s, expired: true } : { status: 'signed_out', user: null, expired: false, endedBy: s.status === 'checking' ? 'expired' : s.endedBy })));
    return () => setUnauthorizedHandler(null);
  }, []);

  useEffect(() => {
    if (state.status !== 'checking') return;
    api.GET('/api/auth/me').then(
      (user) => setState({ status: 'signed_in', user, expired: false }),
      (error: { status?: number }) => {
        tokenStore.clear();
        // A token kept from earlier that no longer works: the session ended while the tab was away.
        setState({ status: 'signed_out', user: null, expired: false, endedBy: error?.status === 401 ? 'expired' : undefined });
      },
    );
  }, [state.status]);

  const adopt = useCallback(({ accessToken, user }: LoginResponse) => {
    tokenStore.set(accessToken);
    setState({ status: 'signed_in', user, expired: false });
  }, []);

  const signIn = useMemo<SignIn>(() => {
    const first = async (username: string, password: string): Promise<SignInStep> => {
      const answer = await login(username, password);
      if ('secondFactorRequired' in answer) return { codeNeeded: { mfaToken: answer.mfaToken } };
      adopt(answer);
      return { user: answer.user };
    };
    return Object.assign(first, {
      withCode: async (mfaToken: string, code: string) => {
        const answer = await completeLoginWithCode(mfaToken, code);
        adopt(answer);
        return answer.user;
      },
    });
  }, [adopt]);

  const signOut = useCallback(() => {
    // Ends the token on the server too (read before it is cleared here); signing out never waits for it.
    logout().catch(() => undefined);
    tokenStore.clear();
    setState({ status: 'signed_out', user: null, expired: false });
  }, []);

  const session = useMemo<Session | null>(
    () =>
      state.user && {
        user: state.user,
        expired: state.expired,
        hasRole: (...roles: Role[]) => roles.some((role) => state.user!.roles.includes(role)),
        signIn,
        signOut,
        adopt,
      },
    [state.user, state.expired, signIn, signOut, adopt],
  );

  if (state.status === 'checking') return <>{checking}</>;
  return (
    <SignInContext.Provider value={signIn}>
      <EndedContext.Provider value={state.endedBy}>{session ? <SessionContext.Provider value={session}>{children}</SessionContext.Provider> : signedOut}</EndedContext.Provider>
    </SignInContext.Provider>
  );
}

/** The signed-in session; screens inside the provider can rely on it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in SessionProvider');
  return session;
}

export function useSignIn(): SignIn {
  const signIn = useContext(SignInContext);
  if (!signIn) throw new Error('useSignIn outside SessionProvider');
  return signIn;
}
