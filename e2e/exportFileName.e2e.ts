import type { Page } from "@playwright/test";
import { test, expect, watch } from "./fixtures";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test("exports are saved under a name in the reader's language, accents and all", async ({ browser, consoleErrors }) => {
  const context = await browser.newContext({ locale: "nl-NL", acceptDownloads: true });
  const page = await context.newPage();
  watch(page, consoleErrors);
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("advisor@demo.test");
  await page.getByLabel("Wachtwoord").fill("demo-password");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const { id } = await post<{ id: string }>(page, "/api/negotiations", {
    title: `Bestandsnamen ${Date.now()}`,
    side: "buyer",
    ourOrg: "Zorggroep Café Noord",
    counterpartyOrg: "Nimbus Cloud",
    start: { kind: "template", context: { service: "saas", data: "personal", criticality: "important", rules: [] } },
  });
  await post(page, `/api/negotiations/${id}/versions`, { name: "Eerste lezing" });
  await page.goto(`/negotiations/${id}/agreement`);

  // Through the page's own download (fetch, with progress).
  let download = page.waitForEvent("download");
  await page.getByRole("link", { name: "DOCX Versie 1: Eerste lezing" }).click();
  expect((await download).suggestedFilename()).toBe("Beveiligingsbijlage-Zorggroep-Café-Noord-v1.docx");
  download = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF Huidig concept" }).click();
  expect((await download).suggestedFilename()).toBe("Beveiligingsbijlage-Zorggroep-Café-Noord-concept.pdf");

  // And as the browser itself reads the header, without our script (filename*, RFC 5987).
  const href = await page.getByRole("link", { name: "Markdown Versie 1: Eerste lezing" }).getAttribute("href");
  download = page.waitForEvent("download");
  await page.evaluate((url) => {
    const link = document.createElement("a");
    link.href = url!;
    document.body.append(link);
    link.click();
  }, href);
  expect((await download).suggestedFilename()).toBe("Beveiligingsbijlage-Zorggroep-Café-Noord-v1.md");
  await context.close();
});
