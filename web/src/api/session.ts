// Where the tokens live: the access token in memory, the refresh token in sessionStorage so a
// reload keeps the session in this tab and closing the tab ends it.
export type TokenPair = {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_expires_in: number;
};

const REFRESH_KEY = "crm.refresh";
const EXPIRES_KEY = "crm.sessionExpires";

type Listener = () => void;

let accessToken: string | null = null;
// Whether the last session ended on its own (expired or refused) rather than by signing out.
let expired = false;
const listeners = new Set<Listener>();

export const session = {
  accessToken: () => accessToken,
  refreshToken: () => sessionStorage.getItem(REFRESH_KEY),
  /** When the refresh token (the session) expires, ms since the epoch. */
  expiresAt: () => Number(sessionStorage.getItem(EXPIRES_KEY) ?? 0),
  store(pair: TokenPair) {
    accessToken = pair.access_token;
    expired = false;
    sessionStorage.setItem(REFRESH_KEY, pair.refresh_token);
    sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + pair.refresh_expires_in * 1000));
    listeners.forEach((listener) => listener());
  },
  /** Ends the session: signed out, or `expired` when it ended without the user asking (the
   * sign-in page then says so). */
  clear(reason?: "expired") {
    accessToken = null;
    expired = reason === "expired";
    sessionStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(EXPIRES_KEY);
    listeners.forEach((listener) => listener());
  },
  /** Whether the session ended on its own, until the next sign-in. */
  hasExpired: () => expired,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
