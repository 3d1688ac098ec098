import { test, expect, expectAccessible, logIn } from "./fixtures";

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
