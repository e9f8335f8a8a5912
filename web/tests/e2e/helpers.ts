import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";

export const PASSWORD = "demo-pass-123";
// The README's screenshots are refreshed only on request (UPDATE_SCREENSHOTS=1); an ordinary
// run keeps its pictures with the other test results instead of rewriting tracked files.
const SCREENSHOTS = new URL(
  process.env.UPDATE_SCREENSHOTS === "1" ? "../../../docs/screenshots/" : "../../test-results/screenshots/",
  import.meta.url,
).pathname;

/** The `Authorization` header of a demo user, signed in through the API. */
export async function tokenOf(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const response = await request.post("/api/auth/token", { form: { username: email, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return { Authorization: `Bearer ${(await response.json()).access_token}` };
}

/** A draft email newsletter starting tomorrow, with a 100 USD budget, created through the API. */
export async function createEmailCampaign(
  request: APIRequestContext,
  headers: Record<string, string>,
  name: string,
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const created = await request.post("/api/campaigns/", {
    headers,
    data: {
      campaign_name: name,
      campaign_type: "newsletter",
      primary_channel: "email",
      start_date: new Date(Date.now() + 86_400_000).toISOString(),
      end_date: new Date(Date.now() + 20 * 86_400_000).toISOString(),
      total_budget: "100.00",
      currency_code: "USD",
    },
  });
  expect(created.status()).toBe(201);
  return created.json();
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** `exclude`: selectors of parts left unchecked — a frame sandboxed without scripts must be,
 * as axe waits for it to answer until the test times out. */
export type AccessibilityOptions = { exclude?: readonly string[] };

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now, once its transitions
 * have ended (a toast fading behind a newer one has its text half transparent for 400 ms, which
 * axe would measure as low contrast); endless animations such as spinners are not waited for. */
export async function expectAccessible(page: Page, name: string, { exclude = [] }: AccessibilityOptions = {}) {
  let blocking = await blockingViolations(page, exclude);
  if (blocking.length) {
    // A toast that arrived while the page was measured (a live event of another user) is
    // measured mid-fade; once everything has settled, the page is measured again.
    await page.waitForTimeout(500);
    blocking = await blockingViolations(page, exclude);
  }
  expect(
    blocking.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
  ).toEqual([]);
}

async function blockingViolations(page: Page, exclude: readonly string[]) {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The page at desktop width and at 375 px (checked for accessibility at both), saved as pictures;
 * `subject`, when given, is scrolled into view at each width. */
export async function screenshots(page: Page, name: string, subject?: Locator) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await subject?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}${name}-desktop.png` });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(200);
  await subject?.scrollIntoViewIfNeeded();
  await expectAccessible(page, `${name} at 375 px`);
  await page.screenshot({ path: `${SCREENSHOTS}${name}-mobile.png` });
  if (size) await page.setViewportSize(size);
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s steps) of a base32 secret, `steps` from now. */
export function totp(secret: string, steps = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + steps));
  const digest = createHmac("sha1", key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0xf;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}
