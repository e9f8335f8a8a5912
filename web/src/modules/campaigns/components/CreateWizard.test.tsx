import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderApp } from "../../../test-utils";
import { CreateWizard } from "./CreateWizard";

afterEach(() => vi.unstubAllGlobals());

const empty = { items: [], total: 0, page: 1, page_size: 100, filters: {} };

describe("CreateWizard", () => {
  it("takes a schedule conflict back to the details step, next to the dates", async () => {
    const { fetchMock } = fakeApi({
      "GET /api/campaign-templates/": () => empty,
      "GET /api/campaign-budgets/": () => empty,
      "GET /api/campaign-budgets/availability/": () => ({}),
      "POST /api/campaigns/": () =>
        new Response(
          JSON.stringify({
            error_code: "schedule_conflict",
            message: "The campaign's dates overlap a planned or active campaign on a channel they share.",
            details: {
              primary_channel: "email",
              channels: ["email"],
              conflicting_campaigns: [{ id: "c9", campaign_code: "CMP-2026-00009", primary_channel: "email", shared_channels: ["email"] }],
            },
          }),
          { status: 409, headers: { "Content-Type": "application/json" } },
        ),
    });
    vi.stubGlobal("fetch", fetchMock);
    renderApp([{ path: "/", element: <CreateWizard /> }], "/");

    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    for (let step = 0; step < 4; step += 1) await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await userEvent.click(await screen.findByRole("button", { name: "Create campaign" }));

    const start = await screen.findByLabelText("Start");
    await waitFor(() => expect(start).toHaveAccessibleDescription(/overlap CMP-2026-00009 \(email\) on email/));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Details");
    expect(document.querySelector(".notice-error")).toBeNull();
  });

  const budget = { id: "b1", budget_name: "Marketing 2026", budget_code: "MKT-26", total_amount: "50000.00", currency_code: "USD" };
  const created = {
    id: "c1",
    campaign_name: "Summer",
    campaign_code: "CMP-2026-00001",
    validation_warnings: [],
  };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const next = async (times: number) => {
    for (let step = 0; step < times; step += 1) await userEvent.click(screen.getByRole("button", { name: "Next" }));
  };
  const sent = (calls: Request[], method: string, path: string) =>
    calls.filter((c) => c.method === method && new URL(c.url).pathname === path);

  function wizard(handlers: Record<string, (request: Request) => unknown>) {
    const api = fakeApi({
      "GET /api/campaign-templates/": () => empty,
      "GET /api/campaign-budgets/": () => ({ ...empty, items: [budget], total: 1 }),
      "GET /api/campaign-budgets/availability/": () => ({}),
      "POST /api/segments/estimate/": () => json(422, { error_code: "validation_error", message: "The request is not valid.", details: {} }),
      ...handlers,
    });
    vi.stubGlobal("fetch", api.fetchMock);
    renderApp(
      [
        { path: "/", element: <CreateWizard /> },
        { path: "/campaigns/:id", element: <p>Campaign page</p> },
      ],
      "/",
    );
    return api.calls;
  }

  it("refuses a malformed currency code next to the field, before going on", async () => {
    const calls = wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    const currency = screen.getByLabelText("Currency");
    await userEvent.clear(currency);
    await userEvent.type(currency, "U$D");
    await next(1);

    await waitFor(() => expect(currency).toHaveAccessibleDescription("A three-letter currency code, such as USD."));
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Details");
    expect(sent(calls, "POST", "/api/campaigns/")).toHaveLength(0);
  });

  it("moves focus to the new step's heading after Next and after Back", async () => {
    wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(1);
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Template" })).toHaveFocus());
    await next(1);
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Budget" })).toHaveFocus());

    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Template" })).toHaveFocus());
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "Details" })).toHaveFocus());
    // Focusable from script only: Tab does not stop on it.
    expect(screen.getByRole("heading", { level: 2 })).toHaveAttribute("tabindex", "-1");
  });

  it("moves focus to the first invalid field when Next finds the step incomplete", async () => {
    wizard({});
    await next(1);
    const name = screen.getByLabelText("Campaign name");
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Details");

    // Named now, the currency is the first field left wrong.
    await userEvent.type(name, "Summer");
    const currency = screen.getByLabelText("Currency");
    await userEvent.clear(currency);
    await userEvent.type(currency, "U$D");
    await next(1);
    await waitFor(() => expect(currency).toHaveFocus());

    await userEvent.clear(currency);
    await userEvent.type(currency, "USD");
    await next(2);
    await userEvent.selectOptions(await screen.findByLabelText("Draw from budget"), "b1");
    await next(1);
    await waitFor(() => expect(screen.getByLabelText("Amount")).toHaveFocus());
    expect(screen.getByLabelText("Amount")).toHaveAccessibleDescription(/Enter the amount to draw/);
  });

  it("moves focus to what the segments step lacks when Next finds it incomplete", async () => {
    wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(3);
    await userEvent.click(screen.getByRole("button", { name: "Add demographic condition" }));
    await next(1);
    // The condition has no value: the message saying so (the segment name is fine).
    await waitFor(() => expect(screen.getByText(/A condition has no value yet/)).toHaveFocus());
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Segments");

    await userEvent.clear(screen.getByLabelText("Segment name"));
    await next(1);
    await waitFor(() => expect(screen.getByLabelText("Segment name")).toHaveFocus());
  });

  it("checks the allocation amount on the budget step, before anything is sent", async () => {
    const calls = wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(2);
    await userEvent.selectOptions(await screen.findByLabelText("Draw from budget"), "b1");
    await userEvent.type(screen.getByLabelText("Amount"), "abc");
    await next(1);

    expect(screen.getByLabelText("Amount")).toHaveAccessibleDescription(/An amount such as 2000.00./);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Budget");

    await userEvent.clear(screen.getByLabelText("Amount"));
    await userEvent.type(screen.getByLabelText("Amount"), "1500");
    await next(2);
    const review = screen.getByRole("heading", { level: 2 });
    expect(review).toHaveTextContent("Review");
    expect(document.querySelector(".review")).not.toHaveTextContent("NaN");
    expect(document.querySelector(".review")).toHaveTextContent("1,500.00");
    expect(calls.filter((c) => c.method !== "GET" && !c.url.includes("/estimate/"))).toHaveLength(0);
  });

  it("asks for the segment's name before sending", async () => {
    const calls = wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(3);
    await userEvent.click(screen.getByRole("button", { name: "Add behavioral condition" }));
    await userEvent.clear(screen.getByLabelText("Segment name"));
    await next(1);

    expect(screen.getByLabelText("Segment name")).toHaveAccessibleDescription("Give the segment a name.");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Segments");
    expect(sent(calls, "POST", "/api/campaigns/")).toHaveLength(0);
  });

  it("keeps one Idempotency-Key for the create, however often it is tried", async () => {
    let tries = 0;
    const calls = wizard({
      "POST /api/campaigns/": () => {
        tries += 1;
        return tries === 1 ? json(503, { error_code: "service_unavailable", message: "A backing service is unavailable.", details: {} }) : created;
      },
    });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(4);
    await userEvent.click(screen.getByRole("button", { name: "Create campaign" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("A backing service is unavailable.");
    await userEvent.click(screen.getByRole("button", { name: "Create campaign" }));

    expect(await screen.findByText("Campaign page")).toBeInTheDocument();
    const keys = sent(calls, "POST", "/api/campaigns/").map((c) => c.headers.get("Idempotency-Key"));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("once the campaign exists, retries only the step that failed, says which, and offers the campaign", async () => {
    let allocations = 0;
    const calls = wizard({
      "POST /api/campaigns/": () => created,
      "PUT /api/campaigns/c1/budgets/b1/": () => {
        allocations += 1;
        return allocations === 1
          ? json(409, { error_code: "budget_exceeded", message: "The budget has 1000.00 USD left.", details: { field: "allocated_amount" } })
          : { allocated_amount: "900.00" };
      },
      "POST /api/campaign-segments/": () => ({ id: "s1" }),
    });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(2);
    await userEvent.selectOptions(await screen.findByLabelText("Draw from budget"), "b1");
    await userEvent.type(screen.getByLabelText("Amount"), "1500");
    await next(1);
    await userEvent.click(screen.getByRole("button", { name: "Add behavioral condition" }));
    await next(1);
    await userEvent.click(screen.getByRole("button", { name: "Create campaign" }));

    // Back on the budget step, the failure named, the campaign offered.
    const alert = await screen.findByText(/was created, but not all that comes with it/);
    const notice = alert.closest(".notice") as HTMLElement;
    expect(notice).toHaveTextContent("Budget allocation: The budget has 1000.00 USD left.");
    expect(notice).not.toHaveTextContent("Segment:");
    expect(within(notice).getByRole("button", { name: "Open the campaign" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Budget");

    await userEvent.clear(screen.getByLabelText("Amount"));
    await userEvent.type(screen.getByLabelText("Amount"), "900");
    await next(2);
    await userEvent.click(screen.getByRole("button", { name: "Retry what failed" }));

    expect(await screen.findByText("Campaign page")).toBeInTheDocument();
    expect(sent(calls, "POST", "/api/campaigns/")).toHaveLength(1);
    expect(sent(calls, "POST", "/api/campaign-segments/")).toHaveLength(1);
    const puts = sent(calls, "PUT", "/api/campaigns/c1/budgets/b1/");
    expect(puts).toHaveLength(2);
    expect(await puts[1].json()).toEqual({ allocated_amount: "900" });
  });

  it("opens the created campaign when a later step keeps failing", async () => {
    const calls = wizard({
      "POST /api/campaigns/": () => created,
      "POST /api/campaign-segments/": () =>
        json(422, {
          error_code: "validation_error",
          message: "The request is not valid.",
          details: { fields: { "body.behavioral_criteria": ["unknown event"] } },
        }),
    });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(3);
    await userEvent.click(screen.getByRole("button", { name: "Add behavioral condition" }));
    await next(1);
    await userEvent.click(screen.getByRole("button", { name: "Create campaign" }));
    const failure = (await screen.findByText(/Segment: The request is not valid./)).closest("li") as HTMLElement;
    // What the API says of each field, one item each, under the field's name in words.
    expect(within(failure).getByRole("listitem")).toHaveTextContent("behavioral criteria: unknown event");
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Segments");
    await next(1);
    await userEvent.click(screen.getByRole("button", { name: "Retry what failed" }));
    await waitFor(() => expect(sent(calls, "POST", "/api/campaign-segments/")).toHaveLength(2));

    await userEvent.click(screen.getByRole("button", { name: "Open the campaign" }));
    expect(await screen.findByText("Campaign page")).toBeInTheDocument();
    expect(sent(calls, "POST", "/api/campaigns/")).toHaveLength(1);
  });

  const templateOf = (id: string, template_type: string) => ({
    id,
    template_name: `${template_type.replace("_", " ")} layout`,
    template_code: id.toUpperCase(),
    template_type,
    description: null,
    is_active: true,
  });
  /** The templates API, filtering by type as the API does. */
  const templatesByType = (request: Request) => {
    const type = new URL(request.url).searchParams.get("template_type");
    const all = [templateOf("t-email", "email"), templateOf("t-sms", "sms"), templateOf("t-mail", "direct_mail"), templateOf("t-page", "landing_page")];
    const items = all.filter((template) => !type || template.template_type === type);
    return { ...empty, items, total: items.length };
  };
  const choices = () => screen.getAllByRole("radio").map((radio) => radio.closest("label")?.textContent?.trim());

  it("offers only the templates the chosen channel can send", async () => {
    const calls = wizard({ "GET /api/campaign-templates/": templatesByType });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await userEvent.selectOptions(screen.getByLabelText("Primary channel"), "direct_mail");
    await next(1);

    await screen.findByText("direct mail layout");
    expect(choices()).toEqual(["No template", "direct mail layout direct mail"]);
    const asked = sent(calls, "GET", "/api/campaign-templates/").map((c) => new URL(c.url).searchParams.get("template_type"));
    expect(asked).toContain("direct_mail");
    expect(asked).not.toContain("sms");

    // An email campaign: email templates and landing pages.
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await userEvent.selectOptions(screen.getByLabelText("Primary channel"), "email");
    await next(1);
    await screen.findByText("email layout");
    expect(choices()).toEqual(["No template", "email layout email", "landing page layout landing page"]);
  });

  it("drops a chosen template the new channel cannot send, and creates without it", async () => {
    const bodies: unknown[] = [];
    wizard({
      "GET /api/campaign-templates/": templatesByType,
      "POST /api/campaigns/": async (request) => {
        bodies.push(await request.json());
        return created;
      },
    });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await userEvent.selectOptions(screen.getByLabelText("Primary channel"), "sms");
    await next(1);
    await userEvent.click(await screen.findByRole("radio", { name: /sms layout/ }));
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await userEvent.selectOptions(screen.getByLabelText("Primary channel"), "direct_mail");
    await next(1);

    await screen.findByText("direct mail layout");
    expect(screen.getByRole("radio", { name: "No template" })).toBeChecked();
    await next(3);
    await userEvent.click(screen.getByRole("button", { name: "Create campaign" }));
    expect(await screen.findByText("Campaign page")).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ primary_channel: "direct_mail", template_id: null });
  });

  it("says on the template and review steps that a campaign without a template cannot launch", async () => {
    wizard({ "GET /api/campaign-templates/": templatesByType });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    await next(1);
    await screen.findByText("email layout");
    expect(screen.getByTestId("no-message")).toHaveTextContent(/cannot launch until it has one, or A\/B variants that each have content/);
    expect(screen.getByTestId("no-message")).toHaveTextContent("either can be added later, in the Content tab of the campaign's editor.");

    await userEvent.click(screen.getByRole("radio", { name: /email layout/ }));
    expect(screen.queryByTestId("no-message")).toBeNull();
    await next(3);
    expect(document.querySelector(".review")).toHaveTextContent("email layout");
    expect(screen.queryByTestId("no-message")).toBeNull();

    for (let step = 0; step < 3; step += 1) await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await userEvent.click(screen.getByRole("radio", { name: "No template" }));
    expect(screen.getByTestId("no-message")).toBeInTheDocument();
    await next(3);
    expect(within(document.querySelector(".review") as HTMLElement).getByTestId("no-message")).toBeInTheDocument();
  });

  it("flags a start in the past as a warning, as the API takes it, and goes on", async () => {
    wizard({});
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    const start = screen.getByLabelText("Start");
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}T${pad(past.getHours())}:${pad(past.getMinutes())}`;
    await userEvent.clear(start);
    await userEvent.type(start, local);

    expect(start).toHaveAccessibleDescription(/The start has passed/);
    expect(start).toHaveAttribute("aria-invalid", "false");
    await next(1);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Template");
  });

  const budgetOf = (id: string, fiscal_year: number, currency_code = "USD") => ({
    id,
    budget_name: `Marketing ${fiscal_year} ${currency_code}`,
    budget_code: `MKT-${fiscal_year}`,
    total_amount: "50000.00",
    currency_code,
    fiscal_year,
  });
  /** The budgets API, filtering by fiscal year and currency as the API does. */
  const budgetsByQuery = (budgets: ReturnType<typeof budgetOf>[]) => (request: Request) => {
    const query = new URL(request.url).searchParams;
    const items = budgets.filter(
      (item) =>
        (!query.get("fiscal_year") || String(item.fiscal_year) === query.get("fiscal_year")) &&
        (!query.get("currency_code") || item.currency_code === query.get("currency_code")),
    );
    return { ...empty, items, total: items.length };
  };
  const budgetChoices = () =>
    Array.from((screen.getByLabelText("Draw from budget") as HTMLSelectElement).options).map((option) => option.textContent);

  it("offers only budgets of the fiscal year the campaign starts in, in its currency, and says when none fits", async () => {
    wizard({ "GET /api/campaign-budgets/": budgetsByQuery([budgetOf("b26", 2026), budgetOf("b27", 2027), budgetOf("b27e", 2027, "EUR")]) });
    await userEvent.type(screen.getByLabelText("Campaign name"), "Summer");
    const start = screen.getByLabelText("Start");
    await userEvent.clear(start);
    await userEvent.type(start, "2027-06-01T10:00");
    const end = screen.getByLabelText("End");
    await userEvent.clear(end);
    await userEvent.type(end, "2027-06-30T10:00");
    await next(2);

    await waitFor(() => expect(budgetChoices()).toHaveLength(2));
    expect(budgetChoices()[1]).toContain("Marketing 2027 USD");
    expect(screen.getByLabelText("Draw from budget")).toHaveAccessibleDescription("Budgets of fiscal year 2027 in USD, the campaign's.");

    // In a currency no budget of 2027 has, nothing is offered, and the step says why.
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    const currency = screen.getByLabelText("Currency");
    await userEvent.clear(currency);
    await userEvent.type(currency, "GBP");
    await next(2);
    expect(await screen.findByTestId("no-fitting-budget")).toHaveTextContent("No active GBP budget for fiscal year 2027");
    expect(budgetChoices()).toEqual(["No allocation yet"]);
  });
});
