import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSocket, fakeApi, renderApp, signedInUser } from "../test-utils";
import { session } from "../api/session";
import { useUnsavedChangesGuard } from "../modules/campaigns/useUnsavedChangesGuard";
import { Layout } from "./Layout";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  session.clear();
});

/** A page holding input not saved yet. */
function UnsavedForm() {
  useUnsavedChangesGuard(true);
  return <p>Half-filled form</p>;
}

function renderLayout(page: JSX.Element | null) {
  const api = fakeApi({
    "GET /api/auth/me": () => signedInUser(["read_campaign"]),
    "POST /api/ws-ticket/": () => ({ ticket: "t" }),
    "POST /api/auth/logout": () => ({}),
  });
  vi.stubGlobal("fetch", api.fetchMock);
  vi.stubGlobal("WebSocket", FakeSocket);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp(
    [
      {
        path: "/",
        element: (
          <>
            <Layout />
            {page}
          </>
        ),
      },
    ],
    "/",
  );
  return api.calls;
}

const loggedOut = (calls: Request[]) => calls.filter((call) => call.method === "POST" && call.url.endsWith("/api/auth/logout"));

describe("Layout", () => {
  it("asks before signing out over unsaved changes, and stays when the user says no", async () => {
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    const calls = renderLayout(<UnsavedForm />);

    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));
    expect(confirm).toHaveBeenCalledWith("You have unsaved changes. Sign out without saving them?");
    expect(loggedOut(calls)).toHaveLength(0);
    expect(session.refreshToken()).toBe("r");

    confirm.mockReturnValue(true);
    await userEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(loggedOut(calls)).toHaveLength(1));
  });

  it("signs out at once when nothing is unsaved", async () => {
    const confirm = vi.spyOn(window, "confirm");
    const calls = renderLayout(null);

    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(loggedOut(calls)).toHaveLength(1));
    expect(confirm).not.toHaveBeenCalled();
  });
});
