import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, logIn } from "./fixtures";

async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const res = await page.request.post(path, { data, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

async function expectContrast(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  expect(
    results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`)),
    `colour contrast on ${where}`,
  ).toEqual([]);
  // Every inserted and deleted run was actually measured, not skipped as unknown.
  expect(results.incomplete.flatMap((v) => v.nodes.map((n) => n.target.join(" "))).filter((t) => /\b(ins|del)\b/.test(t))).toEqual([]);
}

/** The decoration line of every <ins> or <del> on the page: the change must show without colour too. */
const decorations = (page: Page, tag: "ins" | "del") =>
  page.locator(`.schedule-readonly ${tag}`).evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).textDecorationLine))]);

test("insertions and deletions on the redline and comparison pages meet AA contrast and are underlined or struck through", async ({ page }) => {
  await logIn(page, "advisor@demo.test");
  const { id } = await post<{ id: string }>(page, "/api/negotiations", {
    title: `Redline colours ${Date.now()}`,
    side: "buyer",
    ourOrg: "Acme Retail",
    counterpartyOrg: "Nimbus Cloud",
    start: { kind: "template", context: { service: "saas", data: "personal", criticality: "important", rules: [] } },
  });
  const version = await post<{ id: string }>(page, `/api/negotiations/${id}/versions`, { name: "Before" });

  await page.goto(`/negotiations/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await page.locator(".schedule-editor .clause p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await page.keyboard.type("stronger words.");
  await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();

  for (const [path, where] of [
    [`/negotiations/${id}/changes?since=${version.id}`, "the redline"],
    [`/negotiations/${id}/compare?from=${version.id}&to=current`, "the comparison"],
  ] as const) {
    // The edit reaches the server over the socket; the page reads what the server stored.
    await expect(async () => {
      await page.goto(path);
      await expect(page.locator(".schedule-readonly ins").first()).toContainText("stronger", { timeout: 1000 });
    }).toPass();
    await expect(page.locator(".schedule-readonly del").first()).toBeVisible();
    expect(await decorations(page, "ins"), `insertions on ${where}`).toEqual(["underline"]);
    expect(await decorations(page, "del"), `deletions on ${where}`).toEqual(["line-through"]);
    await expectContrast(page, where);
  }
  await page.goto(`/negotiations/${id}/agreement`);
  await expectContrast(page, "the agreement page");
});
