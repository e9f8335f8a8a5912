import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import { fakeApi, renderApp } from "../../../test-utils";
import { ApprovalGovernance } from "./ApprovalGovernance";
import { AudienceDriftSummary } from "./AudienceDriftSummary";

afterEach(() => vi.unstubAllGlobals());

const approval = {
  id: "a1",
  step_index: 0,
  step_name: "Marketing sign-off",
  approver_user_id: "u1",
  comment: "Copy ok",
  fingerprint: "f".repeat(64),
  total_budget: "60000.00",
  mfa_verified: false,
  completes_chain: false,
  is_current: true,
  invalidated_at: null,
  invalidated_reason: null,
  created_at: "2026-12-04T10:00:00+00:00",
};

const state = {
  campaign_id: "c1",
  approval_status: "pending_approval",
  fingerprint: "b".repeat(64),
  approved_fingerprint: "a".repeat(64),
  approved_at: "2026-12-04T10:00:00+00:00",
  content_matches_approval: false,
  chain: [
    { step_index: 0, name: "Marketing sign-off", role: null, min_total_budget: null, required: true, approval },
    { step_index: 1, name: "Finance", role: "finance", min_total_budget: "50000.00", required: true, approval: null },
  ],
  next_step: { step_index: 1, name: "Finance", role: "finance", min_total_budget: "50000.00", required: true, approval: null },
  changes_since_approval: [
    { path: "templates.WELCOME.default_settings.subject", change: "changed", before: "A", after: "B" },
  ],
  history: [approval],
};

describe("ApprovalGovernance", () => {
  it("shows each chain step and the field-level diff since the approved version", async () => {
    const { fetchMock } = fakeApi({ "GET /api/campaigns/c1/approval/": () => state });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <ApprovalGovernance campaignId="c1" version={3} /> }], "/");

    const first = await screen.findByRole("listitem", { name: "Step 1: Marketing sign-off" });
    expect(first).toHaveTextContent(/approved .*Copy ok/);
    expect(screen.getByRole("listitem", { name: "Step 2: Finance" })).toHaveTextContent("waiting for this step");
    const table = screen.getByRole("table");
    const row = within(table).getByRole("row", { name: /templates.WELCOME.default_settings.subject/ });
    expect(row).toHaveTextContent('changed"A""B"');
  });

  it("shows no diff while the content matches the approval", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/c1/approval/": () => ({ ...state, content_matches_approval: true, changes_since_approval: [] }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <ApprovalGovernance campaignId="c1" version={3} /> }], "/");

    expect(await screen.findByText(/the content still matches/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("AudienceDriftSummary", () => {
  it("says how many contacts joined and left since approval, and when a new approval is needed", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/c1/audience-drift/": () => ({
        campaign_id: "c1",
        approval_id: "a1",
        approved_at: "2026-12-04T10:00:00+00:00",
        approved_count: 10,
        current_count: 12,
        added: 3,
        removed: 1,
        drift_percent: "40.00",
        threshold_percent: "20.00",
        exceeds_threshold: true,
        segments: [],
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <AudienceDriftSummary campaignId="c1" version={1} /> }], "/");

    const summary = await screen.findByRole("status", { name: "Audience since approval" });
    expect(summary).toHaveTextContent("+3 / −1 (40.00% of 10)");
    expect(summary).toHaveTextContent("needs a new approval");
  });

  it("stays silent before the campaign is approved", async () => {
    const { fetchMock, calls } = fakeApi({
      "GET /api/campaigns/c1/audience-drift/": () => ({
        campaign_id: "c1",
        approval_id: null,
        approved_at: null,
        approved_count: 0,
        current_count: 0,
        added: 0,
        removed: 0,
        drift_percent: null,
        threshold_percent: null,
        exceeds_threshold: false,
        segments: [],
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    const { container } = renderApp([{ path: "/", element: <AudienceDriftSummary campaignId="c1" version={1} /> }], "/");

    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe("");
  });
});
