import createClient from "openapi-fetch";
import type { paths } from "../client/schema";
import { toApiError } from "./errors";
import { session, type TokenPair } from "./session";

let refreshing: Promise<boolean> | null = null;

/** Rotate the refresh token once, however many requests saw a 401 at the same time. */
export function refreshSession(): Promise<boolean> {
  const refreshToken = session.refreshToken();
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch("/api/auth/refresh", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        // The refresh token is expired or revoked: the session has ended.
        session.clear("expired");
        return false;
      }
      session.store((await response.json()) as TokenPair);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function withAuth(request: Request): Request {
  const token = session.accessToken();
  const next = new Request(request);
  if (token) next.headers.set("Authorization", `Bearer ${token}`);
  return next;
}

/** fetch with the access token, and one silent refresh-and-retry on a 401. */
export async function authFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  if (!session.accessToken() && session.refreshToken()) await refreshSession();
  const response = await fetch(withAuth(request));
  if (response.status !== 401 || !session.refreshToken()) return response;
  if (!(await refreshSession())) return response;
  return fetch(withAuth(retry));
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authFetch });

/** The data of an openapi-fetch result, or the API's error thrown as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}
