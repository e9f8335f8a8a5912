import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { PrivacyPage } from "./PrivacyPage";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = (permissions: string[]) => () => ({
  id: "u1",
  email: "admin@acme.test",
  full_name: "Ada Admin",
  roles: ["admin"],
  permissions,
  company: { id: "co1", name: "Acme", slug: "acme" },
  mfa_enabled: false,
});

const CONTACT = {
  id: "k1",
  external_id: "C-1",
  email: "ann@example.com",
  phone: null,
  first_name: "Ann",
  last_name: "Lee",
  consent: { email: false },
  consented_channels: [],
};

function signIn() {
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
}

describe("PrivacyPage", () => {
  it("finds a contact and shows its pending email consent and its ledger", async () => {
    signIn();
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": me(["read_campaign", "read_reference_data", "view_pii"]),
      "GET /api/contacts/": () => ({ items: [CONTACT], total: 1, page: 1, page_size: 1, filters: {} }),
      "GET /api/contacts/k1/consent/": () => ({
        contact_id: "k1",
        consented_channels: [],
        history: [],
        channels: [
          {
            channel: "email",
            granted: false,
            status: "pending",
            legal_basis: "express",
            expires_at: null,
            source: "signup_form",
            recorded_at: "2026-12-01T10:00:00Z",
          },
        ],
      }),
      "GET /api/contacts/k1/consents/history/": () => ({
        items: [
          {
            id: "e1",
            channel: "email",
            action: "request",
            status: "pending",
            previous_status: null,
            granted: false,
            previous: null,
            legal_basis: "express",
            expires_at: null,
            source: "signup_form",
            recorded_at: "2026-12-01T10:00:00Z",
            changed_at: "2026-12-01T10:00:00Z",
            actor_user_id: null,
            proof: { ip: "203.0.113.9", form_id: "signup" },
          },
        ],
        total: 1,
        page: 1,
        page_size: 20,
        filters: {},
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/privacy/*", element: <PrivacyPage /> }], "/privacy/contacts");

    fireEvent.change(await screen.findByLabelText("Contact external id"), { target: { value: "C-1" } });
    await userEvent.click(screen.getByRole("button", { name: "Find" }));

    const current = await screen.findByRole("table", { name: "Current consent" });
    expect(await within(current).findByText("Pending confirmation")).toBeInTheDocument();
    const history = screen.getByRole("table", { name: "Consent history (newest first)" });
    expect(await within(history).findByText("request")).toBeInTheDocument();
    expect(within(history).getByText(/form_id: signup/)).toBeInTheDocument();
  }, 20_000);

  it("shows a campaign's consent summary by channel and status", async () => {
    signIn();
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": me(["read_campaign"]),
      "GET /api/campaigns/": () => ({
        items: [{ id: "c1", campaign_name: "Spring sale", campaign_code: "SPR-1" }],
        total: 1,
        page: 1,
        page_size: 200,
        filters: {},
      }),
      "GET /api/campaigns/c1/consent-summary/": () => ({
        campaign_id: "c1",
        matched: 3,
        channels: ["email"],
        counts: [
          { channel: "email", status: "granted", legal_basis: "express", count: 1 },
          { channel: "email", status: "pending", legal_basis: "express", count: 2 },
        ],
        totals: { email: { granted: 1, pending: 2, withdrawn: 0, expired: 0, none: 0 } },
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/privacy/*", element: <PrivacyPage /> }], "/privacy/campaigns");

    const select = await screen.findByLabelText("Campaign");
    await screen.findByRole("option", { name: "Spring sale (SPR-1)" });
    await userEvent.selectOptions(select, "c1");

    expect(await screen.findByText("3 contacts in the campaign's audience.")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Consent by channel" });
    const row = within(table).getByRole("row", { name: /email/ });
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["1", "2", "0", "0", "0"]);
  }, 20_000);

  it("lets an admin turn on double opt-in and shows the API's refusal next to the hosts", async () => {
    signIn();
    const puts: unknown[] = [];
    const { fetchMock } = fakeApi({
      "GET /api/auth/me": me(["read_campaign", "manage_users"]),
      "GET /api/privacy/settings/": () => ({
        double_opt_in_email: false,
        residency_region: null,
        residency_allowed_hosts: [],
      }),
      "PUT /api/privacy/settings/": async (request) => {
        const body = (await request.json()) as { residency_allowed_hosts: string[] };
        puts.push(body);
        if (body.residency_allowed_hosts.includes("bad_host!")) {
          return new Response(
            JSON.stringify({
              error_code: "validation_error",
              message: "The request is invalid.",
              details: { fields: { residency_allowed_hosts: ["not a host name: 'bad_host!'"] } },
            }),
            { status: 422, headers: { "Content-Type": "application/json" } },
          );
        }
        return { double_opt_in_email: true, residency_region: "eu", residency_allowed_hosts: [] };
      },
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/privacy/*", element: <PrivacyPage /> }], "/privacy/settings");

    await userEvent.click(await screen.findByLabelText("Double opt-in for email"));
    await userEvent.selectOptions(screen.getByLabelText("Data residency region"), "eu");
    const hosts = screen.getByLabelText("Hosts inside the region");
    fireEvent.change(hosts, { target: { value: "bad_host!" } });
    await userEvent.click(screen.getByRole("button", { name: "Save privacy settings" }));
    await waitFor(() => expect(hosts).toHaveAccessibleDescription(/not a host name/));

    fireEvent.change(hosts, { target: { value: "" } });
    await userEvent.click(screen.getByRole("button", { name: "Save privacy settings" }));
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(puts.at(-1)).toEqual({ double_opt_in_email: true, residency_region: "eu", residency_allowed_hosts: [] });
  }, 20_000);

  it("shows the settings read-only to other users", async () => {
    signIn();
    const { fetchMock, calls } = fakeApi({
      "GET /api/auth/me": me(["read_campaign"]),
      "GET /api/privacy/settings/": () => ({
        double_opt_in_email: true,
        residency_region: "eu",
        residency_allowed_hosts: [],
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/privacy/*", element: <PrivacyPage /> }], "/privacy/settings");

    expect(await screen.findByText("Only administrators change these settings.")).toBeInTheDocument();
    expect(screen.getByLabelText("Double opt-in for email")).toBeDisabled();
    expect(screen.queryByRole("link", { name: "Contact consent" })).toBeNull();
    expect(calls.every((call) => call.method === "GET")).toBe(true);
  });
});
