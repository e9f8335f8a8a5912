import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { SignInPage } from "./SignInPage";

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

  it("shows the API's message when the credentials are wrong", async () => {
    const { fetchMock } = fakeApi({
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
});
