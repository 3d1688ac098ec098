import { test, expect, expectAccessible, logIn, clause } from "./fixtures";
import { buildDocx } from "../server/negotiations/wordImport/testing/docxFixtures";

const docx = {
  name: "hosting-schedule.docx",
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  buffer: Buffer.from(buildDocx()),
};

test("a buyer starts a negotiation from a Word file: upload, check the split and requirements, create", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Start from a Word file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a negotiation from a Word file" })).toBeVisible();
  await expectAccessible(page);

  const title = `From Word ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("We buy the service (buyer)").check();
  await page.getByLabel("Our organisation").fill("Acme Retail");
  await page.getByLabel("The other party's organisation").fill("CloudCo");
  await page.getByLabel("Word file (.docx)").setInputFiles(docx);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "test-results/word-import-upload-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole("button", { name: "Upload and preview" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Preview: ${title}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1. Security measures" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "2.2 Logging and monitoring" })).toBeVisible();
  const changes = page.getByRole("table").filter({ hasText: "Word: Bram Jansen" });
  await expect(changes.getByRole("row")).toHaveCount(4);
  await expect(changes.getByRole("row", { name: /Word: Bram Jansen Deletion every week/ })).toBeVisible();
  const encryption = page.getByRole("article", { name: "1.1 Encryption" });
  await expect(encryption.getByLabel("Requirement in the knowledge base")).toHaveValue("encryption-in-transit");
  await expect(encryption.getByText(/Suggested: Encryption in transit \(\d+% match\)/)).toBeVisible();
  await expectAccessible(page);
  for (const width of [1366, 960, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/word-import-preview-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // Keyboard only: merge "Logging and monitoring" into the clause before, and unlink a requirement.
  await page.getByRole("article", { name: "2.1 Incident notification" }).getByLabel("Requirement in the knowledge base").selectOption("");
  const merge = page.getByRole("article", { name: "2.2 Logging and monitoring" }).getByRole("button", { name: "Merge into the clause before" });
  await merge.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 3, name: "2.2 Logging and monitoring" })).toHaveCount(0);
  const incidents = page.getByRole("article", { name: "2.1 Incident notification" });
  await expect(incidents.getByText("Logging and monitoring")).toBeVisible();
  await expect(incidents.getByLabel("Requirement in the knowledge base")).toHaveValue("");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create negotiation" }).click();
  await expect(page).toHaveURL(/\/negotiations\/[a-z2-7]+$/);
  await expect(clause(page, "Encryption")).toBeVisible();
  await expect(clause(page, "Encryption").locator("ins.proposal-ins")).toHaveText(" and at rest");
  await expect(clause(page, "Backup and recovery").locator("del.proposal-del")).toHaveText("every week");
  // Each tracked change is listed by its Word author, brought in by the buyer who imported it.
  await page.getByRole("tab", { name: /^Proposals/ }).click();
  const bram = page.getByRole("tabpanel").getByRole("listitem").filter({ hasText: "every week" });
  await expect(bram).toContainText("Word: Bram Jansen");
  await expect(bram).toContainText("from a Word file imported by Bea Buyer (Acme Retail)");
  await page.screenshot({ path: "test-results/word-import-created-1366.png" });
});

test("a file that is not a Word document is refused on the upload form, with what to do", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  await page.goto("/negotiations/import");
  await page.getByLabel("Title").fill("Not a Word file");
  await page.getByLabel("Our organisation").fill("Acme Retail");
  await page.getByLabel("The other party's organisation").fill("CloudCo");
  await page.getByLabel("Word file (.docx)").setInputFiles({ name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from("just text") });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("alert")).toHaveText(/not a Word document \(\.docx\)\. Open it in Word/);
  await expect(page.getByLabel("Title")).toHaveValue("Not a Word file");
  await expectAccessible(page);
});
