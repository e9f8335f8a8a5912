import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

test("an admin verifies the audit chain and exports a period that verifies on its own", async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const admin = await context.newPage();
  await signIn(admin, "admin@acme.test");

  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(admin.getByRole("table")).toBeVisible();
  await expectAccessible(admin, "audit log");

  await admin.getByRole("button", { name: "Verify chain" }).click();
  await expect(admin.getByTestId("audit-verification")).toContainText("The audit chain holds.");

  // A period from a day ago to an hour ahead: the export carries its anchor and end line.
  const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await admin.getByLabel("From", { exact: true }).fill(local(new Date(Date.now() - 24 * 3600_000)));
  await admin.getByLabel("To", { exact: true }).fill(local(new Date(Date.now() + 3600_000)));
  await admin.getByRole("button", { name: "Apply period" }).click();
  await admin.getByRole("button", { name: "Verify chain" }).click();
  await expect(admin.getByTestId("audit-verification")).toContainText("The audit chain holds.");

  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.jsonl$/);
  const lines = readFileSync(await download.path(), "utf-8").trim().split("\n").map((line) => JSON.parse(line));
  expect(lines[0]).toMatchObject({ type: "header", format: "crm-audit-export-v1" });
  expect(lines[0].anchor.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(lines[lines.length - 1].type).toBe("end");
  await context.close();

  // Someone without the audit permission has no way in.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, "analyst@acme.test");
  await expect(analyst.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await analyst.goto("/audit");
  await expect(analyst.getByRole("alert")).toContainText("Only administrators and auditors");
  await analystContext.close();
});
