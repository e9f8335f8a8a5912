import { expect, test } from "@playwright/test";
import { createEmailCampaign, expectAccessible, signIn, tokenOf } from "./helpers";

test("at phone width the Segments tab does not run off the side: its table scrolls in its own box", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const manager = await tokenOf(request, "manager@acme.test");
  const campaign = await createEmailCampaign(request, manager, `Segments on a phone ${tag}`);
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
