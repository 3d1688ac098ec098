import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn } from "./fixtures";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

const currentStep = (page: Page) => page.getByRole("navigation", { name: "Steps of the wizard" }).locator('[aria-current="step"]');

async function expectStep(page: Page, number: number, total: number, name: string) {
  await expect(page.getByRole("heading", { level: 2, name: `Step ${number} of ${total}: ${name}` })).toBeVisible();
  await expect(currentStep(page)).toHaveText(`${number}. ${name}`);
}

async function fillBasics(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("We buy the service (buyer)").check();
  await page.getByLabel("Our organisation").fill("Acme Retail");
  await page.getByLabel("The other party's organisation").fill("PayFast");
}

test("the wizard walks six steps, keeps answers going back, ticks GDPR for personal data and says why each clause is proposed", async ({ page }) => {
  await logIn(page, "advisor@demo.test");
  await page.goto("/negotiations/new");
  await expectStep(page, 1, 6, "Service");
  await expectAccessible(page);
  const title = `Wizard ${unique()}`;
  // Spaces pass the browser's length check but not the server's: the error is at the field, the other answers stay.
  await fillBasics(page, "    ");
  await page.getByLabel("Managed IT services").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Give the negotiation a title of 3 to 200 characters.");
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Our organisation")).toHaveValue("Acme Retail");
  await expect(page.getByLabel("Managed IT services")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  // Enter in a text field goes on, as the primary button would.
  await page.getByLabel("The other party's organisation").press("Enter");

  await expectStep(page, 2, 6, "Data");
  await expect(page.getByRole("heading", { level: 2 })).toBeFocused();
  await expectAccessible(page);
  // Every kind that applies: confidential business data and personal data together.
  await page.getByLabel("Internal", { exact: true }).uncheck();
  await page.getByLabel("Confidential", { exact: true }).check();
  await page.getByLabel("Personal data", { exact: true }).check();
  await page.getByRole("button", { name: "Next: Criticality" }).click();

  await expectStep(page, 3, 6, "Criticality");
  await expectAccessible(page);
  await page.getByLabel("Critical", { exact: true }).check();
  await page.getByRole("button", { name: "Next: Rules" }).click();

  await expectStep(page, 4, 6, "Rules");
  const gdpr = page.getByLabel("GDPR: the supplier processes personal data for us");
  await expect(gdpr).toBeChecked();
  await expect(gdpr).toBeDisabled();
  await page.getByText("Does NIS2 apply to us?").click();
  await expect(page.getByText(/Essential entities are the large ones in an Annex I sector/)).toBeVisible();
  await page.getByText("Does DORA apply to us?").press("Enter");
  await expect(page.getByText(/DORA applies from 17 January 2025 to financial entities/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("NIS2: we are an essential or important entity").check();

  // Back through the indicator and the Back button: every answer is still there, also the unsaved tick of this step.
  await page.getByRole("button", { name: "Back" }).click();
  await expectStep(page, 3, 6, "Criticality");
  await expect(page.getByLabel("Critical", { exact: true })).toBeChecked();
  await page
    .getByRole("navigation", { name: "Steps of the wizard" })
    .getByRole("button", { name: /1\. Service/ })
    .click();
  await expectStep(page, 1, 6, "Service");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Managed IT services")).toBeChecked();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByLabel("Personal data", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Confidential", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Internal", { exact: true })).not.toBeChecked();
  await page.getByRole("button", { name: "Next: Criticality" }).click();
  await page.getByRole("button", { name: "Next: Rules" }).click();
  await expect(page.getByLabel("NIS2: we are an essential or important entity")).toBeChecked();
  await page.getByRole("button", { name: "Next: Level" }).click();

  await expectStep(page, 5, 6, "Level");
  await expect(page.getByLabel("Strict", { exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Standard", { exact: true }).check();
  await page.getByRole("button", { name: "Next: Review" }).click();

  await expectStep(page, 6, 6, "Review");
  await expectAccessible(page);
  const preview = page.getByRole("region", { name: /Proposed schedule: \d+ clauses/ });
  await expect(preview.getByText(/You process personal data: GDPR Art\. 28\(3\)\(c\)/).first()).toBeVisible();
  await expect(preview.getByText("from your answer in step 2: Data").first()).toBeVisible();
  await expect(preview.getByText(/You are subject to NIS2: NIS2 Art\. 23/)).toBeVisible();
  await expect(preview.getByText("from your answer in step 4: Rules").first()).toBeVisible();
  await expect(preview.getByText("Part of the model schedule for Managed IT services").first()).toBeVisible();
  await expect(page.getByText("NIS2, GDPR")).toBeVisible();
  await expect(page.getByText("Confidential, Personal data")).toBeVisible();
  await expect(page.getByText("Standard", { exact: true })).toBeVisible();

  // An unticked clause stays unticked after changing an answer and coming back.
  const liability = preview.getByRole("checkbox", { name: /Liability for security incidents/ });
  await liability.uncheck();
  await page.getByRole("button", { name: "Change Criticality" }).click();
  await expectStep(page, 3, 6, "Criticality");
  await page.getByRole("button", { name: "Next: Rules" }).click();
  await page.getByRole("button", { name: "Next: Level" }).click();
  await page.getByRole("button", { name: "Next: Review" }).click();
  await expect(liability).not.toBeChecked();

  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Security schedule editor" }).getByText("Liability for security incidents and data breaches")).toHaveCount(0);
});

test("without JavaScript the wizard still walks its steps and creates the negotiation", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, "advisor@demo.test");
  await page.goto("/negotiations/new");
  const title = `No script ${unique()}`;
  await fillBasics(page, title);
  await page.getByLabel("An empty schedule").check();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expectStep(page, 2, 2, "Review");
  await expect(page.getByText("The negotiation starts with an empty schedule")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("An empty schedule")).toBeChecked();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await context.close();
});
