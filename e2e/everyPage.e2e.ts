import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn } from "./fixtures";

// Every page a member can reach, at the three widths people use: a laptop, half a screen (two
// windows side by side), a phone. Each must be axe clean and must not scroll sideways.
const widths = [
  { width: 1366, height: 768 },
  { width: 960, height: 900 },
  { width: 390, height: 844 },
];

async function expectFits(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}

function check(page: Page, name: string, width: number) {
  return test.step(name, async () => {
    await expectAccessible(page);
    await expectFits(page, name);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  });
}

/** A negotiation from the template with one saved version, for the pages that show them. */
async function negotiationWithVersion(page: Page, width: number) {
  const created = await page.request.post("/api/negotiations", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      title: `Every page at ${width}`,
      side: "buyer",
      ourOrg: "Acme Retail",
      counterpartyOrg: "Nimbus Cloud",
      start: { kind: "template", context: { service: "saas", data: ["personal"], criticality: "important", rules: ["nis2"] } },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const saved = await page.request.post(`/api/negotiations/${id}/versions`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { name: "First draft" },
  });
  expect(saved.status()).toBe(201);
  const { id: versionId } = (await saved.json()) as { id: string };
  return { base: `/negotiations/${id}`, versionId };
}

async function checkAll(page: Page, width: number, pages: readonly (readonly [string, string])[]) {
  for (const [name, path] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), name).toBeLessThan(name === "invitation-unknown" || name === "not-found" ? 500 : 400);
    await check(page, name, width);
  }
}

// Three tests per width, so that a slow machine (axe on a long schedule takes seconds) stays in time.
for (const size of widths) {
  test(`every public page and the dashboard are axe clean and fit at ${size.width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await checkAll(page, size.width, [
      ["landing", "/"],
      ["login", "/login"],
      ["signup", "/signup"],
      ["not-found", "/no/such/page"],
    ]);
    await logIn(page, "buyer@demo.test");
    await checkAll(page, size.width, [
      ["dashboard", "/dashboard"],
      ["dashboard-review", "/dashboard?show=review"],
      ["dashboard-archived", "/dashboard?show=archived"],
    ]);
  });

  test(`every account page is axe clean and fits at ${size.width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await logIn(page, "buyer@demo.test");
    await checkAll(page, size.width, [
      ["wizard", "/negotiations/new"],
      ["word-import", "/negotiations/import"],
      ["notifications", "/notifications"],
      ["settings", "/settings"],
      ["knowledge", "/knowledge"],
      ["knowledge-item", "/knowledge/incident-notification"],
      ["outbox", "/outbox"],
      ["invitation-unknown", "/invitations/not-a-real-token"],
    ]);
  });

  test(`every page of a negotiation is axe clean and fits at ${size.width} px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await logIn(page, "buyer@demo.test");
    const { base, versionId } = await negotiationWithVersion(page, size.width);
    await page.goto(base);
    await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
    await check(page, "negotiation", size.width);
    await checkAll(page, size.width, [
      ["agreement", `${base}/agreement`],
      ["version", `${base}/versions/${versionId}`],
      ["changes", `${base}/changes?since=${versionId}`],
      ["compare", `${base}/compare?from=${versionId}&to=current`],
      ["members", `${base}/members`],
      ["audit", `${base}/audit`],
      ["sessions", `${base}/sessions`],
    ]);
  });
}
