import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import type { CampaignDetail } from "../api";
import { DetailsTab } from "./DetailsTab";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = {
  id: "u",
  email: "manager@acme.test",
  full_name: "Manager",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["marketing_manager"],
  permissions: ["read_campaign", "update_campaign"],
  mfa_enabled: false,
  last_login_at: null,
};

const campaign = {
  id: "c1",
  campaign_name: "Spring sale",
  campaign_code: "SPRING-26",
  description: null,
  campaign_type: "promotional",
  campaign_category: "sales",
  primary_channel: "email",
  campaign_status: "draft",
  approval_status: "not_required",
  start_date: "2026-03-01T09:00:00Z",
  end_date: "2026-03-31T09:00:00Z",
  total_budget: "2000.00",
  currency_code: "USD",
  version: 3,
} as unknown as CampaignDetail;

const refusal = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderWith(answer: (request: Request) => unknown, shown: CampaignDetail = campaign) {
  const { fetchMock, calls } = fakeApi({ "GET /api/auth/me": () => me, "PATCH /api/campaigns/c1/": answer });
  vi.stubGlobal("fetch", fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <DetailsTab campaign={shown} /> }], "/");
  return calls;
}

const patches = (calls: Request[]) => calls.filter((c) => c.method === "PATCH");

async function changeName() {
  const name = await screen.findByLabelText("Campaign name");
  await waitFor(() => expect(name).toBeEnabled());
  await userEvent.type(name, " 2");
  await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
}

describe("DetailsTab", () => {
  it("shows a schedule conflict next to the dates and the channel, not in a banner", async () => {
    renderWith(
      refusal(409, {
        error_code: "schedule_conflict",
        message: "The campaign's dates overlap a planned or active campaign on a channel they share.",
        details: {
          primary_channel: "email",
          channels: ["email"],
          conflicting_campaigns: [{ id: "c2", campaign_code: "CMP-2026-00003", primary_channel: "multi_channel", shared_channels: ["email"] }],
        },
      }),
    );
    await changeName();

    const start = screen.getByLabelText("Start");
    await waitFor(() => expect(start).toHaveAttribute("aria-invalid", "true"));
    expect(start).toHaveAccessibleDescription(/overlap CMP-2026-00003 \(email\) on email/);
    await waitFor(() => expect(screen.getByLabelText("Primary channel")).toHaveFocus());
    expect(screen.getByLabelText("End")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Primary channel")).toHaveAccessibleDescription(/Shared with CMP-2026-00003/);
    expect(document.querySelector(".notice-error")).toBeNull();

    // Editing a field clears what the API said about the values sent.
    await userEvent.type(screen.getByLabelText("Campaign name"), "!");
    expect(start).toHaveAttribute("aria-invalid", "false");
  });

  it("shows a taken code and a 422's per-field messages next to their fields", async () => {
    renderWith(
      refusal(409, {
        error_code: "duplicate_campaign_code",
        message: "Another campaign of the company already uses this code.",
        details: { campaign_code: "SPRING-26" },
      }),
    );
    await changeName();
    await waitFor(() =>
      expect(screen.getByLabelText("Campaign code (optional)")).toHaveAccessibleDescription(/already uses this code/),
    );
    expect(document.querySelector(".notice-error")).toBeNull();
  });

  it("keeps a banner for what no field shows", async () => {
    renderWith(
      refusal(422, {
        error_code: "budget_exceeded",
        message: "The campaign budget exceeds the budget available for its fiscal year.",
        details: { fields: { total_budget: ["exceeds the budget available for the fiscal year"], "body.template_id": ["unknown"] } },
      }),
    );
    await changeName();
    await waitFor(() =>
      expect(screen.getByLabelText("Total budget")).toHaveAccessibleDescription(/exceeds the budget available/),
    );
    expect(document.querySelector(".notice-error")).toHaveTextContent("exceeds the budget available for its fiscal year");
  });

  it("refuses an emptied budget next to the field instead of keeping the old amount", async () => {
    const calls = renderWith(() => ({ ...campaign, validation_warnings: [] }));
    const budget = await screen.findByLabelText("Total budget");
    await waitFor(() => expect(budget).toBeEnabled());
    await userEvent.clear(budget);
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(budget).toHaveAccessibleDescription("Enter a budget, 0 for none."));
    expect(budget).toHaveAttribute("aria-invalid", "true");
    expect(patches(calls)).toHaveLength(0);
  });

  it("sends a budget of 0 when the campaign is to have none", async () => {
    const bodies: unknown[] = [];
    renderWith(async (request) => {
      bodies.push(await request.json());
      return { ...campaign, total_budget: "0.00", version: 4, validation_warnings: [] };
    });
    const budget = await screen.findByLabelText("Total budget");
    await waitFor(() => expect(budget).toBeEnabled());
    await userEvent.clear(budget);
    await userEvent.type(budget, "0");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ total_budget: "0" });
  });

  it.each(["completed", "cancelled"])("shows a %s campaign's details read-only, with a note, and no save", async (status) => {
    const calls = renderWith(() => ({}), { ...campaign, campaign_status: status } as CampaignDetail);
    expect(await screen.findByText(new RegExp(`This campaign is ${status}: its details .* can no longer be changed`))).toBeInTheDocument();
    // Still read-only once the user (who may edit campaigns) is known.
    await waitFor(() => expect(calls.some((c) => c.url.includes("/api/auth/me"))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText("Campaign name")).toBeDisabled();
    expect(screen.getByLabelText("Total budget")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  });

  it("overwrites another user's newer version with only the fields this user changed", async () => {
    const sent: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
    renderWith(async (request) => {
      sent.push({ ifMatch: request.headers.get("If-Match"), body: (await request.json()) as Record<string, unknown> });
      if (sent.length === 1)
        return new Response(JSON.stringify({ error_code: "precondition_failed", message: "The campaign changed.", details: {} }), {
          status: 412,
          headers: { "Content-Type": "application/json" },
        });
      return { ...campaign, campaign_name: "Spring sale 2", version: 5, validation_warnings: [] };
    });
    await changeName();

    const dialog = await screen.findByRole("dialog", { name: "Someone else changed this campaign" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Overwrite with mine" }));

    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1].ifMatch).toBe("*");
    // The other user's budget, dates or channel are not sent back as they were read.
    expect(sent[1].body).toEqual({ campaign_name: "Spring sale 2" });
  });
});
