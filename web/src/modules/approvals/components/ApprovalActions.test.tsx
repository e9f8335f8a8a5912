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
});
