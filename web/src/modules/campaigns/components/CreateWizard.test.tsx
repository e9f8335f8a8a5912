import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { CreateWizard } from "./CreateWizard";

afterEach(() => vi.unstubAllGlobals());

const empty = { items: [], total: 0, page: 1, page_size: 100, filters: {} };

describe("CreateWizard", () => {
  it("takes a schedule conflict back to the details step, next to the dates", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaign-templates/": () => empty,
      "GET /api/campaign-budgets/": () => empty,
      "GET /api/campaign-budgets/availability/": () => ({}),
      "POST /api/campaigns/": () =>
        new Response(
          JSON.stringify({
            error_code: "schedule_conflict",
            message: "The campaign's dates overlap a planned or active campaign on a channel they share.",
            details: {
              primary_channel: "email",
              channels: ["email"],
              conflicting_campaigns: [{ id: "c9", campaign_code: "CMP-2026-00009", primary_channel: "email", shared_channels: ["email"] }],
            },
          }),
          { status: 409, headers: { "Content-Type": "application/json" } },
        ),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <CreateWizard /> }], "/");

    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    for (let step = 0; step < 4; step += 1) await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await userEvent.click(await screen.findByRole("button", { name: "Create campaign" }));

    const start = await screen.findByLabelText("Start");
    await waitFor(() => expect(start).toHaveAccessibleDescription(/overlap CMP-2026-00009 \(email\) on email/));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Details");
    expect(document.querySelector(".notice-error")).toBeNull();
  });
});
