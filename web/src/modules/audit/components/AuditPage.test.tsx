import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import { AuditPage } from "./AuditPage";

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
  permissions: ["read_audit_log", "read_campaign"],
  mfa_enabled: false,
  last_login_at: null,
};
const row = {
  id: 7,
  occurred_at: "2026-03-01T09:45:00Z",
  chained_at: "2026-03-01T09:45:00.012345Z",
  actor_user_id: "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
  action: "campaign.updated",
  entity_type: "campaign",
  entity_id: "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
  old_values: { campaign_name: "Spring" },
  new_values: { campaign_name: "Summer" },
  request_id: null,
  client_ip: null,
  user_agent: null,
  chain_seq: 2,
  payload_digest: "d".repeat(64),
  prev_hash: "a".repeat(64),
  row_hash: "b".repeat(64),
  redacted_at: null,
  redaction_request_id: null,
};
const verification = (ok: boolean) => ({
  ok,
  rows: 2,
  redacted_rows: 0,
  first_seq: 1,
  last_seq: 2,
  last_hash: "b".repeat(64),
  anchor: { seq: 0, hash: "0".repeat(64), source: "genesis" },
  problem_count: ok ? 0 : 1,
  first_problem: ok ? null : { kind: "altered", chain_seq: 2, row_id: 7, message: "row 7 (seq 2) was altered: its values do not match their digest" },
  problems: [],
});

function renderPage(handlers: Record<string, (request: Request) => unknown>, me = admin) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/audit/": () => ({ items: [row], total: 1, page: 1, page_size: 50, filters: {} }),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/audit", element: <AuditPage /> }], "/audit");
  return api;
}

describe("AuditPage", () => {
  it("lists the rows with their place in the chain", async () => {
    renderPage({});
    expect(await screen.findByText("campaign.updated")).toBeInTheDocument();
    expect(screen.getByText("bbbbbbbbbbbb…")).toBeInTheDocument();
  });

  it("asks for the chosen period and shows an intact chain", async () => {
    const api = renderPage({ "GET /api/audit/verify/": () => verification(true) });
    await screen.findByText("campaign.updated");
    await userEvent.type(screen.getByLabelText("From"), "2026-03-01T00:00");
    await userEvent.click(screen.getByRole("button", { name: "Apply period" }));
    await userEvent.click(screen.getByRole("button", { name: "Verify chain" }));
    expect(await screen.findByText("The audit chain holds.")).toBeInTheDocument();
    const verify = api.calls.find((call) => call.url.includes("/api/audit/verify/"));
    expect(new URL(verify!.url).searchParams.get("from")).toBe(new Date("2026-03-01T00:00").toISOString());
  });

  it("names the first tampered row", async () => {
    renderPage({ "GET /api/audit/verify/": () => verification(false) });
    await screen.findByText("campaign.updated");
    await userEvent.click(screen.getByRole("button", { name: "Verify chain" }));
    const alert = await screen.findByTestId("audit-verification");
    expect(alert).toHaveTextContent("does not hold");
    expect(alert).toHaveTextContent("altered at seq 2");
  });

  it("downloads the export", async () => {
    const created = vi.fn(() => "blob:audit");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderPage({
      "GET /api/audit/export/": () =>
        new Response('{"type": "header"}\n', {
          status: 200,
          headers: { "Content-Type": "application/x-ndjson", "Content-Disposition": 'attachment; filename="audit-start-now.jsonl"' },
        }),
    });
    await screen.findByText("campaign.updated");
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it("refuses users without the audit permission", async () => {
    renderPage({}, { ...admin, permissions: ["read_campaign"] });
    expect(await screen.findByRole("alert")).toHaveTextContent("Only administrators and auditors");
  });
});
