import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { CampaignListPage } from "./CampaignListPage";

afterEach(() => vi.unstubAllGlobals());

const campaign = {
  id: "c1",
  campaign_name: "Spring sale",
  campaign_code: "SPRING-26",
  primary_channel: "email",
  campaign_status: "draft",
  approval_status: "pending_approval",
  start_date: "2026-03-01T00:00:00Z",
  end_date: "2026-03-31T00:00:00Z",
  created_at: "2026-01-01T00:00:00Z",
  total_budget: "2000.00",
  currency_code: "USD",
};

describe("CampaignListPage", () => {
  it("shows campaigns with status chips and sends the filters and sort from the URL", async () => {
    const queries: string[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": (request) => {
        queries.push(new URL(request.url).search);
        return { items: [campaign], total: 1, page: 1, page_size: 20, filters: {} };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns?sort_by=campaign_name&sort_order=asc");

    expect(await screen.findByRole("link", { name: "Spring sale" })).toBeInTheDocument();
    expect(screen.getByText("pending approval")).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
    expect(queries[0]).toContain("sort_by=campaign_name");

    await userEvent.selectOptions(screen.getByLabelText("Status"), "draft");
    await waitFor(() => expect(queries.at(-1)).toContain("campaign_status=draft"));
    expect(screen.getByText("1 campaigns")).toBeInTheDocument();
  });

  it("says when nothing matches", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": () => ({ items: [], total: 0, page: 1, page_size: 20, filters: {} }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns");
    expect(await screen.findByText("No campaign matches these filters.")).toBeInTheDocument();
  });
});
