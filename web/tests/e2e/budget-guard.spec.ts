import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, expectAccessible, signIn } from "./helpers";

async function bearer(request: APIRequestContext, username: string) {
  const response = await request.post("/api/auth/token", { form: { username, password: PASSWORD } });
  const { access_token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${access_token}` };
}

/** A planned email campaign of Acme's sending to everyone who may get email, starting now. */
async function plannedCampaign(request: APIRequestContext, headers: Record<string, string>, name: string) {
  const start = new Date(Date.now() - 60_000);
  const end = new Date(Date.now() + 20 * 86_400_000);
  // Earlier tests on the same stack may leave planned or active email campaigns, which the
  // schedule rule would find overlapping: cancel them, so this one starts on a free channel.
  for (const status of ["planned", "active", "paused"]) {
    const listed = await request.get("/api/campaigns/", {
      headers,
      params: { campaign_status: status, primary_channel: "email", page_size: 100 },
    });
    const { items } = (await listed.json()) as { items: { id: string }[] };
    for (const item of items) {
      await request.post(`/api/campaigns/${item.id}/cancel/`, { headers, data: { comment: "Clean slate for the budget guard test." } });
    }
  }
  const created = await request.post("/api/campaigns/", {
    headers,
    data: {
      campaign_name: name,
      campaign_type: "promotional",
      campaign_category: "sales",
      primary_channel: "email",
      start_date: start.toISOString(),
      end_date: end.toISOString(),
      total_budget: "100.00",
      currency_code: "USD",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const campaign = (await created.json()) as { id: string };
  const segment = await request.post("/api/campaign-segments/", {
    headers,
    data: { campaign_id: campaign.id, segment_name: "Everyone", segment_type: "demographic", demographic_criteria: {} },
  });
  expect(segment.status(), await segment.text()).toBe(201);
  const templates = await request.get("/api/campaign-templates/?template_type=email&is_active=true", { headers });
  const template = ((await templates.json()) as { items: { id: string }[] }).items[0];
  const linked = await request.post(`/api/campaigns/${campaign.id}/templates/`, { headers, data: { template_id: template.id } });
  expect(linked.status(), await linked.text()).toBe(201);
  const planned = await request.post(`/api/campaigns/${campaign.id}/plan/`, { headers });
  expect(planned.status(), await planned.text()).toBe(200);
  return campaign.id;
}

test("the budget guard refuses an over-budget launch, an approver overrides it, and sending pauses itself when the money runs out", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const admin = await bearer(request, "admin@acme.test");
  const name = `Budget guard ${Date.now().toString(36)}`;
  const campaignId = await plannedCampaign(request, admin, name);
  try {
    // Finance prices email at 5.00 a message on the unit-costs screen.
    await signIn(page, "finance@acme.test");
    await page.getByRole("link", { name: "Unit costs" }).click();
    await expect(page.getByRole("heading", { name: "Unit costs" })).toBeVisible();
    await page.getByLabel("email unit cost", { exact: true }).fill("5");
    await page.getByRole("button", { name: "Save unit costs" }).click();
    await expect(page.getByText("Unit costs saved.")).toBeVisible();
    await expectAccessible(page, "unit costs");
    await page.getByRole("button", { name: "Sign out" }).click();

    // The launch dialog shows the forecast against the remaining 100.00 and the refusal.
    await signIn(page, "admin@acme.test");
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByRole("button", { name: "Launch…" }).click();
    const check = page.getByTestId("budget-check");
    await expect(check.getByTestId("remaining-budget")).toHaveText(/100\.00 USD/);
    await expect(check.getByRole("alert")).toContainText("unless you override it");
    await expectAccessible(page, "launch dialog over budget");

    // Without a reason the API refuses with the numbers.
    await page.getByRole("button", { name: "Launch now" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /forecast/i }).first()).toBeVisible();

    // With a reason the approver's override goes through; sending stops at the budget.
    await page.getByRole("button", { name: "Launch…" }).click();
    await page.getByLabel("Override reason").fill("Spring push approved by the board");
    await page.getByRole("button", { name: "Launch now" }).click();
    await expect(page.getByText(/Launch (requested|scheduled)/)).toBeVisible();
    await expect(page.getByLabel("Status").getByText("paused")).toBeVisible({ timeout: 60_000 });

    // The alerts tab lists the 80 % and 100 % budget alerts; thresholds can be set there.
    await page.getByRole("tab", { name: "Alerts" }).click();
    const raised = page.getByRole("table", { name: "Raised alerts" });
    await expect(raised.getByRole("row")).toHaveCount(3, { timeout: 30_000 });
    await expect(raised).toContainText("budget_spent");
    await page.getByLabel("Bounce rate", { exact: true }).check();
    await page.getByLabel("Bounce rate threshold").fill("0.05");
    await page.getByLabel("Pause the campaign on").selectOption("critical");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    await expect(page.getByText("Alert thresholds saved.")).toBeVisible();
    await expectAccessible(page, "alerts tab");
  } finally {
    await request.put("/api/channel-costs/", { headers: admin, data: { channels: {} } });
    await request.post(`/api/campaigns/${campaignId}/cancel/`, { headers: admin });
  }
});
