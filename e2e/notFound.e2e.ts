import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

test("an unknown address is a translated 404 inside the normal header, signed in or not", async ({ browser, consoleErrors }) => {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  watch(page, consoleErrors);
  const anonymous = await page.goto("/no/such/page");
  expect(anonymous?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Terug naar de startpagina" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("buyer@demo.test");
  await page.getByLabel("Wachtwoord").fill("demo-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await page.getByRole("link", { name: "Terug naar je overzicht" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.close();
});

test("an unknown negotiation id is a 404 with the signed-in header and a way back to the dashboard", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  const response = await page.goto("/negotiations/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText("No such negotiation");
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await page.getByRole("link", { name: "Back to your dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectAccessible(page);
});
