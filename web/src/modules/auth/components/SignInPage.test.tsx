import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Outlet, useLocation } from "react-router-dom";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { refreshSession } from "../../../api/http";
import { App } from "../../../App";
import { returnPath } from "../returnPath";
import { SignInPage } from "./SignInPage";

// The pages behind the sign-in, reduced to where they are.
vi.mock("../../../routes/Layout", () => ({ Layout: () => <Outlet /> }));
vi.mock("../../campaigns/components/CampaignEditor", () => ({ CampaignEditor: () => <Where page="editor" /> }));
vi.mock("../../campaigns/components/CampaignListPage", () => ({ CampaignListPage: () => <Where page="list" /> }));

function Where({ page }: { page: string }) {
  const location = useLocation();
  return <p data-testid="where">{`${page} ${location.pathname}${location.search}`}</p>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

describe("SignInPage", () => {
  it("validates before calling the API", async () => {
    const { fetchMock, calls } = fakeApi({});
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/sign-in", element: <SignInPage /> }], "/sign-in");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your email address.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");
    expect(calls).toHaveLength(0);
  });

  it("shows the API's message when the credentials are wrong, and takes focus back to the emptied password", async () => {
    const { fetchMock, calls } = fakeApi({
      "POST /api/auth/token": () =>
        new Response(JSON.stringify({ error_code: "invalid_credentials", message: "Wrong email or password.", details: {} }), {
          status: 401,
        }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/sign-in", element: <SignInPage /> }], "/sign-in");
    await userEvent.type(screen.getByLabelText("Email"), "manager@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "nope");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password.");
    expect(session.refreshToken()).toBeNull();
    // Back on the emptied password, to retype it right there and send it.
    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(password).toHaveFocus());
    expect(password).toHaveValue("");
    expect(screen.getByLabelText("Email")).toHaveValue("manager@acme.test");
    await userEvent.keyboard("demo-pass-123{Enter}");
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(await calls[1].text()).toContain("password=demo-pass-123");
  });

  it("keeps the session after a successful sign-in", async () => {
    const { fetchMock, calls } = fakeApi({
      "POST /api/auth/token": () => ({ access_token: "a1", refresh_token: "r1", expires_in: 900, refresh_expires_in: 3600 }),
      "GET /api/auth/me": () => ({ id: "u", email: "m@a", full_name: "M", company: { id: "c", name: "Acme", slug: "acme" }, roles: [], permissions: [], mfa_enabled: false, last_login_at: null }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/sign-in", element: <SignInPage /> }], "/sign-in");
    await userEvent.type(screen.getByLabelText("Email"), "manager@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "demo-pass-123");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(session.refreshToken()).toBe("r1"));
    const body = await calls[0].text();
    expect(body).toContain("username=manager%40acme.test");
  });

  it("asks an account with MFA for a code, says a wrong one next to it, and signs in with the right one", async () => {
    const challenge = { mfa_required: true, mfa_token: "challenge-1", token_type: "mfa_challenge", expires_in: 300, methods: ["totp"] };
    const codes: unknown[] = [];
    const { fetchMock } = fakeApi({
      "POST /api/auth/token": () => challenge,
      "POST /api/auth/mfa/sign-in": async (request) => {
        const body = (await request.json()) as { mfa_token: string; code: string };
        codes.push(body);
        if (body.code !== "492039")
          return new Response(
            JSON.stringify({ error_code: "invalid_mfa_code", message: "The authentication code is wrong, expired or already used.", details: {} }),
            { status: 422 },
          );
        return { access_token: "a2", refresh_token: "r2", expires_in: 900, refresh_expires_in: 3600 };
      },
      "GET /api/auth/me": () => ({ id: "u", email: "f@a", full_name: "F", company: { id: "c", name: "Acme", slug: "acme" }, roles: [], permissions: [], mfa_enabled: true, last_login_at: null }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/sign-in", element: <SignInPage /> }], "/sign-in");
    await userEvent.type(screen.getByLabelText("Email"), "finance@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "demo-pass-123");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));

    // No session from the password alone: the code step, focused.
    const code = await screen.findByLabelText("6-digit code");
    expect(code).toHaveFocus();
    expect(session.refreshToken()).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(code).toHaveAccessibleDescription(/Enter the 6 digits/);
    expect(codes).toHaveLength(0);

    await userEvent.type(code, "111111");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(code).toHaveAccessibleDescription(/code is wrong, expired or already used/));
    expect(code).toHaveValue("");

    await userEvent.type(code, "492039");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));
    await waitFor(() => expect(session.refreshToken()).toBe("r2"));
    expect(codes).toEqual([
      { mfa_token: "challenge-1", code: "111111" },
      { mfa_token: "challenge-1", code: "492039" },
    ]);
  });

  it("goes back to the password when the MFA challenge has expired", async () => {
    const { fetchMock } = fakeApi({
      "POST /api/auth/token": () => ({ mfa_required: true, mfa_token: "old", token_type: "mfa_challenge", expires_in: 300, methods: ["totp"] }),
      "POST /api/auth/mfa/sign-in": () =>
        new Response(
          JSON.stringify({
            error_code: "invalid_mfa_challenge",
            message: "The MFA challenge is invalid, expired or already used; sign in with the password again.",
            details: {},
          }),
          { status: 401 },
        ),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/sign-in", element: <SignInPage /> }], "/sign-in");
    await userEvent.type(screen.getByLabelText("Email"), "finance@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "demo-pass-123");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await userEvent.type(await screen.findByLabelText("6-digit code"), "123456");
    await userEvent.click(screen.getByRole("button", { name: "Verify" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("sign in with the password again");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(session.refreshToken()).toBeNull();
  });

  it("goes back to the deep link that asked for the sign-in", async () => {
    const { fetchMock } = fakeApi({
      "POST /api/auth/token": () => ({ access_token: "a1", refresh_token: "r1", expires_in: 900, refresh_expires_in: 3600 }),
      "GET /api/auth/me": () => ({ id: "u", email: "m@a", full_name: "M", company: { id: "c", name: "Acme", slug: "acme" }, roles: [], permissions: [], mfa_enabled: false, last_login_at: null }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "*", element: <App /> }], "/campaigns/c1/budget?from=list");
    await userEvent.type(await screen.findByLabelText("Email"), "manager@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "demo-pass-123");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("where")).toHaveTextContent("editor /campaigns/c1/budget?from=list");
  });

  it("goes back only to a path of this app", () => {
    expect(returnPath({ from: { pathname: "/approvals", search: "?page=2", hash: "" } })).toBe("/approvals?page=2");
    expect(returnPath({ from: "/audit" })).toBe("/audit");
    for (const from of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/sign-in", { pathname: 3 }])
      expect(returnPath({ from })).toBe("/campaigns");
    expect(returnPath(null)).toBe("/campaigns");
  });

  const tokens = { access_token: "a1", refresh_token: "r1", expires_in: 900, refresh_expires_in: 3600 };
  const manager = { id: "u", email: "m@a", full_name: "M", company: { id: "c", name: "Acme", slug: "acme" }, roles: [], permissions: [], mfa_enabled: false, last_login_at: null };

  it("says a session that ended on its own has ended, and signing in again goes back to the page it ended on", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": () => manager,
      "POST /api/auth/refresh": () =>
        new Response(JSON.stringify({ error_code: "session_ended", message: "The session has ended.", details: {} }), { status: 401 }),
      "POST /api/auth/token": () => ({ ...tokens, refresh_token: "r2" }),
    });
    vi.stubGlobal("fetch", fetchMock);
    session.store(tokens);
    renderApp([{ path: "*", element: <App /> }], "/campaigns/c1/budget?from=list");
    expect(await screen.findByTestId("where")).toHaveTextContent("editor /campaigns/c1/budget?from=list");

    // The refresh token is refused: the session is over.
    await act(async () => {
      await refreshSession();
    });
    expect(await screen.findByText("Your session ended; sign in again.")).toBeInTheDocument();
    expect(session.refreshToken()).toBeNull();

    await userEvent.type(screen.getByLabelText("Email"), "manager@acme.test");
    await userEvent.type(screen.getByLabelText("Password"), "demo-pass-123");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByTestId("where")).toHaveTextContent("editor /campaigns/c1/budget?from=list");
    expect(session.hasExpired()).toBe(false);
  });

  it("says nothing of an ended session after signing out", async () => {
    const { fetchMock } = fakeApi({ "GET /api/auth/me": () => manager });
    vi.stubGlobal("fetch", fetchMock);
    session.store(tokens);
    renderApp([{ path: "*", element: <App /> }], "/campaigns");
    await screen.findByTestId("where");

    act(() => session.clear());
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByText(/Your session ended/)).toBeNull();
  });
});
