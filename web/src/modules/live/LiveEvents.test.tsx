import { afterEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { FakeSocket, fakeApi, signedInUser } from "../../test-utils";
import { session } from "../../api/session";
import { appRoutes } from "../../routes/appRoutes";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const spring = {
  id: "c1",
  campaign_name: "Spring sale",
  campaign_code: "SPRING-26",
  primary_channel: "email",
  campaign_status: "active",
  approval_status: "approved",
  start_date: "2026-03-01T00:00:00Z",
  end_date: "2026-03-31T00:00:00Z",
  created_at: "2026-01-01T00:00:00Z",
  total_budget: "2000.00",
  currency_code: "USD",
};

let sequence = 0;
/** The server sends one event of `type` about a campaign. */
function send(type: string, data: Record<string, unknown>) {
  sequence += 1;
  FakeSocket.last!.receive({
    type: "event",
    id: `${sequence}-0`,
    event: { id: `e${sequence}`, type, company_id: "co", occurred_at: "2026-03-01T10:00:05Z", actor_user_id: null, data },
  });
}

/** The whole app, signed in, on the campaign list (which loads Spring sale), its socket live. */
async function signedInApp(handlers: Record<string, (request: Request) => unknown> = {}) {
  const api = fakeApi({
    "GET /api/auth/me": () => signedInUser(["read_campaign"]),
    "POST /api/ws-ticket/": () => ({ ticket: "t" }),
    "GET /api/campaigns/": () => ({ items: [spring], total: 1, page: 1, page_size: 20, filters: {} }),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  vi.stubGlobal("WebSocket", FakeSocket);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  const router = createMemoryRouter(appRoutes, { initialEntries: ["/campaigns"] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  expect(await screen.findByRole("link", { name: "Spring sale" })).toBeInTheDocument();
  await waitFor(() => expect(FakeSocket.last?.onmessage).toBeTruthy());
  FakeSocket.last!.receive({ type: "auth_ok" });
}

describe("live event toasts", () => {
  it("show at the bottom, clear of the header and its Sign out, in a live region, closable", async () => {
    await signedInApp();
    send("campaign.launched", { campaign_id: "c1", launch_id: "l1", launch_status: "completed", error: null });

    const message = await screen.findByText("The launch of campaign “Spring sale” finished sending.");
    const toast = message.closest("[data-sonner-toast]") as HTMLElement;
    const region = toast.closest("[data-sonner-toaster]") as HTMLElement;
    expect(region).toHaveAttribute("data-y-position", "bottom");
    expect(toast).toHaveAttribute("data-y-position", "bottom");
    const header = screen.getByRole("banner");
    expect(header).not.toContainElement(toast);
    expect(within(header).getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(region.closest("section")).toHaveAttribute("aria-live", "polite");

    // Closed from the keyboard (jsdom has no pointer capture for the toaster's swipe).
    act(() => within(toast).getByRole("button", { name: "Close toast" }).focus());
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByText("The launch of campaign “Spring sale” finished sending.")).toBeNull());
  });

  it.each([
    ["its name, from the event", "campaign.approved", { campaign_id: "c9", campaign_name: "Autumn", campaign_code: "AUT-26" }, "Campaign “Autumn” was approved."],
    ["its code when the event has no name", "campaign.approval_requested", { campaign_id: "c9", campaign_code: "AUT-26" }, "Campaign AUT-26 awaits approval."],
    ["its name as already loaded", "campaign.rejected", { campaign_id: "c1", campaign_code: "SPRING-26" }, "Campaign “Spring sale” was rejected."],
    ["its name as already loaded", "campaign.launch_requested", { campaign_id: "c1", launch_id: "l2" }, "A launch of campaign “Spring sale” was requested."],
    [
      "its name as already loaded, and why a launch failed",
      "campaign.launched",
      { campaign_id: "c1", launch_id: "l1", launch_status: "failed", error: "No usable template for sms." },
      "The launch of campaign “Spring sale” failed: No usable template for sms.",
    ],
    ["no name when it cannot be read either", "campaign.approved", { campaign_id: "c404" }, "A campaign was approved."],
    ["no name when it cannot be read either", "campaign.launched", { campaign_id: "c404", launch_status: "completed" }, "The launch of a campaign finished sending."],
    ["no name when it cannot be read either", "campaign.launch_requested", { campaign_id: "c404", launch_id: "l9" }, "A launch of a campaign was requested."],
  ])("name the campaign: %s (%s)", async (_how, type, data, expected) => {
    await signedInApp();
    send(type, data);
    expect(await screen.findByText(expected)).toBeInTheDocument();
  });

  it("name the campaign by reading it when neither the event nor the page has it", async () => {
    await signedInApp({ "GET /api/campaigns/c9/": () => ({ ...spring, id: "c9", campaign_name: "Autumn", campaign_code: "AUT-26" }) });
    send("campaign.launch_requested", { campaign_id: "c9", launch_id: "l9", launch_status: "requested" });
    expect(await screen.findByText("A launch of campaign “Autumn” was requested.")).toBeInTheDocument();
    expect(screen.queryByText("A launch was requested.")).toBeNull();
  });
});
