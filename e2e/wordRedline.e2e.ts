import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import JSZip from "jszip";
import { test, expect, logIn, clickAtEndOf } from "./fixtures";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test("the redline page downloads the changes as a Word file with tracked changes", async ({ page }) => {
  await logIn(page, "advisor@demo.test");
  const { id } = await post<{ id: string }>(page, "/api/negotiations", {
    title: `Word redline ${Date.now()}`,
    side: "buyer",
    ourOrg: "Acme Retail",
    counterpartyOrg: "Nimbus Cloud",
    start: { kind: "template", context: { service: "saas", data: "personal", criticality: "important", rules: [] } },
  });
  const version = await post<{ id: string }>(page, `/api/negotiations/${id}/versions`, { name: "Before" });

  await page.goto(`/negotiations/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await clickAtEndOf(page.locator(".schedule-editor .clause p").first());
  await page.keyboard.type(" Reviewed by counsel.");
  // Leaving the page before the server has every keystroke would leave part of them unsent.
  await expect(page.getByRole("status").filter({ hasText: "all changes saved" })).toBeVisible();
  await expect(page.locator(".schedule-editor .clause p").first()).toContainText("Reviewed by counsel.");
  await expect(async () => {
    await page.goto(`/negotiations/${id}/changes?since=${version.id}`);
    await expect(page.locator(".schedule-readonly ins").first()).toContainText("Reviewed by counsel.", { timeout: 1000 });
  }).toPass();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as Word with tracked changes" }).click();
  expect((await download).suggestedFilename()).toBe("Security-schedule-Acme-Retail-draft-changes-since-v1.docx");
  const zip = await JSZip.loadAsync(await readFile((await (await download).path())!));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toMatch(/<w:ins w:id="\d+" w:author="[^"]*Advisor[^"]*" w:date="[^"]+">(?:(?!<\/w:ins>).)*Reviewed by counsel\./);
});
