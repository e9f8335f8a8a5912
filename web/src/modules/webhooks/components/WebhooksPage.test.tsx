import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { WebhooksPage } from "./WebhooksPage";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const admin = {
  id: "u",
  email: "admin@acme.test",
  full_name: "Admin",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["admin"],
  permissions: ["manage_webhooks", "read_campaign"],
  mfa_enabled: false,
  last_login_at: null,
};
const base = {
  id: "w1",
  name: "Warehouse",
  description: null,
  url: "https://hooks.example.com/crm",
  event_types: ["campaign.created"],
  status: "active",
  consecutive_failures: 0,
  disabled_at: null,
  disabled_reason: null,
  last_success_at: null,
  last_failure_at: null,
  previous_secret_expires_at: null,
  created_at: "2026-03-01T09:30:00Z",
  updated_at: "2026-03-01T09:30:00Z",
};
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 200, filters: {} });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderPage(handlers: Record<string, (request: Request) => unknown>, me = admin) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/webhooks/event-types/": () => ({ event_types: ["campaign.created", "campaign.launched", "webhook.disabled"] }),
    "GET /api/webhooks/allow-list/": () => ({ entries: [], updated_at: null }),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <WebhooksPage /> }], "/");
  return api.calls;
}

describe("WebhooksPage", () => {
  it("subscribes a URL to picked events, shows the secret once and the API's refusal next to the URL", async () => {
    const sent: Record<string, unknown>[] = [];
    let listed: unknown[] = [];
    renderPage({
      "GET /api/webhooks/": () => page(listed),
      "POST /api/webhooks/": async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (String(body.url).includes("127.0.0.1")) {
          return json(422, {
            error_code: "webhook_url_not_allowed",
            message: "Webhooks can only be sent to http(s) URLs of public addresses.",
            details: { reason: "loopback_address", fields: { url: ["127.0.0.1 is not a public address"] } },
          });
        }
        listed = [{ ...base, name: body.name, url: body.url, event_types: body.event_types }];
        return json(201, { ...listed[0] as object, secret: "whsec_shown-once" });
      },
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Add webhook" }));
    const form = screen.getByRole("form", { name: "New webhook" });
    await user.type(within(form).getByLabelText("Name"), "Warehouse");
    const url = within(form).getByLabelText("URL");
    await user.clear(url);
    await user.type(url, "http://127.0.0.1/hook");
    await user.click(await within(form).findByLabelText("campaign.launched"));
    await user.click(within(form).getByRole("button", { name: "Save webhook" }));

    expect(await within(form).findByText("127.0.0.1 is not a public address")).toBeInTheDocument();
    await user.clear(url);
    await user.type(url, "https://hooks.example.com/crm");
    await user.click(within(form).getByRole("button", { name: "Save webhook" }));

    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("whsec_shown-once");
    expect(sent[1]).toEqual({ name: "Warehouse", url: "https://hooks.example.com/crm", description: null, event_types: ["campaign.launched"] });
    expect(await screen.findByRole("cell", { name: "https://hooks.example.com/crm" })).toBeInTheDocument();
  }, 30_000);

  it("shows a disabled subscription's notice and re-enables it", async () => {
    let status = "disabled";
    renderPage({
      "GET /api/webhooks/": () =>
        page([{ ...base, status, consecutive_failures: status === "disabled" ? 20 : 0, disabled_reason: status === "disabled" ? "Disabled after 20 consecutive failed attempts; the last: HTTP 500" : null }]),
      "POST /api/webhooks/w1/enable/": () => {
        status = "active";
        return { ...base };
      },
    });
    const user = userEvent.setup();

    const notice = await screen.findByText(/Warehouse is disabled/);
    expect(notice.closest("[role=alert]")).toHaveTextContent("HTTP 500");
    await user.click(screen.getByRole("button", { name: "Re-enable Warehouse" }));

    await waitFor(() => expect(screen.queryByText(/Warehouse is disabled/)).not.toBeInTheDocument());
  });

  it("sends a test ping and lists the deliveries with their attempts", async () => {
    const calls = renderPage({
      "GET /api/webhooks/": () => page([base]),
      "POST /api/webhooks/w1/test/": () => json(202, {}),
      "GET /api/webhooks/w1/deliveries/": () =>
        page([
          {
            id: "d1",
            webhook_id: "w1",
            event_id: "e1",
            event_type: "webhook.ping",
            is_test: true,
            status: "failed",
            attempts: 1,
            next_attempt_at: null,
            last_status_code: 503,
            last_error: "HTTP 503",
            delivered_at: null,
            created_at: "2026-03-01T09:31:00Z",
            attempt_log: [
              { attempt: 1, url: base.url, outcome: "failed", status_code: 503, response_body: "try later", error: "HTTP 503", latency_ms: 42, started_at: "2026-03-01T09:31:00Z" },
            ],
          },
        ]),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Send test to Warehouse" }));

    const log = await screen.findByRole("region", { name: "Deliveries of Warehouse" });
    const [row] = await within(log).findAllByTestId("delivery");
    expect(row).toHaveTextContent("webhook.ping (test)");
    expect(row).toHaveTextContent("failed");
    expect(row).toHaveTextContent("try later");
    expect(calls.some((c) => c.method === "POST" && c.url.endsWith("/api/webhooks/w1/test/"))).toBe(true);
  });

  it("tells a user without manage_webhooks that only administrators manage webhooks", async () => {
    renderPage({}, { ...admin, roles: ["marketing_manager"], permissions: ["read_campaign"] });

    expect(await screen.findByText("Only administrators manage webhooks.")).toBeInTheDocument();
  });
});
