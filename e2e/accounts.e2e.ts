import { test, expect, expectAccessible, logIn } from "./fixtures";

test("a visitor signs up and lands on an empty dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Negotiate the security schedule together");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expectAccessible(page);

  // A too-short password is explained next to the field and nothing is lost.
  const email = `e2e-${Date.now()}@example.test`;
  await page.getByLabel("Your name").fill("Erik Example");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Choose a password of at least 10")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(email);

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your negotiations" })).toBeVisible();
  await expect(page.getByText("You are not part of any negotiation yet")).toBeVisible();
  await expectAccessible(page);
});

test("the demo buyer logs in and opens the demo negotiation", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  const row = page.getByRole("row", { name: /Acme Retail ⇄ Nimbus Cloud/ });
  await expect(row.getByRole("cell", { name: "Buyer", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Nimbus Cloud", exact: true })).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme Retail ⇄ Nimbus Cloud — SaaS security schedule");
  await expect(page.getByRole("navigation", { name: "Negotiation actions" }).getByRole("link", { name: /Members and invitations \(4 members/ })).toBeVisible();
  await expectAccessible(page);
});

test("a wrong password gets one generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("buyer@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("The email address or password is incorrect. Check both and try again.");
});

test("switching to Dutch translates the interface and is remembered after logging in again", async ({ page }) => {
  // A fresh account: other tests run in parallel with the demo users and expect English.
  const email = `dutch-${Date.now()}@example.test`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Dirk Dutch");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByLabel("Language").selectOption("nl");
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByRole("heading", { name: "Je onderhandelingen" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.context().clearCookies();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Je onderhandelingen" })).toBeVisible();
});
