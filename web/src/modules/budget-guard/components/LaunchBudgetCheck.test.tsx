import { afterEach, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { LaunchBudgetCheck } from "./LaunchBudgetCheck";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

function user(permissions: string[]) {
  return {
    id: "u",
    email: "admin@acme.test",
    full_name: "Admin",
    company: { id: "co", name: "Acme", slug: "acme" },
    roles: ["admin"],
    permissions,
    mfa_enabled: false,
    last_login_at: null,
  };
}

const overBudget = {
  campaign_id: "c1",
  currency_code: "USD",
  audience: 5,
  forecast_cost: "1500.00",
  remaining: "1000.00",
  total_budget: "1000.00",
  drawn: "0.00",
  limited_by: "campaign",
  within_budget: false,
  per_channel: {},
  shared_budgets: [],
};

function renderFor(permissions: string[], forecast: object) {
  const { fetchMock } = fakeApi({
    "GET /api/auth/me": () => user(permissions),
    "GET /api/campaigns/c1/budget-forecast/": () => forecast,
  });
  vi.stubGlobal("fetch", fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <LaunchBudgetCheck campaignId="c1" overrideReason="" onOverrideReasonChange={() => undefined} /> }], "/");
}

describe("LaunchBudgetCheck", () => {
  it("shows the forecast against the remaining budget and offers an approver the override", async () => {
    renderFor(["read_campaign", "launch_campaign", "view_budget", "approve_campaign"], overBudget);

    expect(await screen.findByTestId("forecast-cost")).toHaveTextContent("1,500.00 USD");
    expect(screen.getByTestId("remaining-budget")).toHaveTextContent("1,000.00 USD");
    expect(screen.getByRole("alert")).toHaveTextContent(/unless you override it/);
    expect(screen.getByLabelText("Override reason")).toBeInTheDocument();
  });

  it("tells a launcher without approval rights to ask an approver", async () => {
    renderFor(["read_campaign", "launch_campaign", "view_budget"], overBudget);

    expect(await screen.findByRole("alert")).toHaveTextContent(/Ask an approver/);
    expect(screen.queryByLabelText("Override reason")).not.toBeInTheDocument();
  });

  it("shows no warning when the launch fits", async () => {
    renderFor(["read_campaign", "launch_campaign", "view_budget"], { ...overBudget, forecast_cost: "10.00", within_budget: true });

    expect(await screen.findByTestId("forecast-cost")).toHaveTextContent("10.00 USD");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
