import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FakeSocket, fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { LiveEventsProvider } from "../../live/LiveEvents";
import type { CampaignDetail } from "../api";
import { BudgetTab } from "./BudgetTab";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = signedInUser(["read_campaign", "update_campaign", "view_budget", "read_reference_data"]);

const campaign = {
  id: "c1",
  campaign_name: "Spring sale",
  start_date: "2027-02-01T09:00:00Z",
  end_date: "2027-02-28T09:00:00Z",
  total_budget: "2000.00",
  actual_spend: "0.00",
  currency_code: "USD",
} as unknown as CampaignDetail;

const budgetOf = (id: string, fiscal_year: number, currency_code = "USD") => ({
  id,
  budget_name: `Marketing ${fiscal_year} ${currency_code}`,
  budget_code: `MKT-${fiscal_year}-${currency_code}`,
  total_amount: "50000.00",
  currency_code,
  fiscal_year,
  is_active: true,
});
const BUDGETS = [budgetOf("b26", 2026), budgetOf("b27", 2027), budgetOf("b27e", 2027, "EUR")];

/** The budgets API, filtering by fiscal year and currency as the API does. */
const budgetsByQuery = (budgets: ReturnType<typeof budgetOf>[]) => (request: Request) => {
  const query = new URL(request.url).searchParams;
  const items = budgets.filter(
    (budget) =>
      (!query.get("fiscal_year") || String(budget.fiscal_year) === query.get("fiscal_year")) &&
      (!query.get("currency_code") || budget.currency_code === query.get("currency_code")),
  );
  return { items, total: items.length, page: 1, page_size: 100, filters: {} };
};

/** A fiscal year's availability; the company's years start in `month` (1-12). */
const availabilityFrom = (month: number) => (request: Request) => {
  const year = Number(new URL(request.url).searchParams.get("fiscal_year"));
  const start = `${year}-${String(month).padStart(2, "0")}-01T00:00:00Z`;
  return {
    fiscal_year: year,
    currency_code: "USD",
    total_amount: "50000.00",
    held_by_live_campaigns: "0.00",
    spent_by_finished_campaigns: "0.00",
    available_amount: "50000.00",
    approval_threshold: null,
    period_start: start,
    period_end: start.replace(String(year), String(year + 1)),
  };
};

function renderTab(handlers: Record<string, (request: Request) => unknown> = {}, live = false) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/campaigns/c1/budgets/": () => ({ campaign_id: "c1", items: [], total: 0, allocated_amount: "0.00", approval_status: "not_required", approval_required: false }),
    "GET /api/campaign-budgets/": budgetsByQuery(BUDGETS),
    "GET /api/campaign-budgets/availability/": availabilityFrom(1),
    "POST /api/ws-ticket/": () => ({ ticket: "t" }),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  vi.stubGlobal("WebSocket", FakeSocket);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  const tab = <BudgetTab campaign={campaign} />;
  renderApp([{ path: "/", element: live ? <LiveEventsProvider>{tab}</LiveEventsProvider> : tab }], "/");
  return api.calls;
}

const options = () => Array.from((screen.getByLabelText("Budget") as HTMLSelectElement).options).map((option) => option.textContent);
const availabilityCalls = (calls: Request[]) => calls.filter((call) => new URL(call.url).pathname.endsWith("/availability/"));

describe("BudgetTab", () => {
  it("offers only the budgets of the campaign's fiscal year and currency", async () => {
    const calls = renderTab();
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(options()[1]).toContain("Marketing 2027 USD");
    expect(screen.getByLabelText("Budget")).toHaveAccessibleDescription("Budgets of fiscal year 2027 in USD, the campaign's.");
    const listed = calls.filter((call) => new URL(call.url).pathname === "/api/campaign-budgets/");
    expect(new URL(listed[0].url).searchParams.get("fiscal_year")).toBe("2027");
    expect(new URL(listed[0].url).searchParams.get("currency_code")).toBe("USD");
  });

  it("takes the fiscal year as the API does, when the company's year starts later than January", async () => {
    // Years from April: a start in February 2027 falls in fiscal year 2026.
    renderTab({ "GET /api/campaign-budgets/availability/": availabilityFrom(4) });
    await waitFor(() => expect(options()).toHaveLength(2));
    expect(options()[1]).toContain("Marketing 2026 USD");
  });

  it("says when no budget fits the campaign", async () => {
    renderTab({ "GET /api/campaign-budgets/": budgetsByQuery([budgetOf("b26", 2026)]) });
    expect(await screen.findByTestId("no-fitting-budget")).toHaveTextContent("No active USD budget for fiscal year 2027");
    expect(options()).toEqual(["Choose…"]);
  });

  it("reads the fiscal year again after an allocation", async () => {
    const calls = renderTab({ "PUT /api/campaigns/c1/budgets/b27/": () => ({}) });
    await waitFor(() => expect(options()).toHaveLength(2));
    await waitFor(() => expect(availabilityCalls(calls)).toHaveLength(1));

    await userEvent.selectOptions(screen.getByLabelText("Budget"), "b27");
    await userEvent.type(screen.getByLabelText("Amount"), "500");
    await userEvent.click(screen.getByRole("button", { name: "Allocate" }));
    await waitFor(() => expect(availabilityCalls(calls)).toHaveLength(2));
  });

  it("reads the fiscal year again when a live event changes budgets", async () => {
    const calls = renderTab({}, true);
    await waitFor(() => expect(availabilityCalls(calls)).toHaveLength(1));
    await waitFor(() => expect(FakeSocket.last?.onmessage).toBeTruthy());
    FakeSocket.last!.receive({ type: "auth_ok" });

    FakeSocket.last!.receive({
      type: "event",
      id: "1-0",
      event: {
        id: "e1",
        type: "campaign_budget.updated",
        company_id: "co",
        occurred_at: "2027-01-05T10:00:00Z",
        actor_user_id: "u2",
        data: { budget_id: "b27" },
      },
    });
    await waitFor(() => expect(availabilityCalls(calls)).toHaveLength(2));
  });
});
