import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test-utils";
import { api } from "./http";
import { session } from "./session";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe("authFetch", () => {
  it("refreshes once on a 401 and retries with the new token", async () => {
    session.store({ access_token: "old", refresh_token: "r1", expires_in: 900, refresh_expires_in: 3600 });
    const seen: string[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": (request) => {
        seen.push(request.headers.get("Authorization") ?? "");
        if (request.headers.get("Authorization") === "Bearer old") {
          return new Response(JSON.stringify({ error_code: "token_expired", message: "Expired.", details: {} }), { status: 401 });
        }
        return { id: "u" };
      },
      "POST /api/auth/refresh": () => ({ access_token: "new", refresh_token: "r2", expires_in: 900, refresh_expires_in: 3600 }),
    });
    vi.stubGlobal("fetch", fetchMock);
    const result = await api.GET("/api/auth/me");
    expect(result.response.status).toBe(200);
    expect(seen).toEqual(["Bearer old", "Bearer new"]);
    expect(session.refreshToken()).toBe("r2");
  });

  it("ends the session when the refresh is refused", async () => {
    session.store({ access_token: "old", refresh_token: "r1", expires_in: 900, refresh_expires_in: 3600 });
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": () => new Response("{}", { status: 401 }),
      "POST /api/auth/refresh": () => new Response("{}", { status: 401 }),
    });
    vi.stubGlobal("fetch", fetchMock);
    const result = await api.GET("/api/auth/me");
    expect(result.response.status).toBe(401);
    expect(session.refreshToken()).toBeNull();
  });
});
