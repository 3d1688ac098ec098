import type { Page } from "@playwright/test";
import { test, expect, logIn, watch } from "./fixtures";

// Unbroken words as long as the forms allow: a name and a title must wrap, not widen the page.
const longTitle = `Negotiation${"x".repeat(189)}`;
const longOrg = `Organisation${"y".repeat(188)}`;
const longName = `Member${"z".repeat(94)}`;

async function signUp(page: Page) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(longName);
  await page.getByLabel("Email address").fill(`details-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function api<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** The elements that reach past the viewport's right edge (none, when nothing widens the page). */
const widerThanViewport = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(-5);
  });

test("times show in the viewer's time zone, and long unbroken names wrap instead of widening the page", async ({ browser, consoleErrors }) => {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Amsterdam", viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  watch(page, consoleErrors);
  await signUp(page);
  const { id } = await api<{ id: string }>(page, "/api/negotiations", {
    title: longTitle,
    side: "buyer",
    ourOrg: longOrg,
    counterpartyOrg: `Counterparty${"w".repeat(188)}`,
    start: { kind: "empty" },
  });
  const version = await api<{ createdAt: number }>(page, `/api/negotiations/${id}/versions`, { name: "A known moment" });

  // A moment the server recorded, shown as Amsterdam reads it, with the zone said.
  const amsterdam = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
    timeZoneName: "short",
  }).format(version.createdAt);
  expect(amsterdam).toMatch(/CES?T$/);
  await page.goto(`/negotiations/${id}/agreement`);
  const row = page.getByRole("row").filter({ hasText: "A known moment" });
  await expect(row).toContainText(amsterdam);
  await expect(row).not.toContainText("UTC");

  for (const width of [1366, 960]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: longTitle })).toBeVisible();
    expect(await widerThanViewport(page), `the dashboard at ${width}px`).toEqual([]);
    await page.goto(`/negotiations/${id}/agreement`);
    expect(await widerThanViewport(page), `the agreement page at ${width}px`).toEqual([]);
    await page.goto(`/negotiations/${id}/members`);
    await expect(page.getByText(longName).first()).toBeVisible();
    expect(await widerThanViewport(page), `the members page at ${width}px`).toEqual([]);
  }
  // On a phone the agreement page too (the dashboard's six-column table is wider than 390px anyway).
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/negotiations/${id}/agreement`);
  await expect(page.getByRole("button", { name: /^Sign off for Organisation/ })).toBeVisible();
  expect(await widerThanViewport(page), "the agreement page at 390px").toEqual([]);
  await context.close();
});

test("the Save version form is there for those the policy lets save: not for observers, for advisors", async ({ browser, consoleErrors }) => {
  for (const [email, count] of [
    ["observer@demo.test", 0],
    ["advisor@demo.test", 1],
  ] as const) {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    watch(page, consoleErrors);
    await logIn(page, email);
    await page.getByRole("link", { name: "Backup service pilot — three-clause schedule" }).click();
    await page.getByRole("link", { name: "Agreement, versions and sign-off" }).click();
    await expect(page.getByRole("heading", { name: "Versions", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save version" })).toHaveCount(count);
    await context.close();
  }
});
