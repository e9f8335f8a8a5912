import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { session } from "../../../api/session";
import type { CampaignDetail } from "../../campaigns/api";
import { VariantsTab } from "./VariantsTab";
import { VariantResultsChart } from "./VariantResultsChart";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const me = {
  id: "u",
  email: "manager@acme.test",
  full_name: "Manager",
  company: { id: "co", name: "Acme", slug: "acme" },
  roles: ["marketing_manager"],
  permissions: ["read_campaign", "update_campaign"],
  mfa_enabled: false,
  last_login_at: null,
};
const campaign = { id: "c1", campaign_name: "Spring sale", primary_channel: "email", version: 7 } as unknown as CampaignDetail;
const control = {
  id: "v1",
  campaign_id: "c1",
  variant_name: "A: original",
  subject: "Spring sale",
  content: "<p>Hello</p>",
  template_id: null,
  weight: 60,
  is_control: true,
  created_at: "2026-03-01T09:30:00Z",
  updated_at: "2026-03-01T09:30:00Z",
};
const template = { id: "t1", template_name: "Spring layout", template_type: "email" };
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 100, filters: {} });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderTab(handlers: Record<string, (request: Request) => unknown>) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/campaigns/c1/variants/": () => page([control]),
    "GET /api/campaign-templates/": () => page([template]),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <VariantsTab campaign={campaign} /> }], "/");
  return api.calls;
}

describe("VariantsTab", () => {
  it("adds a variant with the campaign's version, showing the API's refusals next to their fields", async () => {
    const sent: { body: Record<string, unknown>; ifMatch: string | null }[] = [];
    renderTab({
      "POST /api/campaigns/c1/variants/": async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push({ body, ifMatch: request.headers.get("If-Match") });
        if (sent.length === 1)
          return json(422, {
            error_code: "variant_weights_exceeded",
            message: "The weights of a campaign's variants add up to at most 100.",
            details: { total_weight: 110, maximum: 100, field: "weight" },
          });
        return json(201, { ...control, ...body, id: "v2", is_control: false });
      },
    });
    expect(await screen.findByText("A: original")).toBeInTheDocument();
    expect(screen.getByTestId("variant-weights")).toHaveTextContent("Weights add up to 60 of 100 %.");

    await userEvent.click(screen.getByRole("button", { name: "Add variant" }));
    const form = screen.getByRole("form", { name: "New variant" });
    await userEvent.type(within(form).getByLabelText("Variant name"), "B: shorter subject");
    await userEvent.type(within(form).getByLabelText("Subject"), "20 % off today");
    await userEvent.selectOptions(within(form).getByLabelText("Template"), "t1");
    await userEvent.click(within(form).getByRole("button", { name: "Save variant" }));

    const weight = within(form).getByLabelText("Weight (%)");
    await waitFor(() => expect(weight).toHaveAccessibleDescription(/add up to at most 100\. With this one they would make 110\./));
    expect(document.querySelector(".notice-error")).toBeNull();

    await userEvent.clear(weight);
    await userEvent.type(weight, "40");
    await userEvent.click(within(form).getByRole("button", { name: "Save variant" }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({
      ifMatch: '"7"',
      body: {
        variant_name: "B: shorter subject",
        subject: "20 % off today",
        content: null,
        template_id: "t1",
        weight: 40,
        is_control: false,
      },
    });
    await waitFor(() => expect(screen.queryByRole("form", { name: "New variant" })).toBeNull());
  });

  it("edits a variant and says a second control next to the control box", async () => {
    const patched: unknown[] = [];
    renderTab({
      "PATCH /api/campaigns/c1/variants/v1/": async (request) => {
        patched.push(await request.json());
        return json(409, {
          error_code: "control_variant_exists",
          message: "The campaign already has a control variant.",
          details: { control_variant_id: "v9" },
        });
      },
    });
    await userEvent.click(await screen.findByRole("button", { name: "Edit A: original" }));
    const form = screen.getByRole("form", { name: "Edit variant A: original" });
    expect(within(form).getByLabelText("Weight (%)")).toHaveValue(60);
    expect(within(form).getByLabelText("Content")).toHaveValue("<p>Hello</p>");
    await userEvent.click(within(form).getByRole("button", { name: "Save variant" }));
    await waitFor(() => expect(within(form).getByLabelText("Control")).toHaveAccessibleDescription("The campaign already has a control variant."));
    expect(patched[0]).toMatchObject({ variant_name: "A: original", weight: 60, is_control: true });
  });
});

describe("VariantResultsChart", () => {
  it("shows each variant's sends and rates, and the winner", async () => {
    // jsdom has no layout: the charts' containers need a ResizeObserver to mount.
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const { fetchMock } = fakeApi({
      "GET /api/campaigns/c1/variants/results/": () => ({
        campaign_id: "c1",
        metric: "open_rate",
        winner_variant_id: "v2",
        decided_at: "2026-03-01T10:30:00Z",
        items: [
          { variant_id: "v1", variant_name: "A", is_control: true, weight: 50, sent: 1000, opens: 250, clicks: 30, open_rate: 0.25, click_rate: 0.03 },
          { variant_id: "v2", variant_name: "B", is_control: false, weight: 50, sent: 1000, opens: 310, clicks: 42, open_rate: 0.31, click_rate: 0.042 },
        ],
      }),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <VariantResultsChart campaignId="c1" /> }], "/");
    expect(await screen.findByTestId("variant-winner")).toHaveTextContent("Winner by open rate: B");
    const rows = screen.getAllByRole("row");
    expect(rows[1]).toHaveTextContent("A (control)50 %1,0002503025.0 %3.0 %");
    expect(rows[2]).toHaveTextContent("B50 %1,0003104231.0 %4.2 %");
    expect(screen.getByRole("img", { name: /B: sent 1000, open rate 31\.0 %, click rate 4\.2 %/ })).toBeInTheDocument();
  });
});
