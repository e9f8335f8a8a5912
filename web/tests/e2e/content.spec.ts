import { expect, test, type Page } from "@playwright/test";
import { createEmailCampaign, expectAccessible, signIn, tokenOf } from "./helpers";

/** Like `expectAccessible`, with the message previews left out: their HTML is the template author's,
 * and axe cannot enter a frame sandboxed without scripts. */
async function expectAccessibleBesidePreview(page: Page, name: string) {
  await expectAccessible(page, name, { exclude: ['iframe[sandbox=""]'] });
}

test("a marketer links a template in the Content tab, previews it rendered and sends a test that arrives", async ({ page, request }) => {
  const tag = Date.now().toString(36);
  const manager = await tokenOf(request, "manager@acme.test");
  const admin = await tokenOf(request, "admin@acme.test");

  // Templates are reference data: the admin keeps them.
  const templateName = `Content check ${tag}`;
  const template = await request.post("/api/campaign-templates/", {
    headers: admin,
    data: {
      template_name: templateName,
      template_code: `CT${tag}`.slice(0, 20).toUpperCase(),
      template_type: "email",
      content_template: "<h1>Hello {{ first_name | default('there') }}</h1><p>News from {{ campaign_name }}.</p>",
      default_settings: { subject: `Content check ${tag} for {{ campaign_name }}` },
    },
  });
  expect(template.status()).toBe(201);
  const campaign = await createEmailCampaign(request, manager, `Content ${tag}`);
  const subject = `Content check ${tag} for Content ${tag}`;

  await signIn(page, "manager@acme.test");
  await page.goto(`/campaigns/${campaign.id}/details`);
  await page.getByRole("tab", { name: "Content" }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}/content$`));
  await expect(page.getByText("No Email template linked.")).toBeVisible();
  await expect(page.getByTestId("no-content")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expectAccessibleBesidePreview(page, "content tab, no template");

  // Link the template, as the campaign's primary one.
  const version = Number((await page.locator(".page-head .muted").textContent())?.match(/version (\d+)/)?.[1]);
  await page.getByLabel("Template for Email").selectOption({ label: `${templateName} (email)` });
  await page.getByLabel("Primary template of the campaign").check();
  await page.getByRole("button", { name: "Link template for Email" }).click();
  await expect(page.getByTestId("content-outcome")).toContainText(`Template “${templateName}” linked for Email.`);
  await expect(page.getByTestId("content-outcome")).toContainText(`The campaign is now at version ${version + 1}.`);
  const row = page.getByRole("table", { name: "Email templates of this campaign" }).getByRole("row", { name: new RegExp(templateName) });
  await expect(row).toContainText(`Content check ${tag}`);
  await expect(row).toContainText("primary");
  await expect(page.getByTestId("sending-email")).toHaveText(`Sends ${templateName}.`);

  // Preview: the message rendered by the API for the campaign's new version, its fields filled in,
  // in a frame that runs no script.
  const frame = page.getByTitle("Email message as rendered");
  await expect(frame).toHaveAttribute("sandbox", "");
  const inFrame = page.frameLocator('iframe[title="Email message as rendered"]');
  await expect(inFrame.getByRole("heading", { name: /^Hello \S/ })).toBeVisible();
  await expect(inFrame.getByText(`News from Content ${tag}.`)).toBeVisible();
  expect(await frame.getAttribute("srcdoc")).not.toContain("{{");
  const figure = page.getByRole("figure", { name: "Email message as rendered" });
  await expect(figure).toContainText(`Subject: ${subject}`);
  await expect(figure).not.toContainText("{{");
  await expect(page.getByTestId("preview-source")).toHaveText(/^Filled in with (the data of a sample contact|placeholder data)/);
  await expectAccessibleBesidePreview(page, "content tab");

  // As written: the template's own placeholders.
  await page.getByRole("radio", { name: "As written" }).check();
  await expect(page.getByTitle("Email message as written")).toHaveAttribute("srcdoc", /\{\{ first_name \| default\('there'\) \}\}/);
  await expect(page.getByRole("figure", { name: "Email message as written" })).toContainText("{{ campaign_name }}");
  await page.getByRole("radio", { name: "Rendered" }).check();

  // As one contact, named by its external id.
  const contacts = await request.get("/api/contacts/?page_size=1", { headers: manager });
  expect(contacts.status()).toBe(200);
  const [contact] = (await contacts.json()).items as { id: string; external_id: string }[];
  await page.getByLabel("Preview as contact (optional)").fill(contact.external_id);
  const [previewed] = await Promise.all([
    page.waitForResponse((response) => response.url().includes(`/api/campaigns/${campaign.id}/preview/`) && response.url().includes(contact.id)),
    page.getByRole("button", { name: "Use contact" }).click(),
  ]);
  expect(previewed.status()).toBe(200);
  expect((await previewed.json()).contact_id).toBe(contact.id);
  await expect(page.getByTestId("preview-source")).toContainText(`Filled in with the data of contact ${contact.external_id}`);
  await expect(inFrame.getByText(`News from Content ${tag}.`)).toBeVisible();
  await page.getByRole("button", { name: "Use a sample contact" }).click();
  await expect(page.getByTestId("preview-source")).not.toContainText(contact.external_id);

  // A test send: the rendered message comes back at once, and the mail sink receives it.
  const to = `content-${tag}@example.com`;
  await page.getByLabel("Send a test to").fill(to);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith(`/api/campaigns/${campaign.id}/test-send/`)),
    page.getByRole("button", { name: "Send test" }).click(),
  ]);
  expect(answer.status()).toBe(202);
  const sent = await answer.json();
  expect(sent.message.subject).toBe(subject);
  expect(sent.message.html).toContain("Hello");
  const result = page.getByTestId("test-send-result");
  await expect(result).toContainText("Email test to");
  await expect(page.frameLocator(`iframe[title^="Test message to"]`).getByRole("heading", { name: /Hello/ })).toBeVisible();
  await expect(result.locator(".chip")).toHaveText("sent", { timeout: 60_000 });
  await expect
    .poll(
      async () => {
        const mail = await request.get("/dev/mail/messages/?limit=200");
        if (!mail.ok()) return `dev mail sink answered ${mail.status()}`;
        const { items } = (await mail.json()) as { items: { recipient: string; subject: string }[] };
        return items.find((item) => item.recipient.includes(to))?.subject ?? "not arrived";
      },
      { timeout: 60_000 },
    )
    .toBe(subject);

  // A phone number on an email-only campaign: the API's refusal next to the address.
  await page.getByLabel("Send a test to").fill("+15551234567");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByLabel("Send a test to")).toHaveAttribute("aria-invalid", "true");

  // At phone width nothing runs off the side: the tables scroll inside their wrapper.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessibleBesidePreview(page, "content tab at 390 px");
  await page.screenshot({ path: test.info().outputPath("content-tab-mobile.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Unlinking empties the channel again.
  await page.getByRole("button", { name: `Unlink ${templateName} from Email` }).click();
  await expect(page.getByTestId("content-outcome")).toContainText(`Template “${templateName}” unlinked.`);
  await expect(page.getByText("No Email template linked.")).toBeVisible();
  await expect(page.getByTestId("content-outcome")).toBeFocused();
  await expect(page.getByTestId("no-content")).toBeVisible();
  await expect(page.getByTitle("Email message as rendered")).toHaveCount(0);
});

test("an analyst reads a campaign's content but is offered no link or test send", async ({ page, request }) => {
  const manager = await tokenOf(request, "manager@acme.test");
  const listed = await request.get("/api/campaigns/?page_size=1", { headers: manager });
  const [campaign] = (await listed.json()).items as { id: string }[];
  await signIn(page, "analyst@acme.test");
  await page.goto(`/campaigns/${campaign.id}/content`);
  await expect(page.getByRole("heading", { name: "Templates" })).toBeVisible();
  await expect(page.getByText("Sending a test needs the permission to edit campaigns.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Link template|Unlink|Send test/ })).toHaveCount(0);
  await expect(page.getByTestId("preview-source").or(page.getByTestId("no-content"))).toBeVisible();
  await expectAccessibleBesidePreview(page, "content tab, read only");
});
