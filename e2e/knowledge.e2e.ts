import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

test("the public knowledge base: search in either language, open an entry, switch views", async ({ page }) => {
  await page.goto("/knowledge");
  await expect(page.getByRole("heading", { level: 1, name: "Knowledge base" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Search the knowledge base (English or Dutch)").fill("datalekken");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toContainText("match “datalekken”");
  await page.getByRole("link", { name: "Incident and data breach notification" }).click();
  await expect(page.getByRole("tab", { name: "For the buyer" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "Law and standards" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("NIS2");
  await expectAccessible(page);
});

test("the sidebar explains the clause under the cursor, from the reader's side first", async ({ page }) => {
  await logIn(page, "supplier@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const sidebar = page.getByRole("region", { name: "What this clause is about" });
  await expect(sidebar).toContainText("Put the cursor in a clause");
  await page.locator(".clause", { has: page.locator(".clause-heading", { hasText: "Incident notification" }) }).locator("p").first().click();
  await expect(sidebar.getByRole("heading", { name: "Incident and data breach notification" })).toBeVisible();
  await expect(sidebar.getByRole("tab", { name: "For the supplier" })).toHaveAttribute("aria-selected", "true");
  await page.locator(".clause", { has: page.locator(".clause-heading", { hasText: "Encryption" }) }).locator("p").first().click();
  await expect(sidebar.getByRole("heading", { level: 3 })).not.toHaveText("Incident and data breach notification");
  await expectAccessible(page);
});

test("a clause from the catalogue is inserted at the chosen level and reaches the other party live", async ({ page, browser, consoleErrors }) => {
  const other = await (await browser.newContext({ locale: "en-GB" })).newPage();
  watch(other, consoleErrors);
  await logIn(other, "supplier@demo.test");
  await other.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await logIn(page, "advisor@demo.test");
  await page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await page.locator(".clause", { has: page.locator(".clause-heading", { hasText: "Personnel screening" }) }).locator("p").first().click();
  const sidebar = page.getByRole("region", { name: "What this clause is about" });
  await sidebar.getByText("Add or link a requirement from the knowledge base").click();
  await sidebar.getByLabel("Search the knowledge base (English or Dutch)").fill("back-ups");
  await sidebar.getByLabel("Level").selectOption("strict");
  await sidebar.getByRole("button", { name: "Insert after this clause Backups", exact: true }).click();
  // The strict sample text, under the requirement's title, right after the clause holding the cursor.
  const inserted = (p: typeof page) => p.locator(".clause").filter({ hasText: "offline or immutable" });
  await expect(inserted(page)).toHaveCount(1);
  await expect(inserted(page).locator(".clause-heading")).toHaveText("Backups");
  await expect(page.locator(".clause").filter({ hasText: "Personnel screening" }).locator("xpath=following-sibling::*[1]")).toContainText("offline or immutable");
  await expect(sidebar.getByRole("heading", { level: 3, name: "Backups" })).toBeVisible();
  await expect(inserted(other)).toHaveCount(1);
  await expectAccessible(page);
});
