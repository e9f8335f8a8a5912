import { expect, test } from "@playwright/test";
import { PASSWORD, expectAccessible, signIn } from "./helpers";

test("an admin exports a contact, is stopped by a legal hold, erases it, and sets retention", async ({ page }) => {
  const tag = Date.now().toString(36);
  const email = `erin.${tag}@privacy.example`;
  const token = await page.request.post("/api/auth/token", {
    form: { username: "admin@acme.test", password: PASSWORD },
  });
  const { access_token: accessToken } = await token.json();
  const created = await page.request.post("/api/contacts/", {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { external_id: `DSR-${tag}`, email, first_name: "Erin", consent: { email: true } },
  });
  expect(created.status()).toBe(201);

  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "Data requests" }).click();
  await expect(page.getByRole("heading", { name: "Data requests" })).toBeVisible();
  await page.getByLabel("Email or external id").fill(email);
  await page.getByRole("button", { name: "Find" }).click();
  const row = page.locator("tr", { hasText: `DSR-${tag}` });
  await expect(row).toBeVisible();
  await expectAccessible(page, "data requests");

  // Export downloads everything held about the contact.
  const download = page.waitForEvent("download");
  await row.getByRole("button", { name: "Export" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^contact-.*\.json$/);

  // A legal hold refuses erasure.
  page.once("dialog", (dialog) => dialog.accept("Pending litigation"));
  await row.getByRole("button", { name: "Legal hold" }).click();
  const holds = page.getByRole("region", { name: "Active legal holds" });
  await expect(holds.getByText("Pending litigation")).toBeVisible();
  await row.getByRole("button", { name: "Erase…" }).click();
  await page.getByLabel("Type ERASE to confirm").fill("ERASE");
  await page.getByRole("button", { name: "Erase", exact: true }).click();
  await expect(page.getByText(/legal hold/i).last()).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  // Released, the contact is erased.
  page.once("dialog", (dialog) => dialog.accept("Litigation settled"));
  await holds.getByRole("button", { name: "Release" }).click();
  await expect(holds.getByText("No active hold.")).toBeVisible();
  await row.getByRole("button", { name: "Erase…" }).click();
  await page.getByLabel("Type ERASE to confirm").fill("ERASE");
  await page.getByRole("button", { name: "Erase", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const log = page.getByRole("region", { name: "Request log" });
  await expect(log.getByRole("cell", { name: "erase" }).first()).toBeVisible();
  await expect(log.getByRole("cell", { name: "refused" }).first()).toBeVisible();
  const gone = await page.request.get(`/api/contacts/?email=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect((await gone.json()).items).toEqual([]);

  // Retention: save a period and see the dry run.
  await page.getByLabel("Behavioural events (days)").fill("3650");
  await page.getByRole("button", { name: "Save retention" }).click();
  await page.getByRole("button", { name: "Dry run" }).click();
  await expect(page.getByRole("table", { name: "Dry run" })).toBeVisible();
});
