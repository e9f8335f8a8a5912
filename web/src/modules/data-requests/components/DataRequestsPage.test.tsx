import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { DataRequestsPage } from "./DataRequestsPage";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = {
  id: "u",
  email: "admin@acme.test",
  full_name: "Admin",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["admin"],
  permissions: ["manage_privacy", "view_pii", "read_reference_data"],
  mfa_enabled: false,
  last_login_at: null,
};
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 50, filters: {} });
const contact = {
  id: "k1",
  external_id: "EXT-1",
  email: "erin@example.test",
  do_not_sell: false,
  erased_at: null,
};

function renderPage(handlers: Record<string, (request: Request) => unknown> = {}) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/contacts/privacy/requests/": () =>
      page([
        {
          id: "r1",
          contact_id: "k1",
          kind: "export",
          outcome: "completed",
          requested_by_user_id: "u",
          requested_at: "2026-12-04T10:00:00Z",
          details: {},
          request_id: null,
        },
      ]),
    "GET /api/contacts/privacy/legal-holds/": () => page([]),
    "GET /api/contacts/privacy/retention/": () => ({ events: 365, deliveries: null, rendered_messages: 30, audit: null }),
    "GET /api/contacts/": () => page([contact]),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <DataRequestsPage /> }], "/");
  return api.calls;
}

describe("DataRequestsPage", () => {
  it("finds a contact by email and erases it only after the typed confirmation", async () => {
    const erased: string[] = [];
    const calls = renderPage({
      "POST /api/contacts/k1/erase/": (request) => {
        erased.push(request.url);
        return { contact_id: "k1", status: "erased", erased_at: "2026-12-04T10:00:00Z", removed: {}, redis: {} };
      },
    });
    await userEvent.type(await screen.findByLabelText("Email or external id"), "erin@example.test");
    await userEvent.click(screen.getByRole("button", { name: "Find" }));
    const row = (await screen.findByText("EXT-1")).closest("tr") as HTMLElement;
    expect(calls.some((call) => call.url.includes("email=erin%40example.test"))).toBe(true);
    await userEvent.click(within(row).getByRole("button", { name: "Erase…" }));
    const confirm = screen.getByRole("button", { name: "Erase" });
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText("Type ERASE to confirm"), "ERASE");
    await userEvent.click(confirm);
    await waitFor(() => expect(erased).toHaveLength(1));
  }, 30_000);

  it("shows the request log and the retention periods, and runs a dry run", async () => {
    renderPage({
      "GET /api/contacts/privacy/retention/dry-run/": () => ({
        as_of: "2026-12-04T10:00:00Z",
        dry_run: true,
        cutoffs: {},
        removed: { events: { crm_contact_events: 12 } },
        totals: { events: 12 },
      }),
    });
    const log = await screen.findByRole("region", { name: "Request log" });
    expect(await within(log).findByText("export")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText("Behavioural events (days)")).toHaveValue(365));
    expect(screen.getByLabelText("Deliveries (days)")).toHaveValue(null);
    await userEvent.click(screen.getByRole("button", { name: "Dry run" }));
    const report = await screen.findByRole("table", { name: "Dry run" });
    expect(within(report).getByText("12")).toBeInTheDocument();
  }, 30_000);

  it("saves retention periods, an empty one as kept indefinitely", async () => {
    const sent: unknown[] = [];
    renderPage({
      "PUT /api/contacts/privacy/retention/": async (request) => {
        sent.push(await request.json());
        return { events: 90, deliveries: null, rendered_messages: 30, audit: null };
      },
    });
    const events = await screen.findByLabelText("Behavioural events (days)");
    await waitFor(() => expect(events).toHaveValue(365));
    await userEvent.clear(events);
    await userEvent.type(events, "90");
    await userEvent.click(screen.getByRole("button", { name: "Save retention" }));
    await waitFor(() => expect(sent).toEqual([{ events: 90, deliveries: null, rendered_messages: 30, audit: null }]));
  }, 30_000);
});
