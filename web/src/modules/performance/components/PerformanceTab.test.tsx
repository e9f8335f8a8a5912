import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import type { CampaignDetail } from "../../campaigns/api";
import { PerformanceTab } from "./PerformanceTab";

/** jsdom lays nothing out: the charts' container is given no size and never resized. */
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => vi.stubGlobal("ResizeObserver", NoResize));
afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const totals = { channel: "all", sent: 200, delivered: 190, opens: 40, clicks: 10, unsubscribes: 1, spend: "12.00" };
const performance = { totals, by_channel: [{ ...totals, channel: "email" }], delivery_rate: 0.95, open_rate: 0.2, click_rate: 0.05 };
const base = { id: "c1", campaign_name: "Spring sale", currency_code: "USD", performance };

function renderTab(permissions: string[], campaign: Record<string, unknown>) {
  const api = fakeApi({
    "GET /api/auth/me": () => signedInUser(permissions),
    "GET /api/campaigns/c1/variants/results/": () => ({ items: [], winner_variant_id: null, metric: null, decided_at: null }),
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <PerformanceTab campaign={campaign as unknown as CampaignDetail} /> }], "/");
  return api.calls;
}

describe("PerformanceTab", () => {
  it("says spend against budget is not visible to a role without budget rights, instead of a chart of zeros", async () => {
    // Without view_budget the API leaves the amounts out of the campaign and its totals.
    const calls = renderTab(["read_campaign"], { ...base, performance: { ...performance, totals: { ...totals, spend: undefined } } });
    await waitFor(() => expect(calls.some((call) => call.url.includes("/api/auth/me"))).toBe(true));

    expect(await screen.findByTestId("spend-hidden")).toHaveTextContent("Budgets are not visible to your role");
    expect(screen.queryByRole("img", { name: /^Spend / })).toBeNull();
    expect(screen.getByTestId("metric-sent")).toHaveTextContent("200");
  });

  it("charts spend against budget, in the campaign's currency, for a role that may see budgets", async () => {
    renderTab(["read_campaign", "view_budget"], { ...base, total_budget: "2000.00", actual_spend: "12.00" });
    const usd = new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" });
    const chart = await screen.findByRole("img", { name: /^Spend / });
    expect(chart).toHaveAccessibleName(`Spend ${usd.format(12)} of budget ${usd.format(2000)}`);
    expect(screen.queryByTestId("spend-hidden")).toBeNull();
  });
});
