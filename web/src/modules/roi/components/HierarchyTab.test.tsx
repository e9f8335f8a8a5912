import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import type { CampaignDetail } from "../../campaigns/api";
import { HierarchyTab } from "./HierarchyTab";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = (permissions: string[]) => ({
  id: "u",
  email: "manager@acme.test",
  full_name: "Manager",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["marketing_manager"],
  permissions,
  mfa_enabled: false,
  last_login_at: null,
});
const rollup = (campaigns: number, revenue: string | null) => ({
  campaigns,
  depth: campaigns - 1,
  currency_code: "USD",
  total_budget: "1500.00",
  actual_spend: "300.00",
  audience: 7000,
  sent: 1200,
  opens: 400,
  clicks: 90,
  conversions: 3,
  ...(revenue ? { revenue } : {}),
  missing_rates: [],
});
const campaign = { id: "c2", campaign_name: "Spring sale", parent_campaign_id: "c1", version: 3 } as unknown as CampaignDetail;
const hierarchy = {
  campaign_id: "c2",
  ancestors: ["c1"],
  root: {
    id: "c1",
    campaign_name: "Spring programme",
    campaign_code: "PROG",
    campaign_status: "active",
    parent_campaign_id: null,
    rollup: rollup(2, "480.00"),
    children: [
      {
        id: "c2",
        campaign_name: "Spring sale",
        campaign_code: "SALE",
        campaign_status: "draft",
        parent_campaign_id: "c1",
        rollup: rollup(1, "330.00"),
        children: [],
      },
    ],
  },
};
const roi = (model: string, revenue: string) => ({
  campaign_id: "c2",
  model,
  currency_code: "USD",
  window_days: 30,
  revenue,
  actual_spend: "200.00",
  conversions: "1.1667",
  clicks: 50,
  delivered: 1000,
  roi: "0.4750",
  roi_percent: "47.50",
  target_roi: "150.00",
  roi_vs_target: "-102.50",
  meets_target_roi: false,
  cost_per_click: "4.00",
  cost_per_conversion: "171.42",
  conversion_rate: "0.12",
  expected_conversion_rate: "2.50",
  conversion_rate_vs_expected: "-2.38",
  meets_expected_conversion_rate: false,
});
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 200, filters: {} });

function renderTab(permissions: string[], handlers: Record<string, (request: Request) => unknown> = {}) {
  const api = fakeApi({
    "GET /api/auth/me": () => me(permissions),
    "GET /api/campaigns/c2/hierarchy/": () => hierarchy,
    "GET /api/campaigns/": () =>
      page([
        { id: "c1", campaign_name: "Spring programme", campaign_code: "PROG" },
        { id: "c2", campaign_name: "Spring sale", campaign_code: "SALE" },
        { id: "c3", campaign_name: "Autumn", campaign_code: "AUT" },
      ]),
    "GET /api/campaigns/c2/roi/": (request) => {
      const model = new URL(request.url).searchParams.get("model") ?? "last_touch";
      return roi(model, model === "linear" ? "295.00" : "480.00");
    },
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <HierarchyTab campaign={campaign} /> }], "/");
  return api.calls;
}

describe("HierarchyTab", () => {
  it("shows the tree with each node's roll-up and the campaign marked as current", async () => {
    renderTab(["read_campaign", "view_budget"]);
    const tree = await screen.findByRole("list", { name: "Campaign hierarchy" });
    expect(within(tree).getByRole("link", { name: "Spring programme" })).toBeInTheDocument();
    expect(within(tree).getByText("Spring sale")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("node-PROG")).toHaveTextContent("2 campaigns");
    expect(screen.getByTestId("node-PROG")).toHaveTextContent("$480.00");
    expect(screen.queryByLabelText("Parent campaign")).not.toBeInTheDocument();
  });

  it("switches the attribution model and shows ROI and cost per conversion", async () => {
    const calls = renderTab(["read_campaign", "view_budget"]);
    expect(await screen.findByTestId("roi-revenue")).toHaveTextContent("$480.00");
    await userEvent.selectOptions(screen.getByLabelText("Attribution model"), "linear");
    await waitFor(() => expect(screen.getByTestId("roi-revenue")).toHaveTextContent("$295.00"));
    expect(screen.getByTestId("roi-percent")).toHaveTextContent("47.50 % against a target of 150.00 % (not met)");
    expect(screen.getByTestId("roi-cost-per-conversion")).toHaveTextContent("$171.42");
    // Linear attribution shares conversions out: at most two decimals of them.
    expect(screen.getByTestId("roi-conversions")).toHaveTextContent(/^1\.17$/);
    expect(calls.some((call) => call.url.includes("model=linear"))).toBe(true);
  });

  it("saves a new parent and shows the API's refusal", async () => {
    const sent: unknown[] = [];
    renderTab(["read_campaign", "update_campaign", "view_budget"], {
      "PUT /api/campaigns/c2/parent/": async (request) => {
        sent.push(await request.json());
        return new Response(
          JSON.stringify({
            error_code: "hierarchy_too_deep",
            message: "A hierarchy has at most three levels: programme, campaign, sub-campaign.",
            details: {},
          }),
          { status: 409, headers: { "Content-Type": "application/json" } },
        );
      },
    });
    const picker = await screen.findByLabelText("Parent campaign");
    await waitFor(() => expect(within(picker).getByRole("option", { name: "Autumn (AUT)" })).toBeInTheDocument());
    expect(within(picker).queryByRole("option", { name: "Spring sale (SALE)" })).not.toBeInTheDocument();
    await userEvent.selectOptions(picker, "c3");
    await userEvent.click(screen.getByRole("button", { name: "Save parent" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("at most three levels");
    expect(sent).toEqual([{ parent_campaign_id: "c3" }]);
  });

  it("hides money from readers without budget visibility", async () => {
    renderTab(["read_campaign"]);
    expect(await screen.findByText(/shown to people who may see budgets/)).toBeInTheDocument();
    expect(screen.queryByLabelText("Attribution model")).not.toBeInTheDocument();
  });

  it("shows a whole number of conversions as a count", async () => {
    renderTab(["read_campaign", "view_budget"], {
      "GET /api/campaigns/c2/roi/": () => ({ ...roi("last_touch", "0.00"), conversions: "0.0000" }),
    });
    expect(await screen.findByTestId("roi-conversions")).toHaveTextContent(/^0$/);
  });
});
