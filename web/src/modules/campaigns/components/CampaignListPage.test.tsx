import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor } from "@testing-library/react";
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
    expect(screen.getByRole("table")).toHaveAccessibleDescription("1 campaign");
  });

  it("says when nothing matches", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": () => ({ items: [], total: 0, page: 1, page_size: 20, filters: {} }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns");
    expect(await screen.findByText("No campaign matches these filters.")).toBeInTheDocument();
  });

  it("takes the whole of the “starts until” day, so a one-day range finds that day's campaigns", async () => {
    const queries: URLSearchParams[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": (request) => {
        queries.push(new URL(request.url).searchParams);
        return { items: [campaign], total: 1, page: 1, page_size: 20, filters: {} };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns?start_from=2026-12-25&start_to=2026-12-25");

    await screen.findByRole("link", { name: "Spring sale" });
    // The API's bounds are inclusive instants: from the day's first to its last millisecond, in local time.
    expect(queries[0].get("start_from")).toBe(new Date(2026, 11, 25).toISOString());
    expect(queries[0].get("start_to")).toBe(new Date(2026, 11, 25, 23, 59, 59, 999).toISOString());
    expect(screen.getByLabelText("Starts until")).toHaveValue("2026-12-25");
  });

  it("puts the URL's search back in the search box on Back and Forward", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": () => ({ items: [campaign], total: 1, page: 1, page_size: 20, filters: {} }),
    });
    vi.stubGlobal("fetch", fetchMock);
    const { router } = renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns");
    await screen.findByRole("link", { name: "Spring sale" });

    const search = screen.getByLabelText("Search");
    await userEvent.type(search, "spring");
    await waitFor(() => expect(router.state.location.search).toBe("?search=spring"));
    await userEvent.clear(search);
    await userEvent.type(search, "autumn");
    await waitFor(() => expect(router.state.location.search).toBe("?search=autumn"));

    await act(() => router.navigate(-1));
    await waitFor(() => expect(search).toHaveValue("spring"));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(search).toHaveValue(""));
    await act(() => router.navigate(1));
    await waitFor(() => expect(search).toHaveValue("spring"));
    // The box following the URL does not write it again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(router.state.location.search).toBe("?search=spring");
  });

  it("ignores what a list URL cannot mean, and takes a page past the last to the last", async () => {
    const queries: URLSearchParams[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": (request) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        return { items: Number(query.get("page")) <= 2 ? [campaign] : [], total: 25, page: Number(query.get("page")), page_size: 20, filters: {} };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    const { router, unmount } = renderApp(
      [{ path: "/campaigns", element: <CampaignListPage /> }],
      "/campaigns?page=abc&campaign_status=bogus&sort_by=nonsense&start_to=2026-02-31",
    );

    await screen.findByRole("link", { name: "Spring sale" });
    expect(screen.getByText("Page 1 of 2")).toBeInTheDocument();
    expect(screen.getByRole("table")).toHaveAccessibleDescription("25 campaigns");
    expect(screen.queryByText(/NaN/)).toBeNull();
    for (const query of queries) {
      expect(query.get("page")).toBe("1");
      expect(query.has("campaign_status")).toBe(false);
      expect(query.has("sort_by")).toBe(false);
      expect(query.has("start_to")).toBe(false);
    }
    expect(router.state.location.search).toBe("");
    expect(screen.getByLabelText("Status")).toHaveValue("");
    unmount();

    renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns?page=999");
    expect(await screen.findByText("Page 2 of 2")).toBeInTheDocument();
    expect(queries.at(-1)?.get("page")).toBe("2");
  });

  it("keeps a filter chosen right after typing a search, before the search is applied", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/": () => ({ items: [campaign], total: 1, page: 1, page_size: 20, filters: {} }),
    });
    vi.stubGlobal("fetch", fetchMock);
    const { router } = renderApp([{ path: "/campaigns", element: <CampaignListPage /> }], "/campaigns");
    await screen.findByRole("link", { name: "Spring sale" });

    await userEvent.type(screen.getByLabelText("Search"), "spring");
    // Within the search's 300 ms wait.
    await userEvent.selectOptions(screen.getByLabelText("Status"), "draft");
    expect(new URLSearchParams(router.state.location.search).get("campaign_status")).toBe("draft");

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get("search")).toBe("spring"));
    expect(new URLSearchParams(router.state.location.search).get("campaign_status")).toBe("draft");
    expect(screen.getByLabelText("Status")).toHaveValue("draft");
  });
});
