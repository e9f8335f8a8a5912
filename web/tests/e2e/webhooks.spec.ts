import { expect, test, type APIRequestContext } from "@playwright/test";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PASSWORD, expectAccessible, signIn } from "./helpers";

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 recording every request it gets. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/crm-events`, received };
}

/** docs/webhooks.md, "Verifying a delivery": HMAC-SHA256 of `{t}.{raw body}` with the secret,
 * compared in constant time with every v1, and `t` within five minutes. */
function verify(secret: string, received: Received): boolean {
  const header = String(received.headers["x-crm-signature"] ?? "");
  const parts = header.split(",").map((item) => item.split("=", 2) as [string, string]);
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${received.body}`).digest("hex"));
  return parts.some(([key, value]) => key === "v1" && value.length === expected.length && timingSafeEqual(Buffer.from(value), expected));
}

async function bearer(request: APIRequestContext, username: string) {
  const response = await request.post("/api/auth/token", { form: { username, password: PASSWORD } });
  const { access_token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${access_token}` };
}

test("an admin subscribes a local receiver once it is allowed, pings it, and gets signed events", async ({ page, request }) => {
  const receiver = await startReceiver();
  const admin = await bearer(request, "admin@acme.test");
  const name = `Receiver ${Date.now().toString(36)}`;
  try {
    await signIn(page, "admin@acme.test");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

    // Without the allow-list, 127.0.0.1 is refused next to the URL.
    await page.getByRole("button", { name: "Add webhook" }).click();
    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByLabel("campaign.created").check();
    await form.getByRole("button", { name: "Save webhook" }).click();
    await expect(form.getByText("127.0.0.1 is not a public address")).toBeVisible();

    // The admin allows the local network, then the subscription is accepted and its secret shown once.
    await page.getByLabel("Allowed hosts and networks").fill("127.0.0.1");
    await page.getByRole("button", { name: "Save allow-list" }).click();
    await expect(page.getByText("Allow-list saved.")).toBeVisible();
    await form.getByRole("button", { name: "Save webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole("cell", { name: receiver.url })).toBeVisible();
    await expectAccessible(page, "webhooks");

    // A test ping reaches the receiver signed, and the delivery log shows it delivered.
    await page.getByRole("button", { name: `Send test to ${name}` }).click();
    const log = page.getByRole("region", { name: `Deliveries of ${name}` });
    await expect(log.getByTestId("delivery").first()).toContainText("succeeded", { timeout: 30_000 });
    await expect(log.getByTestId("delivery").first()).toContainText("webhook.ping (test)");
    const ping = receiver.received.find((r) => r.headers["x-crm-event-type"] === "webhook.ping");
    expect(ping && verify(secret, ping)).toBe(true);

    // A subscribed event (a new campaign) arrives signed with the same secret.
    const start = new Date(Date.now() + 10 * 86_400_000);
    const created = await request.post("/api/campaigns/", {
      headers: admin,
      data: {
        campaign_name: `Webhook check ${Date.now().toString(36)}`,
        campaign_type: "promotional",
        campaign_category: "sales",
        primary_channel: "email",
        start_date: start.toISOString(),
        end_date: new Date(start.getTime() + 20 * 86_400_000).toISOString(),
        total_budget: "10.00",
        currency_code: "USD",
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const campaignId = ((await created.json()) as { id: string }).id;
    await expect
      .poll(() => receiver.received.some((r) => r.headers["x-crm-event-type"] === "campaign.created" && r.body.includes(campaignId)), { timeout: 30_000 })
      .toBe(true);
    const event = receiver.received.find((r) => r.body.includes(campaignId));
    expect(event && verify(secret, event)).toBe(true);
    expect(event && verify("whsec_not-the-secret", event)).toBe(false);
    await expect(log.getByTestId("delivery").first()).toContainText("campaign.created", { timeout: 15_000 });

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    await expect(page.getByRole("cell", { name: receiver.url })).toHaveCount(0);
  } finally {
    await request.put("/api/webhooks/allow-list/", { headers: admin, data: { entries: [] } });
    receiver.server.close();
  }
});
