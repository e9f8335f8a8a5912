import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { ApprovalActions } from "./ApprovalActions";

afterEach(() => vi.unstubAllGlobals());

const refusal = (status: number, error_code: string, message: string) => () =>
  new Response(JSON.stringify({ error_code, message, details: {} }), { status, headers: { "Content-Type": "application/json" } });

describe("ApprovalActions", () => {
  it("says a wrong MFA code next to the code, inside the dialog", async () => {
    const { fetchMock, calls } = fakeApi({
      "POST /api/campaigns/c1/approve/": refusal(403, "mfa_required", "This action needs a recent MFA step-up."),
      "POST /api/auth/mfa/step-up": refusal(422, "invalid_mfa_code", "The authentication code is wrong, expired or already used."),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <ApprovalActions campaignId="c1" campaignName="Spring sale" /> }], "/");

    await userEvent.click(await screen.findByRole("button", { name: "Approve Spring sale" }));
    const dialog = await screen.findByRole("dialog", { name: "Confirm with your authenticator" });
    const code = screen.getByLabelText("6-digit code");
    await userEvent.type(code, "123456");
    await userEvent.click(screen.getByRole("button", { name: "Confirm" }));

    await waitFor(() => expect(code).toHaveAccessibleDescription(/code is wrong, expired or already used/));
    expect(code).toHaveAttribute("aria-invalid", "true");
    expect(dialog).toBeVisible();
    expect(document.querySelector(".notice-error")).toBeNull();
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(["/api/campaigns/c1/approve/", "/api/auth/mfa/step-up"]);
  });

  it("asks for a comment before rejecting, and sends it with the rejection", async () => {
    const bodies: unknown[] = [];
    const { fetchMock, calls } = fakeApi({
      "POST /api/campaigns/c1/reject/": async (request) => {
        bodies.push(await request.json());
        return { id: "c1" };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <ApprovalActions campaignId="c1" campaignName="Spring sale" /> }], "/");

    await userEvent.click(await screen.findByRole("button", { name: "Reject Spring sale" }));
    const comment = screen.getByLabelText("Comment for Spring sale");
    expect(comment).toHaveAttribute("aria-invalid", "true");
    expect(comment).toHaveAccessibleDescription(/the comment is required to reject/);
    await userEvent.type(comment, "   ");
    await userEvent.click(screen.getByRole("button", { name: "Reject Spring sale" }));
    expect(calls).toHaveLength(0);

    await userEvent.type(comment, "Budget too high for Q2.");
    expect(comment).toHaveAttribute("aria-invalid", "false");
    await userEvent.click(screen.getByRole("button", { name: "Reject Spring sale" }));
    await waitFor(() => expect(bodies).toEqual([{ comment: "Budget too high for Q2." }]));
  });
});
