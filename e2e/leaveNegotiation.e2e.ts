import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  watch(page, errors);
  return page;
}

test("leaving a negotiation asks first; Stay keeps the member in, Leave takes them out", async ({ browser, consoleErrors }) => {
  const owner = await newPage(browser, consoleErrors);
  await logIn(owner, "advisor@demo.test");
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const title = `Leaving ${unique}`;
  const created = await owner.request.post("/api/negotiations", {
    headers: { Origin: new URL(owner.url()).origin },
    data: { title, side: "buyer", ourOrg: "Acme Retail", counterpartyOrg: "HostCo", start: { kind: "empty" } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await owner.goto(`/negotiations/${id}/members`);
  const email = `leaver-${unique}@example.test`;
  await owner.getByLabel("Their email address").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("observer");
  await owner.getByRole("button", { name: "Create invitation" }).click();
  await expect(owner.getByRole("status")).toBeVisible();

  const leaver = await newPage(browser, consoleErrors);
  await leaver.goto("/signup");
  await leaver.getByLabel("Your name").fill("Lee Leaver");
  await leaver.getByLabel("Email address").fill(email);
  await leaver.getByLabel("Password").fill("a-long-enough-password");
  await leaver.getByRole("button", { name: "Create account" }).click();
  await leaver
    .getByRole("region", { name: "Invitations for you" })
    .getByRole("button", { name: `Accept ${title}` })
    .click();
  await expect(leaver.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await leaver.goto(`/negotiations/${id}/members`);
  await leaver.getByRole("button", { name: "Leave this negotiation" }).click();
  const dialog = leaver.getByRole("dialog", { name: "Leave this negotiation?" });
  await expect(dialog).toContainText(`You lose access to “${title}” at once`);
  // The safe choice has the focus, so a reflexive Enter stays.
  await expect(dialog.getByRole("button", { name: "Stay" })).toBeFocused();
  await expectAccessible(leaver);
  await leaver.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(leaver).toHaveURL(new RegExp(`/negotiations/${id}/members$`));
  await expect(leaver.getByRole("row").filter({ hasText: "Lee Leaver" })).toBeVisible();

  await leaver.getByRole("button", { name: "Leave this negotiation" }).click();
  await dialog.getByRole("button", { name: "Leave", exact: true }).click();
  await expect(leaver).toHaveURL(/\/dashboard$/);
  await expect(leaver.getByRole("link", { name: title })).toHaveCount(0);
  await owner.reload();
  await expect(owner.getByRole("row").filter({ hasText: "Lee Leaver" })).toHaveCount(0);
});
