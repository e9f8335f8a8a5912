import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, expectAccessible, screenshots, signIn } from "./helpers";

async function token(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post("/api/auth/token", { form: { username: email, password: PASSWORD } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { access_token: string }).access_token;
}

test("an admin turns on double opt-in; a new contact's email consent stays pending, in its ledger and in the campaign summary", async ({
  page,
  request,
}) => {
  await signIn(page, "admin@acme.test");
  await page.getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { name: "Privacy" })).toBeVisible();

  // Settings: double opt-in for email, residency in the EU.
  await page.getByRole("link", { name: "Settings" }).click();
  const doubleOptIn = page.getByLabel("Double opt-in for email");
  await expect(doubleOptIn).toBeEnabled();
  await doubleOptIn.check();
  await page.getByLabel("Data residency region").selectOption("eu");
  await page.getByLabel("Hosts inside the region").fill("not a host!");
  await page.getByRole("button", { name: "Save privacy settings" }).click();
  await expect(page.getByText(/not a host name/)).toBeVisible();
  await page.getByLabel("Hosts inside the region").fill("");
  await page.getByRole("button", { name: "Save privacy settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expectAccessible(page, "privacy settings");
  await screenshots(page, "privacy-settings");

  try {
    // A contact signs up with email consent (another CRM module writes it through the API).
    const admin = await token(request, "admin@acme.test");
    const externalId = `doi-${Date.now().toString(36)}`;
    const created = await request.post("/api/contacts/", {
      headers: { Authorization: `Bearer ${admin}` },
      data: {
        external_id: externalId,
        email: `${externalId}@example.com`,
        first_name: "Dora",
        country: "US",
        consent: { email: true, sms: true },
        consent_source: "signup_form",
      },
    });
    expect(created.status()).toBe(201);

    // Its consent: email pending, sms granted; the ledger holds the opt-in request.
    await page.getByRole("link", { name: "Contact consent" }).click();
    await page.getByLabel("Contact external id").fill(externalId);
    await page.getByRole("button", { name: "Find" }).click();
    const current = page.getByRole("table", { name: "Current consent" });
    await expect(current.getByRole("row", { name: /email/ })).toContainText("Pending confirmation");
    await expect(current.getByRole("row", { name: /sms/ })).toContainText("Granted");
    const history = page.getByRole("table", { name: "Consent history (newest first)" });
    await expect(history.getByRole("row", { name: /email request/ })).toContainText("signup_form");
    await expectAccessible(page, "contact consent");
    await screenshots(page, "contact-consent", history);

    // A campaign's audience by consent status.
    await page.getByRole("link", { name: "Campaign consent" }).click();
    const campaign = page.getByLabel("Campaign");
    await expect(campaign.locator("option").nth(1)).toBeAttached();
    await campaign.selectOption({ index: 1 });
    await expect(page.getByText(/contacts in the campaign's audience/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Consent by channel" })).toBeVisible();
    await expectAccessible(page, "campaign consent summary");
  } finally {
    // Leave the shared demo tenant as it was.
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Double opt-in for email").uncheck();
    await page.getByLabel("Data residency region").selectOption("");
    await page.getByRole("button", { name: "Save privacy settings" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  }
});
