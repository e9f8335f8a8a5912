import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/http";
import { toApiError } from "../../api/errors";
import { session, type TokenPair } from "../../api/session";
import type { components } from "../../client/schema";

export type Me = components["schemas"]["Me"];
/** The password was right and the account has MFA: a code completes the sign-in. */
export type MfaChallenge = components["schemas"]["MFAChallenge"];

type AuthValue = {
  me: Me | undefined;
  isLoading: boolean;
  signedIn: boolean;
  /** Starts the session, or answers the MFA challenge when the account has MFA on. */
  signIn: (email: string, password: string) => Promise<MfaChallenge | null>;
  /** The second step of an MFA sign-in: the challenge and a code of the authenticator. */
  completeMfaSignIn: (challenge: MfaChallenge, code: string) => Promise<void>;
  /** Ends the session; `expired` when it ran out rather than being asked for. */
  signOut: (reason?: "expired") => Promise<void>;
  /** The previous session ended on its own (expired or refused), not by signing out. */
  sessionEnded: boolean;
  can: (permission: string) => boolean;
};

const AuthContext = createContext<AuthValue | null>(null);

export type AuthProviderProps = { children: ReactNode };

export function AuthProvider({ children }: AuthProviderProps) {
  const queryClient = useQueryClient();
  const [hasSession, setHasSession] = useState(() => Boolean(session.refreshToken()));
  const [sessionEnded, setSessionEnded] = useState(() => session.hasExpired());
  useEffect(
    () =>
      session.subscribe(() => {
        setHasSession(Boolean(session.refreshToken()));
        setSessionEnded(session.hasExpired());
      }),
    [],
  );

  const meQuery = useQuery({
    queryKey: ["me"],
    queryFn: async () => unwrap(await api.GET("/api/auth/me")),
    enabled: hasSession,
    staleTime: 60_000,
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const response = await fetch("/api/auth/token", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ username: email, password }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw toApiError(response.status, body);
      if ((body as MfaChallenge).mfa_required) return body as MfaChallenge;
      queryClient.clear();
      session.store(body as TokenPair);
      return null;
    },
    [queryClient],
  );

  const completeMfaSignIn = useCallback(
    async (challenge: MfaChallenge, code: string) => {
      const response = await fetch("/api/auth/mfa/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mfa_token: challenge.mfa_token, code }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw toApiError(response.status, body);
      queryClient.clear();
      session.store(body as TokenPair);
    },
    [queryClient],
  );

  const signOut = useCallback(
    async (reason?: "expired") => {
      const refreshToken = session.refreshToken();
      await api
        .POST("/api/auth/logout", { body: { refresh_token: refreshToken, all_sessions: false } })
        .catch(() => undefined);
      session.clear(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  const value = useMemo<AuthValue>(() => {
    const permissions = new Set(meQuery.data?.permissions ?? []);
    return {
      me: hasSession ? meQuery.data : undefined,
      isLoading: hasSession && meQuery.isLoading,
      signedIn: hasSession && Boolean(meQuery.data),
      signIn,
      completeMfaSignIn,
      signOut,
      sessionEnded,
      can: (permission: string) => permissions.has(permission),
    };
  }, [hasSession, meQuery.data, meQuery.isLoading, signIn, completeMfaSignIn, signOut, sessionEnded]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
