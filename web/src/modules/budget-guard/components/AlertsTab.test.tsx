import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { AlertsTab } from "./AlertsTab";

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

const alert = {
  id: "a1",
  campaign_id: "c1",
  launch_id: null,
  alert_kind: "budget",
  metric: "budget_spent",
  severity: "critical",
  observed: "100.000000",
  threshold: "100.000000",
  paused: true,
  details: {},
  raised_at: "2026-04-01T08:10:00Z",
};

describe("AlertsTab", () => {
  it("lists raised alerts and saves the thresholds that are switched on", async () => {
    const { fetchMock, calls } = fakeApi({
      "GET /api/auth/me": () => me,
      "GET /api/campaigns/c1/alert-thresholds/": () => ({ campaign_id: "c1", rules: [], pause_at_severity: null, updated_at: null }),
      "PUT /api/campaigns/c1/alert-thresholds/": async (request) => ({ campaign_id: "c1", ...(await request.json()), updated_at: null }),
      "GET /api/campaigns/c1/alerts/": () => ({ items: [alert], total: 1, page: 1, page_size: 100, filters: {} }),
    });
    vi.stubGlobal("fetch", fetchMock);
    session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
    renderApp([{ path: "/", element: <AlertsTab campaignId="c1" /> }], "/");

    const table = await screen.findByRole("table", { name: "Raised alerts" });
    expect(table).toHaveTextContent("budget_spent");
    expect(table).toHaveTextContent("yes");

    await userEvent.click(screen.getByLabelText("Bounce rate"));
    await userEvent.type(screen.getByLabelText("Bounce rate threshold"), "0.05");
    await userEvent.selectOptions(screen.getByLabelText("Bounce rate severity"), "critical");
    await userEvent.selectOptions(screen.getByLabelText("Pause the campaign on"), "critical");
    await userEvent.click(screen.getByRole("button", { name: "Save thresholds" }));

    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    const put = calls.find((c) => c.method === "PUT");
    expect(await put?.json()).toEqual({
      rules: [{ metric: "bounce_rate", threshold: "0.05", severity: "critical", min_sent: 100 }],
      pause_at_severity: "critical",
    });
  }, 30000);
});
