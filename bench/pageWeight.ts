import fs from "node:fs";
import { chromium } from "@playwright/test";
import { startTestServer } from "../server/test/testServer";

export const pageBudgetBytes = 250 * 1024;

export interface PageWeight {
  scriptBytes: number;
  scripts: number;
}

/**
 * What a browser downloads to open the demo negotiation and start editing: the JavaScript as sent
 * over the wire (gzip), measured in Chromium, including the editor chunk loaded after hydration.
 */
export async function measureNegotiationPage(): Promise<PageWeight | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) return null;
  // The harness finds the port in the "listening" log line, so the log level stays at info.
  const server = await startTestServer();
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email address").fill("buyer@demo.test");
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/dashboard$/);
    const negotiationUrl = await page.getByRole("link", { name: /Acme Retail/ }).getAttribute("href");
    // A fresh page, so the count starts from a cold cache, as for a first visit.
    const fresh = await browser.newContext();
    await fresh.addCookies(await page.context().cookies());
    const visit = await fresh.newPage();
    const scripts: Promise<number>[] = [];
    visit.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    await visit.goto(server.url + negotiationUrl!);
    await visit.getByRole("status").filter({ hasText: "Connected" }).waitFor();
    const sizes = await Promise.all(scripts);
    return { scriptBytes: sizes.reduce((a, b) => a + b, 0), scripts: sizes.length };
  } finally {
    await browser.close();
    await server.stop();
  }
}
