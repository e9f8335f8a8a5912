import { afterEach, describe, expect, it, vi } from "vitest";
import { waitFor } from "@testing-library/react";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { SessionTimeoutWarning } from "./SessionTimeoutWarning";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe("SessionTimeoutWarning", () => {
  it("ends a session whose time has run out as one that ended on its own, not as a sign-out", async () => {
    const { fetchMock, calls } = fakeApi({
      "GET /api/auth/me": () => ({ id: "u", email: "m@a", full_name: "M", company: { id: "c", name: "Acme", slug: "acme" }, roles: [], permissions: [], mfa_enabled: false, last_login_at: null }),
      "POST /api/auth/logout": () => new Response(null, { status: 204 }),
    });
    vi.stubGlobal("fetch", fetchMock);
    session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 1 });
    renderApp([{ path: "/", element: <SessionTimeoutWarning /> }], "/");

    await waitFor(() => expect(session.refreshToken()).toBeNull(), { timeout: 4000 });
    expect(session.hasExpired()).toBe(true);
    // The API is told too: the refresh token cannot be used after its time.
    expect(calls.map((call) => new URL(call.url).pathname)).toContain("/api/auth/logout");
  });
});
