import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp, signedInUser } from "../../../test-utils";
import { session } from "../../../api/session";
import { useCampaign, type CampaignDetail } from "../../campaigns/api";
import { ContentTab } from "./ContentTab";

afterEach(() => {
  vi.unstubAllGlobals();
  session.clear();
});

const manager = signedInUser(["read_campaign", "update_campaign", "read_reference_data", "view_pii"], ["marketing_manager"]);
const analyst = signedInUser(["read_campaign", "read_reference_data"], ["marketing_analyst"]);

const emailCampaign = {
  id: "c1",
  campaign_name: "Spring sale",
  campaign_code: "CMP-2026-00001",
  primary_channel: "email",
  campaign_status: "planned",
  approval_status: "approved",
  version: 7,
} as unknown as CampaignDetail;

const template = (id: string, name: string, type: string, extra: Record<string, unknown> = {}) => ({
  id,
  template_name: name,
  template_code: name.toUpperCase().replace(/\W/g, ""),
  description: null,
  template_type: type,
  campaign_structure: {},
  default_settings: {},
  content_template: null,
  asset_references: [],
  is_active: true,
  is_default: false,
  usage_count: 1,
  created_at: "2026-03-01T09:30:00Z",
  updated_at: "2026-03-01T09:30:00Z",
  ...extra,
});
const link = (t: ReturnType<typeof template>, isPrimary = false) => ({
  campaign_id: "c1",
  template_id: t.id,
  template_code: t.template_code,
  template_name: t.template_name,
  template_type: t.template_type,
  is_active: true,
  is_primary: isPrimary,
  created_at: "2026-03-01T09:30:00Z",
});

const newsletter = template("t1", "Newsletter", "email", {
  content_template: "<h1>Hi {{ first_name | default('there') }}</h1><script>alert(1)</script>",
  default_settings: { subject: "Spring is here" },
});
const promo = template("t2", "Promo", "email", { default_settings: { subject: "20 % off" } });
const landing = template("t3", "Landing", "landing_page");
const smsText = template("t4", "Text promo", "sms", { content_template: "Hi {{ first_name | default('there') }}, 20 % off today." });

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, page_size: 100, filters: {} });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const templates = [newsletter, promo, landing, smsText];

/** The preview endpoint's answer: `message` rendered on `channel`, filled in by `contactId`'s data
 * (null: placeholder data). */
const previewed = (channel: string, message: Record<string, unknown>, contactId: string | null = "k1", variantId: string | null = null) => ({
  campaign_id: "c1",
  channel,
  variant_id: variantId,
  contact_id: contactId,
  message: { subject: null, html: null, text: "", headers: {}, links: [], ...message },
});
const noContent = (channel: string) =>
  json(422, {
    error_code: "no_message_content",
    message: "The campaign has no message for this channel: link a template or add a variant.",
    details: { channel },
  });
const paramsOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const PREVIEW = "/api/campaigns/c1/preview/";

/** The tab as the editor shows it: fed by the campaign query, so a refresh after a write shows. */
function Host() {
  const { data } = useCampaign("c1");
  return data ? <ContentTab campaign={data} /> : null;
}

function renderTab(handlers: Record<string, (request: Request) => unknown>, me = manager) {
  const api = fakeApi({
    "GET /api/auth/me": () => me,
    "GET /api/campaigns/c1/variants/": () => page([]),
    "GET /api/campaign-templates/": (request) => {
      const type = new URL(request.url).searchParams.get("template_type");
      return page(templates.filter((t) => t.template_type === type));
    },
    ...Object.fromEntries(templates.map((t) => [`GET /api/campaign-templates/${t.id}/`, () => t])),
    ...handlers,
  });
  vi.stubGlobal("fetch", api.fetchMock);
  session.store({ access_token: "a", refresh_token: "r", expires_in: 900, refresh_expires_in: 3600 });
  renderApp([{ path: "/", element: <Host /> }], "/");
  return api.calls;
}

describe("ContentTab", () => {
  it("shows the linked template with its subject and links another with the campaign's version, reporting the new version and approval", async () => {
    const linked = [link(newsletter, true)];
    let campaign = emailCampaign;
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    const calls = renderTab({
      "GET /api/campaigns/c1/": () => campaign,
      "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: linked, total: linked.length }),
      [`GET ${PREVIEW}`]: () => previewed("email", { subject: "Spring is here", html: "<h1>Hi Ann</h1>", text: "Hi Ann" }),
      "POST /api/campaigns/c1/templates/": async (request) => {
        sent.push({ body: await request.json(), ifMatch: request.headers.get("If-Match") });
        linked.push(link(promo));
        campaign = { ...campaign, version: 8, approval_status: "pending_approval" };
        return json(201, link(promo));
      },
    });
    const table = await screen.findByRole("table", { name: "Email templates of this campaign" });
    const row = await within(table).findByRole("row", { name: /Newsletter/ });
    await waitFor(() => expect(row).toHaveTextContent("Spring is here"));
    expect(row).toHaveTextContent("primary");
    expect(screen.getByTestId("sending-email")).toHaveTextContent("Sends Newsletter.");
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<h1>Hi Ann</h1>");
    const previews = () => calls.filter((c) => new URL(c.url).pathname === PREVIEW);
    expect(previews().map(paramsOf)).toEqual([{ channel: "email" }]);

    // Only the types an email campaign can link, and not the one already linked.
    const select = screen.getByLabelText("Template for Email");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Promo (email)" })).toBeInTheDocument());
    expect(within(select).getByRole("option", { name: "Landing (landing page)" })).toBeInTheDocument();
    expect(within(select).queryByRole("option", { name: /Newsletter|Text promo/ })).toBeNull();
    const types = calls
      .filter((c) => c.method === "GET" && new URL(c.url).pathname === "/api/campaign-templates/")
      .map((c) => new URL(c.url).searchParams.get("template_type"));
    expect(types.sort()).toEqual(["email", "landing_page"]);

    await userEvent.click(screen.getByRole("button", { name: "Link template for Email" }));
    expect(select).toHaveAccessibleDescription(/Choose a template for Email\./);
    await userEvent.selectOptions(select, "t2");
    await userEvent.click(screen.getByRole("button", { name: "Link template for Email" }));

    await waitFor(() => expect(sent).toEqual([{ ifMatch: '"7"', body: { template_id: "t2", is_primary: false } }]));
    const outcome = screen.getByTestId("content-outcome");
    await waitFor(() =>
      expect(outcome).toHaveTextContent(
        "Template “Promo” linked for Email. The campaign is now at version 8. Its content changed since it was approved: it is pending approval again.",
      ),
    );
    expect(outcome).toHaveFocus();
    expect(await within(table).findByRole("row", { name: /Promo/ })).toHaveTextContent("20 % off");
    // The campaign's new version is rendered again.
    const postedAt = calls.findIndex((c) => c.method === "POST");
    await waitFor(() => expect(calls.slice(postedAt).some((c) => new URL(c.url).pathname === PREVIEW)).toBe(true));
    expect(await screen.findByTitle("Email message as rendered")).toBeInTheDocument();
  });

  it("says the API's refusals: the template's type next to the field, a stale version in the alert", async () => {
    let attempts = 0;
    renderTab({
      "GET /api/campaigns/c1/": () => emailCampaign,
      "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: [], total: 0 }),
      [`GET ${PREVIEW}`]: () => noContent("email"),
      "POST /api/campaigns/c1/templates/": () => {
        attempts += 1;
        if (attempts === 1)
          return json(422, {
            error_code: "incompatible_template",
            message: "The template's type does not fit the campaign's channel.",
            details: { template_type: "sms", primary_channel: "email" },
          });
        return json(412, {
          error_code: "precondition_failed",
          message: "The resource was changed by someone else; reload and try again.",
          details: { expected_version: 7, current_version: 9 },
        });
      },
    });
    expect(await screen.findByText("No Email template linked.")).toBeInTheDocument();
    expect(await screen.findByTestId("no-content")).toHaveTextContent("No Email message yet");
    expect(screen.queryByRole("alert")).toBeNull();
    const select = screen.getByLabelText("Template for Email");
    await waitFor(() => expect(within(select).getByRole("option", { name: "Promo (email)" })).toBeInTheDocument());
    await userEvent.selectOptions(select, "t2");
    await userEvent.click(screen.getByRole("button", { name: "Link template for Email" }));
    await waitFor(() => expect(select).toHaveAccessibleDescription(/does not fit the campaign's channel/));

    await userEvent.click(screen.getByRole("button", { name: "Link template for Email" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The resource was changed by someone else; reload and try again.");
  });

  it("groups a multi-channel campaign's templates per channel, previews each rendered and as written, and unlinks one", async () => {
    const linked = [link(newsletter, true), link(smsText)];
    const unlinked: (string | null)[] = [];
    let campaign = { ...emailCampaign, primary_channel: "multi_channel" };
    const calls = renderTab({
      "GET /api/campaigns/c1/": () => campaign,
      [`GET ${PREVIEW}`]: (request) => {
        const { channel } = paramsOf(request);
        if (channel === "email") return previewed("email", { subject: "Spring is here", html: "<h1>Hi Ann</h1>", text: "Hi Ann" });
        if (channel === "sms" && linked.some((l) => l.template_id === "t4")) return previewed("sms", { text: "Hi Ann, 20 % off today." });
        return noContent(String(channel));
      },
      "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: linked, total: linked.length }),
      "DELETE /api/campaigns/c1/templates/t4/": (request) => {
        unlinked.push(request.headers.get("If-Match"));
        linked.pop();
        campaign = { ...campaign, version: 8 };
        return new Response(null, { status: 204 });
      },
    });
    for (const name of ["Email", "SMS", "Social", "Direct mail"]) expect(await screen.findByRole("heading", { name })).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "SMS templates of this campaign" })).getByRole("row", { name: /Text promo/ })).toBeInTheDocument();
    expect(screen.getByTestId("sending-direct_mail")).toHaveTextContent("No template");

    // Rendered by the API, email first: HTML in a frame that runs no script.
    const frame = await screen.findByTitle("Email message as rendered");
    expect(frame.tagName).toBe("IFRAME");
    expect(frame).toHaveAttribute("sandbox", "");
    expect(frame).toHaveAttribute("srcdoc", "<h1>Hi Ann</h1>");
    expect(screen.getByRole("figure", { name: "Email message as rendered" })).toHaveTextContent("Subject: Spring is here");
    expect(screen.getByTestId("preview-source")).toHaveTextContent("Filled in with the data of a sample contact.");
    expect(screen.getByRole("radio", { name: "Rendered" })).toBeChecked();

    // As written: the template's own HTML, its fields not filled in.
    await userEvent.click(screen.getByRole("radio", { name: "As written" }));
    const written = await screen.findByTitle("Email message as written");
    expect(written).toHaveAttribute("sandbox", "");
    expect(written.getAttribute("srcdoc")).toContain("<h1>Hi {{ first_name | default('there') }}</h1>");
    expect(screen.getByRole("figure", { name: "Email message as written" })).toHaveTextContent("Subject: Spring is here");
    expect(screen.queryByLabelText(/Preview as contact/)).toBeNull();

    // SMS: text, as written and rendered.
    await userEvent.selectOptions(screen.getByLabelText("Preview channel"), "sms");
    expect(screen.getByRole("figure", { name: "SMS message as written" })).toHaveTextContent("Hi {{ first_name | default('there') }}, 20 % off today.");
    await userEvent.click(screen.getByRole("radio", { name: "Rendered" }));
    const sms = await screen.findByRole("figure", { name: "SMS message as rendered" });
    expect(sms).toHaveTextContent("Hi Ann, 20 % off today.");
    expect(within(sms).queryByText(/Subject/)).toBeNull();
    expect(calls.filter((c) => new URL(c.url).pathname === PREVIEW).map(paramsOf)).toEqual([{ channel: "email" }, { channel: "sms" }]);

    // Unlinked, SMS has nothing to send: the preview, read again for the new version, says so.
    await userEvent.click(screen.getByRole("button", { name: "Unlink Text promo from SMS" }));
    await waitFor(() => expect(unlinked).toEqual(['"7"']));
    expect(await screen.findByText("No SMS template linked.")).toBeInTheDocument();
    expect(screen.getByTestId("content-outcome")).toHaveTextContent("Template “Text promo” unlinked.");
    expect(await screen.findByTestId("no-content")).toHaveTextContent("No SMS message yet");
    expect(screen.queryByRole("figure", { name: "SMS message as rendered" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("sends a test of a variant to one address and shows the message as rendered, then its delivery", async () => {
    const requests: unknown[] = [];
    let reads = 0;
    const rendered = {
      id: "ts1",
      campaign_id: "c1",
      channel: "email",
      to: "ann@example.com",
      contact_id: null,
      variant_id: "v1",
      send_status: "pending",
      provider: null,
      provider_message_id: null,
      last_error: null,
      sent_at: null,
      created_at: "2026-03-20T12:00:00Z",
      message: { subject: "Spring is here, Ann", html: "<p>Hi Ann</p>", text: "Hi Ann", headers: {}, links: [] },
    };
    renderTab({
      "GET /api/campaigns/c1/": () => emailCampaign,
      "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: [link(newsletter, true)], total: 1 }),
      "GET /api/campaigns/c1/variants/": () =>
        page([{ id: "v1", campaign_id: "c1", variant_name: "B", subject: null, content: "<p>B {{ first_name }}</p>", template_id: null, weight: 50, is_control: false }]),
      [`GET ${PREVIEW}`]: (request) =>
        paramsOf(request).variant_id === "v1"
          ? previewed("email", { subject: "Spring is here", html: "<p>B Ann</p>", text: "B Ann" }, "k1", "v1")
          : previewed("email", { subject: "Spring is here", html: "<h1>Hi Ann</h1>", text: "Hi Ann" }),
      "POST /api/campaigns/c1/test-send/": async (request) => {
        const body = await request.json();
        requests.push(body);
        if (requests.length === 1)
          return json(422, {
            error_code: "test_send_channel_invalid",
            message: "The campaign does not send on the channel of this address.",
            details: { fields: { to: ["this campaign does not send sms messages"] }, primary_channel: "email" },
          });
        if (requests.length === 2)
          return json(429, { error_code: "rate_limited", message: "Too many requests; slow down.", details: { retry_after: 42 } });
        return json(202, rendered);
      },
      "GET /api/campaigns/c1/test-sends/ts1/": () => {
        reads += 1;
        return { ...rendered, send_status: "sent", provider: "smtp", sent_at: "2026-03-20T12:00:05Z" };
      },
    });
    await userEvent.selectOptions(await screen.findByLabelText("Message version"), "v1");
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<p>B Ann</p>");

    const to = screen.getByLabelText("Send a test to");
    await userEvent.click(screen.getByRole("button", { name: "Send test" }));
    expect(to).toHaveAccessibleDescription(/Type an email address\./);

    await userEvent.type(to, "+15551234567");
    await userEvent.click(screen.getByRole("button", { name: "Send test" }));
    await waitFor(() => expect(to).toHaveAccessibleDescription(/this campaign does not send sms messages/));

    await userEvent.clear(to);
    await userEvent.type(to, "ann@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Send test" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many requests; slow down. Try again in 42 s.");

    await userEvent.click(screen.getByRole("button", { name: "Send test" }));
    expect(requests[2]).toEqual({ to: "ann@example.com", variant_id: "v1" });
    const result = await screen.findByTestId("test-send-result");
    expect(result).toHaveTextContent("Email test to ann@example.com:");
    expect(await screen.findByTitle("Test message to ann@example.com")).toHaveAttribute("srcdoc", "<p>Hi Ann</p>");
    expect(screen.getByRole("figure", { name: "Test message to ann@example.com" })).toHaveTextContent("Subject: Spring is here, Ann");
    await waitFor(() => expect(result).toHaveTextContent(/sent at .* by smtp\./), { timeout: 4_000 });
    expect(reads).toBeGreaterThan(0);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("offers no writes to a reader, and previews the message with personal data masked", async () => {
    renderTab(
      {
        "GET /api/campaigns/c1/": () => emailCampaign,
        "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: [link(newsletter, true)], total: 1 }),
        [`GET ${PREVIEW}`]: () => previewed("email", { subject: "Spring is here", html: "<h1>Hi A.</h1>", text: "Hi A." }),
      },
      analyst,
    );
    expect(await screen.findByRole("row", { name: /Newsletter/ })).toBeInTheDocument();
    expect(await screen.findByText("Sending a test needs the permission to edit campaigns.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Unlink|Link template|Send test/ })).toBeNull();
    expect(screen.queryByLabelText("Template for Email")).toBeNull();
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<h1>Hi A.</h1>");
    expect(screen.getByTestId("preview-source")).toHaveTextContent("Filled in with the data of a sample contact, personal data masked.");
    await userEvent.click(screen.getByRole("radio", { name: "As written" }));
    expect(await screen.findByTitle("Email message as written")).toBeInTheDocument();
  });

  it("previews as a contact named by external id or id, and says why the message cannot be rendered", async () => {
    const contactId = "0b7c2f1e-5d4a-4c3b-9a8f-7e6d5c4b3a21";
    const calls = renderTab({
      "GET /api/campaigns/c1/": () => emailCampaign,
      "GET /api/campaigns/c1/templates/": () => ({ campaign_id: "c1", items: [link(newsletter, true)], total: 1 }),
      "GET /api/contacts/": (request) =>
        page(paramsOf(request).external_id === "ext-42" ? [{ id: "k42", external_id: "ext-42", first_name: null }] : []),
      [`GET ${PREVIEW}`]: (request) => {
        const contact = paramsOf(request).contact_id;
        if (contact === "k42")
          return json(422, {
            error_code: "test_send_render_failed",
            message: "The message cannot be rendered for this contact.",
            details: { reason: "html: 'first_name' is undefined and has no fallback", contact_id: "k42" },
          });
        if (contact === contactId) return previewed("email", { subject: "Spring is here", html: "<h1>Hi Bo</h1>", text: "Hi Bo" }, contactId);
        return previewed("email", { subject: "Spring is here", html: "<h1>Hi there</h1>", text: "Hi there" }, null);
      },
    });
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<h1>Hi there</h1>");
    expect(screen.getByTestId("preview-source")).toHaveTextContent("Filled in with placeholder data: the company has no contact to show it with.");

    const field = screen.getByLabelText("Preview as contact (optional)");
    expect(field).toHaveAccessibleDescription("A contact's id or external id; empty: a sample contact.");
    await userEvent.type(field, "nobody");
    await userEvent.click(screen.getByRole("button", { name: "Use contact" }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/No contact has the external id “nobody”\./));

    await userEvent.clear(field);
    await userEvent.type(field, "ext-42");
    await userEvent.click(screen.getByRole("button", { name: "Use contact" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The message cannot be rendered for this contact. html: 'first_name' is undefined and has no fallback.",
    );
    expect(screen.queryByTitle("Email message as rendered")).toBeNull();

    await userEvent.clear(field);
    await userEvent.type(field, contactId);
    await userEvent.click(screen.getByRole("button", { name: "Use contact" }));
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<h1>Hi Bo</h1>");
    expect(screen.getByTestId("preview-source")).toHaveTextContent(`Filled in with the data of contact ${contactId}.`);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(calls.filter((c) => new URL(c.url).pathname === PREVIEW).map((c) => paramsOf(c).contact_id)).toEqual([undefined, "k42", contactId]);
    const lookups = calls.filter((c) => new URL(c.url).pathname === "/api/contacts/").map((c) => paramsOf(c).external_id);
    expect(lookups).toEqual(["nobody", "ext-42"]);

    await userEvent.click(screen.getByRole("button", { name: "Use a sample contact" }));
    expect(await screen.findByTitle("Email message as rendered")).toHaveAttribute("srcdoc", "<h1>Hi there</h1>");
    expect(field).toHaveValue("");
    expect(screen.getByTestId("preview-source")).toHaveTextContent("Filled in with placeholder data");
  });
});
