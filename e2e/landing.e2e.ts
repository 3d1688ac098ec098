import { test, expect, expectAccessible } from "./fixtures";

test("the landing page shows what the product does and opens the demo as either side in one click", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Negotiate the security schedule together, from the same knowledge.");
  const shot = page.getByRole("img", { name: /The negotiation workspace/ });
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0); // the picture is there, not a broken link
  await expect(page.getByRole("heading", { name: "The same knowledge on both sides" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Try it as the supplier" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ })).toBeVisible();
  // Signed in, the landing page offers the way back to work instead.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Go to your negotiations" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try it as the supplier" })).toHaveCount(0);
});
