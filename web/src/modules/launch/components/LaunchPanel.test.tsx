import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import { Toaster } from "sonner";
import userEvent from "@testing-library/user-event";
import { FakeSocket, fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import type { CampaignDetail } from "../../campaigns/api";
import { LiveEventsProvider } from "../../live/LiveEvents";
import { LaunchPanel } from "./LaunchPanel";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = signedInUser(["read_campaign", "update_campaign", "launch_campaign"], ["marketing_manager"], "manager@acme.test");

const campaign = (campaign_status: string, approval_status = "not_required") =>
  ({ id: "c1", campaign_name: "Spring sale", campaign_status, approval_status }) as unknown as CampaignDetail;

const counts = { queued: 0, sent: 0, failed: 0, skipped: 0, remaining: 0 };
const failedLaunch = {
  id: "l1",
  campaign_id: "c1",
  launch_status: "failed",
  requested_by_user_id: "u",
  parameters: {},
  counts,
  last_error: "No usable template for the sms channel: add a variant or link a template.",
  errors: [],
  scheduled_at: null,
  resolved_at: null,
  started_at: null,
  finished_at: "2026-03-01T10:00:05Z",
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:05Z",
};

function renderPanel(
  status: string,
  handlers: Record<string, (request: Request) => unknown> = {},
  launches: unknown[] = [],
  live = false,
) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/campaigns/c1/launches/": () => ({ items: launches, total: launches.length, page: 1, page_size: 50, filters: {} }),
    "GET /api/campaigns/c1/": () => campaign(status),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  const panel = <LaunchPanel campaign={campaign(status)} />;
  const element = live ? (
    <LiveEventsProvider>
      {panel}
      <Toaster />
    </LiveEventsProvider>
  ) : (
    panel
  );
  renderApp([{ path: "/", element }], "/");
  return api.calls;
}

const posted = (calls: Request[], path: string) => calls.filter((c) => c.method === "POST" && new URL(c.url).pathname === path);

describe("LaunchPanel", () => {
  it("says why the latest launch failed, with its failed deliveries", async () => {
    const delivery = {
      delivery_id: "d1",
      contact_id: "k1",
      channel: "email",
      error_code: "mailbox_full",
      error: "552 Mailbox full",
      attempts: 3,
      at: "2026-03-01T10:00:04Z",
    };
    renderPanel("planned", { "GET /api/launches/l1/": () => ({ ...failedLaunch, errors: [delivery] }) }, [failedLaunch]);

    expect(await screen.findByTestId("launch-error")).toHaveTextContent(
      "The launch failed: No usable template for the sms channel: add a variant or link a template.",
    );
    await userEvent.click(screen.getByText("Latest failed deliveries (1)"));
    const row = screen.getByRole("row", { name: /552 Mailbox full/ });
    expect(row).toHaveTextContent("mailbox_full");
    expect(row).toHaveTextContent("3");
  });

  it("says why a launch failed as soon as the live event ends it", async () => {
    vi.stubGlobal("WebSocket", FakeSocket);
    const sending = { ...failedLaunch, launch_status: "sending", last_error: null, finished_at: null };
    renderPanel("planned", { "GET /api/launches/l1/": () => sending, "POST /api/ws-ticket/": () => ({ ticket: "t" }) }, [sending], true);
    await screen.findByText("sending");
    await waitFor(() => expect(FakeSocket.last?.onmessage).toBeTruthy());
    FakeSocket.last!.receive({ type: "auth_ok" });

    FakeSocket.last!.receive({
      type: "event",
      id: "1-0",
      event: {
        id: "e1",
        type: "campaign.launched",
        company_id: "co",
        occurred_at: "2026-03-01T10:00:05Z",
        actor_user_id: null,
        data: { campaign_id: "c1", launch_id: "l1", launch_status: "failed", ...counts, error: "No usable template for sms." },
      },
    });
    expect(await screen.findByTestId("launch-error")).toHaveTextContent("The launch failed: No usable template for sms.");
    expect(await screen.findByText("A launch failed: No usable template for sms.")).toBeInTheDocument();
    expect(screen.queryByText("A launch finished sending.")).toBeNull();
  });

  it("offers a planned campaign whose approval was refused to be submitted again", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => me,
      "GET /api/campaigns/c1/launches/": () => ({ items: [], total: 0, page: 1, page_size: 50, filters: {} }),
      "POST /api/campaigns/c1/submit-for-approval/": () => ({}),
    });
    vi.stubGlobal("fetch", api.fetchMock);
    session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
    renderApp([{ path: "/", element: <LaunchPanel campaign={campaign("planned", "rejected")} /> }], "/");
    await userEvent.click(await screen.findByRole("button", { name: "Submit for approval" }));
    await waitFor(() => expect(posted(api.calls, "/api/campaigns/c1/submit-for-approval/")).toHaveLength(1));
  });

  it("asks before cancelling the campaign", async () => {
    const calls = renderPanel("planned", { "POST /api/campaigns/c1/cancel/": () => ({}) });

    await userEvent.click(await screen.findByRole("button", { name: "Cancel campaign…" }));
    const dialog = await screen.findByRole("dialog", { name: "Cancel Spring sale?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Keep it" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(posted(calls, "/api/campaigns/c1/cancel/")).toHaveLength(0);

    await userEvent.click(screen.getByRole("button", { name: "Cancel campaign…" }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel campaign" }));
    await waitFor(() => expect(posted(calls, "/api/campaigns/c1/cancel/")).toHaveLength(1));
  });

  it("sends an action once however often it is clicked while it runs", async () => {
    let answer: (value: unknown) => void = () => undefined;
    const calls = renderPanel("draft", {
      "POST /api/campaigns/c1/plan/": () => new Promise((resolve) => (answer = resolve)),
    });

    const plan = await screen.findByRole("button", { name: "Plan" });
    await userEvent.dblClick(plan);
    await userEvent.click(plan);
    await waitFor(() => expect(posted(calls, "/api/campaigns/c1/plan/")).toHaveLength(1));
    expect(screen.getByRole("button", { name: "Planning…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Submit for approval" })).toBeDisabled();

    answer({});
    await waitFor(() => expect(screen.getByRole("button", { name: "Plan" })).toBeEnabled());
    expect(posted(calls, "/api/campaigns/c1/plan/")).toHaveLength(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers no second launch while one is scheduled, and says when it starts and how to call it off", async () => {
    const scheduled = {
      ...failedLaunch,
      launch_status: "scheduled",
      last_error: null,
      scheduled_at: "2026-12-24T08:00:00Z",
      finished_at: null,
    };
    renderPanel("planned", { "GET /api/launches/l1/": () => scheduled }, [scheduled]);

    const when = await screen.findByTestId("launch-scheduled");
    expect(when).toHaveTextContent(`Sending starts ${new Date("2026-12-24T08:00:00Z").toLocaleString()}.`);
    expect(when).toHaveTextContent("To call it off, cancel the campaign");
    expect(within(when).getByText(new Date("2026-12-24T08:00:00Z").toLocaleString())).toHaveAttribute("datetime", "2026-12-24T08:00:00Z");
    expect(screen.queryByRole("button", { name: "Launch…" })).toBeNull();
    expect(screen.getByRole("button", { name: "Cancel campaign…" })).toBeEnabled();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it.each(["requested", "resolving", "sending"])("offers no second launch while the latest is %s", async (launchStatus) => {
    const running = { ...failedLaunch, launch_status: launchStatus, last_error: null, finished_at: null };
    renderPanel("planned", { "GET /api/launches/l1/": () => running }, [running]);
    expect(await screen.findByText(launchStatus)).toBeInTheDocument();
    // The user may launch (the cancel is offered): only the launch in flight holds the button back.
    expect(await screen.findByRole("button", { name: "Cancel campaign…" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Launch…" })).toBeNull();
    expect(screen.getByRole("progressbar", { name: "Launch progress" })).toBeInTheDocument();
  });

  it("offers a new launch once the latest has ended", async () => {
    renderPanel("planned", { "GET /api/launches/l1/": () => failedLaunch }, [failedLaunch]);
    await screen.findByTestId("launch-error");
    expect(screen.getByRole("button", { name: "Launch…" })).toBeEnabled();
  });
});
