import type { Browser, Locator, Page } from "@playwright/test";
import { expect, logIn, watch } from "./fixtures";

export async function newPage(browser: Browser, errors: string[], width = 1366): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width, height: 900 } });
  const page = await context.newPage();
  watch(page, errors);
  return page;
}

/**
 * A negotiation of its own, so agreeing, proposing and signing here touch no other test's text: the
 * buyer starts it empty and writes the clauses under one section, the supplier accepts the
 * invitation (the first of each party is its owner), and both have it open and connected.
 */
export async function twoPartyNegotiation(browser: Browser, errors: string[], clauses: { heading: string; body: string }[], name = "Two parties") {
  const buyer = await newPage(browser, errors);
  await logIn(buyer, "buyer@demo.test");
  const title = `${name} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const created = await buyer.request.post("/api/negotiations", {
    headers: { Origin: new URL(buyer.url()).origin },
    data: { title, side: "buyer", ourOrg: "Acme Retail", counterpartyOrg: "Nimbus Cloud", start: { kind: "empty" } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await buyer.goto(`/negotiations/${id}`);
  await expect(buyer.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await buyer.locator(".schedule-editor .section-heading").click();
  await buyer.keyboard.type("Pilot");
  for (const { heading, body } of clauses) {
    await buyer.keyboard.press("Control+Enter"); // a new clause, the caret in its heading
    await buyer.keyboard.type(heading);
    await buyer.keyboard.press("ArrowDown");
    await buyer.keyboard.type(body);
  }
  await expect(buyer.locator(".schedule-editor .clause p").last()).toHaveText(clauses.at(-1)!.body);
  await expect(buyer.getByRole("status").filter({ hasText: "all changes saved" })).toBeVisible();

  const supplier = await invitedMember(browser, errors, buyer, { id, title }, "supplier");
  for (const page of [buyer, supplier]) await expect(page.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  return { buyer, supplier, id, title };
}

/**
 * `inviter` invites the demo member of this role (`supplier@demo.test`, `advisor@demo.test`…) to
 * the negotiation, who logs in on a page of their own and accepts; the inviter is back in the
 * negotiation. Returns the new member's page, in the negotiation.
 */
export async function invitedMember(
  browser: Browser,
  errors: string[],
  inviter: Page,
  negotiation: { id: string; title: string },
  role: "supplier" | "advisor",
) {
  await inviter.goto(`/negotiations/${negotiation.id}/members`);
  await inviter.getByLabel("Their email address").fill(`${role}@demo.test`);
  await inviter.getByLabel("Role", { exact: true }).selectOption(role);
  await inviter.getByRole("button", { name: "Create invitation" }).click();
  await expect(inviter.getByRole("status")).toBeVisible();
  const member = await newPage(browser, errors);
  await logIn(member, `${role}@demo.test`);
  await member
    .getByRole("region", { name: "Invitations for you" })
    .getByRole("button", { name: `Accept ${negotiation.title}` })
    .click();
  await expect(member.getByRole("heading", { level: 1, name: negotiation.title })).toBeVisible();
  await inviter.goto(`/negotiations/${negotiation.id}`);
  return member;
}

/** The text of proposal runs, without other people's caret labels inside them. */
export const runs = (locator: Locator) =>
  expect.poll(() =>
    locator.evaluateAll((els) =>
      els
        .map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(".remote-cursor").forEach((c) => c.remove());
          return copy.textContent ?? "";
        })
        .join(""),
    ),
  );
