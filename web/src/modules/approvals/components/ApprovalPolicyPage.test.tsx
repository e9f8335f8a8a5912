import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { ApprovalPolicyPage } from "./ApprovalPolicyPage";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const policy = { steps: [{ name: "Approval" }], drift_threshold_percent: null, is_default: true };
const me = (permissions: string[]) => () => signedInUser(permissions);
const admin = me(["read_campaign", "manage_users"]);

function signedIn() {
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
}

describe("ApprovalPolicyPage", () => {
  it("saves a two-step chain with a finance step above an amount and a drift limit", async () => {
    const saved: unknown[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": admin,
      "GET /api/approval-policy/": () => policy,
      "PUT /api/approval-policy/": async (request) => {
        saved.push(await request.json());
        return { ...policy, is_default: false };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    signedIn();
    renderApp([{ path: "/", element: <ApprovalPolicyPage /> }], "/");

    await userEvent.click(await screen.findByRole("button", { name: "Add a step" }));
    await userEvent.type(screen.getByLabelText("Step 2 name"), "Finance");
    await userEvent.selectOptions(screen.getByLabelText("Step 2 role"), "finance");
    await userEvent.type(screen.getByLabelText("Step 2 applies above budget"), "10000");
    await userEvent.type(screen.getByLabelText("Audience drift limit (%)"), "15");
    await userEvent.click(screen.getByRole("button", { name: "Save policy" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      steps: [
        { name: "Approval", role: null, min_total_budget: null },
        { name: "Finance", role: "finance", min_total_budget: "10000" },
      ],
      drift_threshold_percent: "15",
    });
  }, 30_000);

  it("shows the API's refusal", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": admin,
      "GET /api/approval-policy/": () => policy,
      "PUT /api/approval-policy/": () =>
        new Response(
          JSON.stringify({ error_code: "permission_denied", message: "You do not have permission to do this.", details: {} }),
          { status: 403, headers: { "Content-Type": "application/json" } },
        ),
    });
    vi.stubGlobal("fetch", fetchMock);
    signedIn();
    renderApp([{ path: "/", element: <ApprovalPolicyPage /> }], "/");

    await userEvent.click(await screen.findByRole("button", { name: "Save policy" }));

    expect(await screen.findByText(/do not have permission/)).toBeInTheDocument();
  });

  it("shows the policy to a user who may not change it, read-only and without a save that could only be refused", async () => {
    const { fetchMock, calls } = fakeApi({
      "GET /api/auth/me": me(["read_campaign", "read_reference_data"]),
      "GET /api/approval-policy/": () => ({ ...policy, drift_threshold_percent: "15.00" }),
    });
    vi.stubGlobal("fetch", fetchMock);
    signedIn();
    renderApp([{ path: "/", element: <ApprovalPolicyPage /> }], "/");

    expect(await screen.findByText(/You do not have permission to change the approval policy/)).toBeInTheDocument();
    // The note shows once the user is known; the policy may still be on its way.
    expect(await screen.findByLabelText("Step 1 name")).toHaveValue("Approval");
    expect(screen.getByLabelText("Step 1 name")).toBeDisabled();
    expect(screen.getByLabelText("Audience drift limit (%)")).toHaveValue("15.00");
    expect(screen.getByLabelText("Audience drift limit (%)")).toBeDisabled();
    expect(screen.queryByRole("button")).toBeNull();
    expect(calls.filter((c) => c.method !== "GET")).toHaveLength(0);
  });
});
