import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, expectAccessible, signIn } from "./helpers";

async function tokenOf(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post("/api/auth/token", { form: { username: email, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return { Authorization: `Bearer ${(await response.json()).access_token}` };
}

test("at phone width the Segments tab does not run off the side: its table scrolls in its own box", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const manager = await tokenOf(request, "manager@acme.test");
  const created = await request.post("/api/campaigns/", {
    headers: manager,
    data: {
      campaign_name: `Segments on a phone ${tag}`,
      campaign_type: "newsletter",
      primary_channel: "email",
      start_date: new Date(Date.now() + 86_400_000).toISOString(),
      end_date: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      total_budget: "100.00",
      currency_code: "USD",
    },
  });
  expect(created.status()).toBe(201);
  const campaign = await created.json();
  const segment = await request.post("/api/campaign-segments/", {
    headers: manager,
    data: {
      campaign_id: campaign.id,
      segment_name: `Returning customers who opened the spring newsletter ${tag}`,
      segment_type: "demographic",
      demographic_criteria: { field: "country", op: "eq", value: "US" },
    },
  });
  expect(segment.status()).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "manager@acme.test");
  await page.goto(`/campaigns/${campaign.id}/segments`);
  await expect(page.getByRole("table", { name: "Segments of this campaign" })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`Edit Returning customers .* ${tag}`) })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "segments tab at 390 px");
});
