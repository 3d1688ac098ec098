import { test, expect, expectAccessible, logIn } from "./fixtures";

test("a blank in a generated clause is highlighted, blocks agreement until it is filled in, inline or from the clause's list", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  const created = await page.request.post("/api/negotiations", {
    headers: { Origin: new URL(page.url()).origin },
    data: {
      title: "Blanks to fill in",
      side: "buyer",
      ourOrg: "Acme Retail",
      counterpartyOrg: "Nimbus Cloud",
      start: { kind: "template", context: { service: "saas", data: "personal", criticality: "critical", rules: ["nis2"] }, level: "standard" },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/negotiations/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();

  const editor = page.locator(".schedule-editor");
  await expect(editor.locator(".clause").first().locator(".clause-heading")).toHaveText("Definitions");
  const blankClause = editor
    .locator(".clause")
    .filter({ has: page.locator(".schedule-placeholder") })
    .first();
  const blank = blankClause.locator(".schedule-placeholder").first();
  await expect(blank).toContainText("to fill in: annex number"); // what a screen reader hears
  await expect(blank).toHaveCSS("background-color", "rgb(255, 241, 184)");

  // Clicking the blank puts the clause in the panel: Agree is disabled, with the reason.
  const heading = (await blankClause.locator(".clause-heading").textContent())!;
  const withHeading = () => editor.locator(".clause", { has: page.locator(".clause-heading", { hasText: heading }) });
  await blank.click();
  const agreement = page.getByRole("region", { name: "Agreement on this clause" });
  const agree = agreement.getByRole("button", { name: "Agree to this clause" });
  await expect(agree).toBeDisabled();
  await expect(agree).toHaveAccessibleDescription(/Fill in “annex number” before agreeing/);
  const toFill = page.getByRole("region", { name: "To fill in" });
  await expect(toFill.getByRole("listitem").first()).toContainText("annex number");
  await expectAccessible(page);
  for (const width of [1366, 960, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await blank.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`placeholders-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // The keyboard reaches a blank too: the arrow keys select it whole, and typing replaces it.
  const paragraph = blankClause.locator("p", { has: page.locator(".schedule-placeholder") }).first();
  await paragraph.click({ position: { x: 2, y: 5 } });
  await page.keyboard.press("Home");
  const selected = () => blank.evaluate((el) => el.classList.contains("ProseMirror-selectednode"));
  for (let i = 0; i < 400 && !(await selected()); i++) await page.keyboard.press("ArrowRight");
  await expect(blank).toHaveClass(/ProseMirror-selectednode/);
  await page.keyboard.type("4");
  await expect(withHeading()).toContainText("Annex 4");
  // Any further blanks in the same clause are filled from the list.
  while ((await withHeading().locator(".schedule-placeholder").count()) > 0) {
    const item = toFill.getByRole("listitem").first();
    const label = (await item.locator("strong").textContent())!;
    await item.getByLabel(`Value for ${label}`).fill("12");
    await item.getByRole("button", { name: "Fill in" }).click();
  }
  await expect(toFill).toHaveCount(0); // the list goes once nothing is left to fill in
  await withHeading().locator("p").first().click();
  await expect(agree).toBeEnabled();
  await agree.click();
  await expect(agreement.getByText("Your party agrees to this text.")).toBeVisible();
});
