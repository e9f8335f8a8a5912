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
    expect(await screen.findByText("The launch of campaign “Spring sale” failed: No usable template for sms.")).toBeInTheDocument();
    expect(screen.queryByText(/finished sending/)).toBeNull();
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

  const sendingLaunch = {
    ...failedLaunch,
    launch_status: "sending",
    last_error: null,
    finished_at: null,
    counts: { queued: 1609, sent: 200, failed: 0, skipped: 0, remaining: 1409 },
    updated_at: "2026-03-01T10:02:00Z",
  };

  /** The socket, authenticated, for live events of the panel's campaign. */
  async function liveSocket() {
    await waitFor(() => expect(FakeSocket.last?.onmessage).toBeTruthy());
    FakeSocket.last!.receive({ type: "auth_ok" });
    let sequence = 0;
    return (type: string, data: Record<string, unknown>, occurred_at: string) => {
      sequence += 1;
      FakeSocket.last!.receive({
        type: "event",
        id: `${sequence}-0`,
        event: { id: `e${sequence}`, type, company_id: "co", occurred_at, actor_user_id: null, data: { campaign_id: "c1", launch_id: "l1", ...data } },
      });
    };
  }

  const stat = (name: string) => screen.getByText(name, { selector: "dt" }).nextElementSibling as HTMLElement;

  it("shows a paused launch as paused, without rate or ETA, whatever an older live event said", async () => {
    vi.stubGlobal("WebSocket", FakeSocket);
    const paused = { ...sendingLaunch, launch_status: "paused", updated_at: "2026-03-01T10:05:00Z" };
    renderPanel("paused", { "GET /api/launches/l1/": () => paused, "POST /api/ws-ticket/": () => ({ ticket: "t" }) }, [paused], true);
    await screen.findByText("paused");
    const send = await liveSocket();

    // A progress event from before the pause, replayed after a reconnect.
    const before = { launch_status: "sending", queued: 1609, sent: 0, failed: 0, skipped: 0, remaining: 1609, rate_per_s: 184, eta_s: 7 };
    send("campaign.launch_progress", before, "2026-03-01T10:00:30Z");

    expect(screen.getByText("paused")).toBeInTheDocument();
    expect(screen.queryByText("sending")).toBeNull();
    expect(screen.getByTestId("launch-paused")).toHaveTextContent("nothing is sent until the campaign is resumed");
    expect(stat("Sent")).toHaveTextContent("200");
    expect(stat("Remaining")).toHaveTextContent("1,409");
    expect(screen.getByTestId("launch-rate")).toHaveTextContent("—");
    expect(screen.getByTestId("launch-eta")).toHaveTextContent("—");
  });

  it("reads the launch again after a pause, so the panel shows it paused", async () => {
    let paused = false;
    const calls = renderPanel("active", {
      "GET /api/launches/l1/": () => (paused ? { ...sendingLaunch, launch_status: "paused" } : sendingLaunch),
      "POST /api/campaigns/c1/pause/": () => {
        paused = true;
        return {};
      },
    }, [sendingLaunch]);
    await screen.findByText("sending");

    await userEvent.click(screen.getByRole("button", { name: "Pause" }));
    await waitFor(() => expect(posted(calls, "/api/campaigns/c1/pause/")).toHaveLength(1));
    expect(await screen.findByText("paused")).toBeInTheDocument();
    expect(screen.queryByText("sending")).toBeNull();
  });

  it("counts a cancelled launch's progress by what was sent or failed, and its skipped messages apart", async () => {
    const cancelled = {
      ...sendingLaunch,
      launch_status: "cancelled",
      counts: { queued: 1609, sent: 350, failed: 0, skipped: 1259, remaining: 0 },
      finished_at: "2026-03-01T10:06:00Z",
    };
    renderPanel("cancelled", { "GET /api/launches/l1/": () => cancelled }, [cancelled]);

    expect(await screen.findByTestId("launch-percent")).toHaveTextContent("22 %");
    expect(screen.getByRole("progressbar", { name: "Launch progress" })).toHaveAttribute("aria-valuenow", "22");
    expect(screen.getByTestId("launch-skipped")).toHaveTextContent("1,259");
    expect(stat("Sent")).toHaveTextContent("350");
  });

  it("toasts a cancelled launch as cancelled, never as finished", async () => {
    vi.stubGlobal("WebSocket", FakeSocket);
    renderPanel("active", { "GET /api/launches/l1/": () => sendingLaunch, "POST /api/ws-ticket/": () => ({ ticket: "t" }) }, [sendingLaunch], true);
    await screen.findByText("sending");
    const send = await liveSocket();

    send(
      "campaign.launched",
      { launch_status: "cancelled", queued: 1609, sent: 350, failed: 0, skipped: 1259, remaining: 0, error: null },
      "2026-03-01T10:06:00Z",
    );
    expect(await screen.findByText("The launch of campaign “Spring sale” was cancelled (350 sent, 1,259 skipped).")).toBeInTheDocument();
    expect(screen.queryByText(/finished sending/)).toBeNull();
    expect(screen.getByText("cancelled")).toBeInTheDocument();
    expect(screen.getByTestId("launch-percent")).toHaveTextContent("22 %");
  });

  it("shows a rate only while messages go out: none for 0/s, none once the launch completed", async () => {
    vi.stubGlobal("WebSocket", FakeSocket);
    renderPanel("active", { "GET /api/launches/l1/": () => sendingLaunch, "POST /api/ws-ticket/": () => ({ ticket: "t" }) }, [sendingLaunch], true);
    await screen.findByText("sending");
    const send = await liveSocket();
    const counts = { queued: 1609, failed: 0, skipped: 0 };

    send("campaign.launch_progress", { launch_status: "sending", ...counts, sent: 200, remaining: 1409, rate_per_s: 0, eta_s: null }, "2026-03-01T10:02:01Z");
    expect(screen.getByTestId("launch-rate")).toHaveTextContent("—");

    send("campaign.launch_progress", { launch_status: "sending", ...counts, sent: 400, remaining: 1209, rate_per_s: 184, eta_s: 6.6 }, "2026-03-01T10:02:02Z");
    expect(screen.getByTestId("launch-rate")).toHaveTextContent("184/s");
    expect(screen.getByTestId("launch-eta")).toHaveTextContent("7 s");

    send("campaign.launched", { launch_status: "completed", ...counts, sent: 1609, remaining: 0, error: null }, "2026-03-01T10:02:10Z");
    await screen.findByText("completed");
    expect(screen.getByTestId("launch-rate")).toHaveTextContent("—");
    expect(screen.getByTestId("launch-eta")).toHaveTextContent("—");
    expect(screen.getByTestId("launch-percent")).toHaveTextContent("100 %");
  });

  it("offers no submission for approval while a launch is in flight", async () => {
    renderPanel("planned", { "GET /api/launches/l1/": () => sendingLaunch }, [sendingLaunch]);
    await screen.findByText("sending");
    expect(await screen.findByRole("button", { name: "Cancel campaign…" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Submit for approval" })).toBeNull();
  });

  it("says a campaign waiting for approval cannot launch yet", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => me,
      "GET /api/campaigns/c1/launches/": () => ({ items: [], total: 0, page: 1, page_size: 50, filters: {} }),
    });
    vi.stubGlobal("fetch", api.fetchMock);
    session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
    renderApp([{ path: "/", element: <LaunchPanel campaign={campaign("draft", "pending_approval")} /> }], "/");

    expect(await screen.findByTestId("launch-unavailable")).toHaveTextContent("Waiting for approval");
    await waitFor(() => expect(api.calls.some((c) => c.url.includes("/api/auth/me"))).toBe(true));
    expect(screen.queryByRole("button", { name: "Launch…" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Plan" })).toBeNull();
  });
});
