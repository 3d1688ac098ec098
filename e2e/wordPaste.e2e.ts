import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn } from "./fixtures";
import { wordClipboard } from "../app/components/editor/wordPaste.samples";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** What the browser does when Word's content is pasted: a paste event carrying Word's HTML. */
async function pasteFromWord(page: Page, html: string) {
  await page.locator(".schedule-editor").evaluate((editor, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "(Word's plain text)");
    editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test("pasting from Word keeps numbered lists and headings, and says which images were left out", async ({ page }) => {
  await logIn(page, "advisor@demo.test");
  const { id } = await post<{ id: string }>(page, "/api/negotiations", {
    title: `Word paste ${Date.now()}`,
    side: "buyer",
    ourOrg: "Acme Retail",
    counterpartyOrg: "Nimbus Cloud",
    start: { kind: "template", context: { service: "saas", data: "personal", criticality: "important", rules: [] } },
  });
  await page.goto(`/negotiations/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  // A clause of plain paragraphs (the definitions clause that opens the schedule is a list).
  const plainId = await page
    .locator(".schedule-editor .clause")
    .filter({ hasNot: page.locator("ul, ol") })
    .first()
    .getAttribute("data-id");
  const first = page.locator(`.schedule-editor .clause[data-id="${plainId}"]`);
  await first.locator("p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await pasteFromWord(page, wordClipboard.numberedList);
  await expect(first.locator("ol > li")).toHaveCount(3);
  await expect(first.locator("ol > li").first()).toHaveText("Multi-factor authentication for all administrators.");
  await expect(first.locator("ol > li ul > li")).toHaveText(["by the supplier’s CISO", "with the buyer’s contact"]);

  await page.keyboard.press("Enter");
  await pasteFromWord(page, wordClipboard.withImages);
  await expect(page.getByRole("status").filter({ hasText: "2 images were left out" })).toHaveText(
    "2 images were left out: the schedule holds text only. Attach them to the contract as an annex.",
  );
  await expect(first).toContainText("And the data flow:");
  await expectAccessible(page);
  await pasteFromWord(page, wordClipboard.headings);
  await expect(first.locator("p strong", { hasText: "Logging" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "images were left out" })).toHaveCount(0);

  // The server took the pasted structure: it is there for everyone after a reload.
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(first.locator("ol > li")).toHaveCount(3, { timeout: 2000 });
  }).toPass();
  await expect(first.locator("p strong", { hasText: "Logging" })).toBeVisible();
});
