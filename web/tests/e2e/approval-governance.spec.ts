import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, tokenOf } from "./helpers";

test("an approval is bound to content: edit the template, see the diff, launch refused, re-approve, launch", async ({
  browser,
  request,
}) => {
  // Four sign-ins, two approvals and a launch: more than the default budget on a shared machine.
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);
  const manager = await tokenOf(request, "manager@acme.test");
  const admin = await tokenOf(request, "admin@acme.test");

  // The company's chain: one sign-off, and a drift limit the campaign page reports against.
  const policy = await request.put("/api/approval-policy/", {
    headers: admin,
    data: { steps: [{ name: "Marketing sign-off" }], drift_threshold_percent: "50" },
  });
  expect(policy.status()).toBe(200);

  // A campaign starting now, sending one template to a segment, submitted for approval.
  const start = new Date(Date.now() - 60_000);
  const end = new Date(Date.now() + 20 * 86_400_000);
  const created = await request.post("/api/campaigns/", {
    headers: manager,
    data: {
      campaign_name: `Governed ${tag}`,
      campaign_type: "promotional",
      primary_channel: "email",
      start_date: start.toISOString(),
      end_date: end.toISOString(),
      total_budget: "100.00",
      currency_code: "USD",
    },
  });
  expect(created.status()).toBe(201);
  const campaign = await created.json();
  // Templates are reference data: the admin keeps them.
  const template = await request.post("/api/campaign-templates/", {
    headers: admin,
    data: {
      template_name: `Governed ${tag}`,
      template_code: `G${tag}`.slice(0, 20).toUpperCase(),
      template_type: "email",
      content_template: "<p>Hello {{ first_name | default('there') }}</p>",
      default_settings: { subject: "Spring is here" },
    },
  });
  expect(template.status()).toBe(201);
  const templateBody = await template.json();
  for (const [path, data] of [
    [`/api/campaigns/${campaign.id}/templates/`, { template_id: templateBody.id, is_primary: true }],
    ["/api/campaign-segments/", { campaign_id: campaign.id, segment_name: "Everyone", segment_type: "demographic", demographic_criteria: {} }],
  ] as const) {
    expect((await request.post(path, { headers: manager, data })).status()).toBe(201);
  }
  expect((await request.post(`/api/campaigns/${campaign.id}/plan/`, { headers: manager })).status()).toBe(200);
  expect((await request.post(`/api/campaigns/${campaign.id}/submit-for-approval/`, { headers: manager })).status()).toBe(200);

  // Finance approves in the browser, seeing the chain.
  const financeContext = await browser.newContext();
  const finance = await financeContext.newPage();
  await signIn(finance, "finance@acme.test");
  await finance.goto(`/campaigns/${campaign.id}/approvals`);
  await expect(finance.getByRole("listitem", { name: "Step 1: Marketing sign-off" })).toContainText("waiting for this step");
  await finance.getByLabel(`Comment for Governed ${tag}`).fill("Copy and budget fine");
  await finance.getByRole("button", { name: `Approve Governed ${tag}` }).click();
  await expect(finance.getByRole("listitem", { name: "Step 1: Marketing sign-off" })).toContainText("Copy and budget fine");
  await expect(finance.getByText(/the content still matches/)).toBeVisible();

  // The shared template's subject changes: the campaign is pending again with the diff.
  const edited = await request.patch(`/api/campaign-templates/${templateBody.id}/`, {
    headers: admin,
    data: { default_settings: { subject: "Spring sale: 20% off" } },
  });
  expect(edited.status()).toBe(200);
  const refused = await request.post(`/api/campaigns/${campaign.id}/launch/`, {
    headers: { ...manager, "Idempotency-Key": `gov-${tag}-1` },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error_code).toBe("approval_required");

  await finance.reload();
  const diff = finance.getByRole("table");
  const row = diff.getByRole("row", { name: new RegExp(`default_settings\\.subject`) });
  await expect(row).toContainText('"Spring is here"');
  await expect(row).toContainText('"Spring sale: 20% off"');
  await expect(finance.getByRole("listitem", { name: "Step 1: Marketing sign-off" })).toContainText("waiting for this step");
  await expectAccessible(finance, "approval diff");

  // Approved again, the launch goes through and the page reports the audience since approval.
  await finance.getByRole("button", { name: `Approve Governed ${tag}` }).click();
  await expect(finance.getByText(/the content still matches/)).toBeVisible();
  const launched = await request.post(`/api/campaigns/${campaign.id}/launch/`, {
    headers: { ...manager, "Idempotency-Key": `gov-${tag}-2` },
  });
  expect(launched.status()).toBe(202);
  await finance.reload();
  await expect(finance.getByRole("status", { name: "Audience since approval" })).toContainText(/\+0 \/ −0/);
  await financeContext.close();

  // The admin reads and edits the policy screen.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, "admin@acme.test");
  await adminPage.getByRole("link", { name: "Approval policy" }).click();
  await expect(adminPage.getByLabel("Step 1 name")).toHaveValue("Marketing sign-off");
  await adminPage.getByRole("button", { name: "Add a step" }).click();
  await adminPage.getByLabel("Step 2 name").fill("Finance");
  await adminPage.getByLabel("Step 2 role").selectOption("finance");
  await adminPage.getByLabel("Step 2 applies above budget").fill("10000");
  await adminPage.getByRole("button", { name: "Save policy" }).click();
  await expect(adminPage.getByText("Approval policy saved.")).toBeVisible();
  await expectAccessible(adminPage, "approval policy");
  const saved = await (await request.get("/api/approval-policy/", { headers: admin })).json();
  expect(saved.steps.map((s: { name: string }) => s.name)).toEqual(["Marketing sign-off", "Finance"]);
  await adminContext.close();
});
