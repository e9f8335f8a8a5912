import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, expectAccessible, screenshots, signIn } from "./helpers";

async function token(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/auth/token", { form: { username: email, password: PASSWORD } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { access_token: string }).access_token;
}

async function createCampaign(request: APIRequestContext, auth: Record<string, string>, name: string): Promise<string> {
  const start = new Date(Date.now() + 24 * 3600_000);
  const end = new Date(start.getTime() + 14 * 24 * 3600_000);
  const response = await request.post("/api/campaigns/", {
    headers: auth,
    data: {
      campaign_name: name,
      campaign_type: "promotional",
      campaign_category: "sales",
      primary_channel: "email",
      start_date: start.toISOString(),
      end_date: end.toISOString(),
      total_budget: "100.00",
      currency_code: "USD",
      target_roi: "50.00",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a marketer places a campaign under a programme and reads its roll-up and ROI per model", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const auth = { Authorization: `Bearer ${await token(request, "manager@acme.test")}` };
  const programme = `Programme ${tag}`;
  const child = `Child ${tag}`;
  const programmeId = await createCampaign(request, auth, programme);
  const childId = await createCampaign(request, auth, child);

  // A won opportunity reported by the sales module, credited to the child campaign.
  const contacts = await request.get("/api/contacts/?page_size=1", { headers: auth });
  const contactId = ((await contacts.json()) as { items: { id: string }[] }).items[0].id;
  const conversion = await request.post("/api/conversions/", {
    headers: auth,
    data: {
      source: "sales",
      external_id: `OPP-${tag}`,
      contact_id: contactId,
      conversion_type: "opportunity_won",
      amount: "125.00",
      currency_code: "USD",
      occurred_at: new Date().toISOString(),
      campaign_id: childId,
    },
  });
  expect(conversion.status(), await conversion.text()).toBe(201);

  await signIn(page, "manager@acme.test");
  await page.goto(`/campaigns/${childId}/hierarchy`);
  await expect(page.getByRole("heading", { name: child })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Hierarchy" })).toBeVisible();

  // Parent picker: the programme becomes the parent, and the tree shows both.
  await page.getByLabel("Parent campaign").selectOption(programmeId);
  await page.getByRole("button", { name: "Save parent" }).click();
  await expect(page.getByText("Parent saved.")).toBeVisible();
  const tree = page.getByRole("list", { name: "Campaign hierarchy" });
  await expect(tree.getByRole("link", { name: programme })).toBeVisible();
  await expect(tree.getByText(child)).toHaveAttribute("aria-current", "page");

  // ROI panel: the same conversion under every model; no spend yet, so no ROI.
  await expect(page.getByTestId("roi-revenue")).toHaveText("$125.00");
  await expect(page.getByTestId("roi-conversions")).toHaveText("1");
  await page.getByLabel("Attribution model").selectOption("linear");
  await expect(page.getByTestId("roi-revenue")).toHaveText("$125.00");
  await expect(page.getByTestId("roi-percent")).toContainText("— against a target of 50.00 %");
  await expectAccessible(page, "hierarchy and ROI");
  await screenshots(page, "hierarchy-roi", page.getByRole("heading", { name: "Return on investment" }));

  // The programme's roll-up counts the child and its revenue.
  await tree.getByRole("link", { name: programme }).click();
  await expect(page.getByRole("heading", { name: programme })).toBeVisible();
  const programmeNode = page.getByRole("list", { name: "Campaign hierarchy" }).locator(".hierarchy-node").first();
  await expect(programmeNode).toContainText("2 campaigns");
  await expect(programmeNode).toContainText("revenue $125.00");
  await expect(programmeNode).toContainText("budget $200.00");
});
