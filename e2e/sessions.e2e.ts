// Issue #15's first slice (decision 032): an advisor plans a session from the proposed agenda,
// runs it, records an outcome with an action for the supplier and ends it; the minutes show and
// the supplier finds the action on the dashboard and marks it done.
import { test, expect, expectAccessible } from "./fixtures";
import { invitedMember, twoPartyNegotiation } from "./twoParties";

test("an advisor runs a session from the proposed agenda to the minutes; the supplier agrees the clause from the item; the action lands on the dashboard", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // three people, a negotiation of its own, screenshots at three widths
  const { buyer, supplier, id, title } = await twoPartyNegotiation(
    browser,
    consoleErrors,
    [
      { heading: "Backups", body: "Daily backups, kept for 30 days." },
      { heading: "Exit", body: "Data returned within 30 days." },
    ],
    "Sessions",
  );
  const advisor = await invitedMember(browser, consoleErrors, buyer, { id, title }, "advisor");

  // Something open to discuss: the supplier's question in a shared thread on Backups.
  const clauses = (await (await supplier.request.get(`/api/negotiations/${id}/agreements`)).json()) as { clauses: { clauseId: string; heading: string }[] };
  const backups = clauses.clauses.find((c) => c.heading === "Backups")!;
  const asked = await supplier.request.post(`/api/negotiations/${id}/threads`, {
    headers: { Origin: new URL(supplier.url()).origin },
    data: { clauseId: backups.clauseId, visibility: "shared", body: "Can we keep them for 14 days?" },
  });
  expect(asked.status()).toBe(201);

  await advisor.getByRole("link", { name: "Sessions", exact: true }).click();
  await expect(advisor.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await advisor.getByLabel("Date and time").fill("2026-12-10T10:00");
  const proposed = advisor.getByRole("group", { name: "Proposed agenda: what is open" });
  await expect(proposed.getByRole("checkbox", { name: /Backups/ })).toBeChecked();
  await expect(proposed).toContainText("open shared thread");
  await expectAccessible(advisor);
  await advisor.getByRole("button", { name: "Plan session" }).click();
  await expect(advisor.getByRole("heading", { level: 1, name: /^Session of/ })).toBeVisible();

  // The agenda: a free topic, moved to the top with the keyboard, time-boxed, saved.
  await advisor.getByLabel("Add a free topic").fill("Exit plan");
  await advisor.getByRole("button", { name: "Add topic" }).click();
  await advisor.getByRole("button", { name: "Move Exit plan up" }).focus();
  await advisor.keyboard.press("Enter");
  await expect(advisor.getByRole("button", { name: "Move Exit plan down" })).toBeFocused();
  await advisor.getByLabel(/^Time box for .*Backups/).fill("15");
  await advisor.getByRole("button", { name: "Save agenda" }).click();
  const agenda = advisor.locator(".agenda-items > li");
  await expect(agenda).toHaveCount(2);
  await expect(agenda.first()).toContainText("Exit plan");
  await expect(agenda.nth(1)).toContainText("15 min");

  await buyer.reload();
  await expect(buyer.getByRole("link", { name: /^Next session: 10 Dec 2026/ })).toBeVisible();

  // Running it.
  await advisor.getByRole("button", { name: "Start session" }).click();
  await expect(advisor.getByRole("heading", { name: "Current item: Exit plan" })).toBeVisible();
  await advisor.getByRole("button", { name: "Next item" }).click();
  await expect(advisor.getByRole("heading", { name: /^Current item: .*Backups/ })).toBeVisible();
  await advisor.getByRole("radio", { name: "Agreed" }).check();
  await advisor.getByLabel("Decision").fill("Keep 30 days; the supplier sends the revised wording.");
  await advisor.getByRole("button", { name: "Add an action" }).click();
  await advisor.getByLabel("Who (action 1)").selectOption({ label: "Sam Supplier (Nimbus Cloud)" });
  await advisor.getByLabel("What (action 1)").fill("Send the revised wording");
  await advisor.getByLabel("Due by (action 1)").fill("2026-01-15");
  await advisor.getByRole("button", { name: "Record outcome" }).click();
  await expect(advisor.getByRole("status").filter({ hasText: "Outcome recorded." })).toBeVisible();
  await expect(agenda.nth(1)).toContainText("Agreed");
  await expect(agenda.nth(1)).toContainText("Sam Supplier (Nimbus Cloud): Send the revised wording");
  await expectAccessible(advisor);
  for (const width of [1366, 960, 390]) {
    await advisor.setViewportSize({ width, height: 900 });
    await advisor.screenshot({ path: `test-results/session-${width}.png`, fullPage: true });
    const overflow = await advisor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the session page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await advisor.setViewportSize({ width: 1366, height: 900 });

  // The supplier follows along on the session page, and sees the outcome is not their agreement.
  await supplier.goto(`/negotiations/${id}/sessions`);
  await supplier.getByRole("link", { name: /^Open session of/ }).click();
  await expect(supplier.getByRole("button", { name: "Start session" })).toHaveCount(0);
  // The meeting agreed Backups: the supplier reads the text and agrees it for their party in one click.
  await supplier.getByText("The text of 1.1 Backups as it stands").click();
  await expect(supplier.locator(".agree-from-item-text")).toContainText("Daily backups, kept for 30 days.");
  await expectAccessible(supplier);
  for (const width of [1366, 960, 390]) {
    await supplier.setViewportSize({ width, height: 900 });
    await supplier.screenshot({ path: `test-results/session-agree-${width}.png`, fullPage: true });
    const overflow = await supplier.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the session page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await supplier.setViewportSize({ width: 1366, height: 900 });
  await supplier.getByRole("button", { name: "Agree 1.1 Backups for your party" }).click();
  await expect(supplier.getByText("Your party agreed this text.")).toBeVisible();
  await expect(advisor.getByRole("button", { name: /for your party/ })).toHaveCount(0);

  // The buyer has had the negotiation open all along: the server saw it, nobody needs to tick it (decision 036).
  await expect(advisor.getByRole("list", { name: "Connected during the session" })).toContainText("Bea Buyer (Acme Retail)");
  await expect(advisor.getByRole("checkbox", { name: "Bea Buyer (Acme Retail)" })).toHaveCount(0);
  await advisor.getByRole("button", { name: "End session and publish the minutes" }).click();
  const minutes = advisor.getByRole("region", { name: "Minutes" });
  await expect(minutes).toContainText("Keep 30 days; the supplier sends the revised wording.");
  await expect(minutes).toContainText("Ada Advisor (sector body)");
  await expect(minutes).toContainText(/Bea Buyer \(Acme Retail\) \((under a minute|\d+ min)\)/);
  await expect(minutes.getByRole("listitem").filter({ hasText: /Sam Supplier \(Nimbus Cloud\): .*1\.1 Backups/ })).toBeVisible();
  await expect(minutes.getByRole("definition").first()).toBeVisible();
  await expect(minutes.getByRole("link", { name: "Download the minutes (Markdown)" })).toBeVisible();
  await expectAccessible(advisor);
  await advisor.screenshot({ path: "test-results/session-minutes-1366.png", fullPage: true });

  // The supplier's dashboard: the action, overdue, marked done.
  await supplier.goto("/dashboard");
  const mine = supplier.getByRole("region", { name: "Your actions" });
  await expect(mine).toContainText("Send the revised wording");
  await expect(mine).toContainText("Overdue");
  await expect(mine.getByRole("link", { name: /^in Sessions \d/ })).toBeVisible();
  await expectAccessible(supplier);
  await mine.getByRole("button", { name: "Mark “Send the revised wording” done" }).click();
  await expect(mine).toContainText("Done by Sam Supplier (Nimbus Cloud)");
  await expect(mine).not.toContainText("Overdue");
});

test("in the workspace everyone sees the item under discussion; the buyer follows the advisor, steps out by scrolling and comes back", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // three people, a negotiation of its own
  const { buyer, supplier, id, title } = await twoPartyNegotiation(
    browser,
    consoleErrors,
    [
      { heading: "Backups", body: "Daily backups, kept for 30 days." },
      { heading: "Exit", body: "Data returned within 30 days." },
    ],
    "Following",
  );
  const advisor = await invitedMember(browser, consoleErrors, buyer, { id, title }, "advisor");
  await expect(advisor.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const clauses = (await (await advisor.request.get(`/api/negotiations/${id}/agreements`)).json()) as { clauses: { clauseId: string; heading: string }[] };
  const clauseId = (heading: string) => clauses.clauses.find((c) => c.heading === heading)!.clauseId;
  const origin = { Origin: new URL(advisor.url()).origin };
  const planned = await advisor.request.post(`/api/negotiations/${id}/sessions`, {
    headers: origin,
    data: {
      plannedAt: "2026-12-10T10:00:00Z",
      agenda: [
        { kind: "clause", clauseId: clauseId("Backups"), timeBoxMinutes: 5 },
        { kind: "clause", clauseId: clauseId("Exit") },
      ],
    },
  });
  expect(planned.status()).toBe(201);
  const { id: sessionId } = (await planned.json()) as { id: string };
  await buyer.goto(`/negotiations/${id}`);
  const bar = (page: typeof buyer) => page.getByRole("region", { name: "Live session" });
  expect((await advisor.request.post(`/api/negotiations/${id}/sessions/${sessionId}`, { headers: origin, data: { action: "start" } })).status()).toBe(200);

  // Everyone sees the item and its clock; the clause is highlighted, also for who does not follow.
  await expect(bar(buyer)).toContainText(/Item 1 of 2: 1\.1 Backups · [45]:\d\d left/);
  await expect(buyer.getByRole("link", { name: "Session in progress" })).toBeVisible();
  const current = (page: typeof buyer) => page.locator(".schedule-editor .clause.session-current .clause-heading");
  await expect(current(supplier)).toHaveText("Backups");
  await expect(bar(buyer)).toContainText("Ada Advisor (sector body) is presenting.");
  await expect(bar(advisor)).toContainText("Nobody follows you yet.");
  await bar(buyer).getByRole("button", { name: "Follow" }).click();
  await expect(bar(advisor)).toContainText("Following you: Bea Buyer (Acme Retail)");
  await expectAccessible(buyer);
  for (const [page, who] of [
    [buyer, "buyer"],
    [advisor, "advisor"],
  ] as const) {
    for (const width of [1366, 960, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/live-session-${who}-${width}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `the workspace scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  // The advisor moves on: the buyer's editor and side panel go to the clause.
  await bar(advisor).getByRole("button", { name: "Next item" }).click();
  await expect(bar(buyer)).toContainText("Item 2 of 2: 1.2 Exit");
  await expect(current(buyer)).toHaveText("Exit");
  await expect(buyer.getByRole("region", { name: "Agreement on this clause" })).toBeVisible();
  await expect(buyer.getByRole("tabpanel")).toContainText("Exit");

  // Scrolling of one's own steps out; back in with one click.
  await buyer.locator(".schedule-editor").hover();
  await buyer.mouse.wheel(0, 300);
  await expect(bar(buyer).getByRole("button", { name: "Back to Ada Advisor (sector body)" })).toBeVisible();
  await expect(bar(advisor)).toContainText("Nobody follows you yet.");
  await bar(buyer).getByRole("button", { name: "Back to Ada Advisor (sector body)" }).click();
  await expect(bar(buyer)).toContainText("Following Ada Advisor (sector body)");
  await expect(bar(advisor)).toContainText("Following you: Bea Buyer (Acme Retail)");

  // Ended, the bar and the highlight go for everyone.
  expect(
    (await advisor.request.post(`/api/negotiations/${id}/sessions/${sessionId}`, { headers: origin, data: { action: "end", present: [] } })).status(),
  ).toBe(200);
  for (const page of [buyer, supplier]) {
    await expect(bar(page)).toHaveCount(0);
    await expect(page.locator(".session-current")).toHaveCount(0);
  }
});

test("the advisor plans the periodic review of the agreement in force from its checklist, then hands moderation to the buyer, who runs it", async ({
  browser,
  consoleErrors,
}) => {
  test.slow(); // three people, a signed agreement of its own, screenshots at three widths
  const { buyer, supplier, id, title } = await twoPartyNegotiation(
    browser,
    consoleErrors,
    [{ heading: "Backups", body: "Daily backups, kept for 30 days." }],
    "Review",
  );
  const advisor = await invitedMember(browser, consoleErrors, buyer, { id, title }, "advisor");
  // The agreement takes effect: both agree every unit (the clause and the structure) and sign.
  const api = (page: typeof buyer, path: string, data: unknown = {}) =>
    page.request.post(`/api/negotiations/${id}${path}`, { headers: { Origin: new URL(page.url()).origin }, data });
  const { clauses } = (await (await buyer.request.get(`/api/negotiations/${id}/agreements`)).json()) as { clauses: { clauseId: string }[] };
  for (const { clauseId } of clauses)
    for (const page of [buyer, supplier]) expect((await api(page, "/agreements", { clauseId, decision: "agreed" })).status()).toBe(200);
  expect((await api(buyer, "/signoff")).status()).toBe(200);
  expect((await api(supplier, "/signoff")).status()).toBe(200);

  await advisor.goto(`/negotiations/${id}/sessions`);
  await advisor.getByRole("button", { name: "Plan the periodic review" }).click();
  await expect(advisor.getByRole("heading", { name: "Plan the periodic review" })).toBeFocused();
  await expect(advisor.getByLabel("Date and time")).not.toHaveValue("");
  const checklist = advisor.getByRole("group", { name: "Review agenda: the review checklist" });
  await expect(checklist.getByRole("checkbox", { name: /^Security incidents since/ })).toBeChecked();
  await expectAccessible(advisor);
  for (const width of [1366, 960, 390]) {
    await advisor.setViewportSize({ width, height: 900 });
    await advisor.screenshot({ path: `test-results/session-review-${width}.png`, fullPage: true });
    const overflow = await advisor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `the sessions page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  }
  await advisor.setViewportSize({ width: 1366, height: 900 });
  await advisor.getByRole("button", { name: "Plan session" }).click();
  await expect(advisor.getByRole("heading", { level: 1, name: /^Session of/ })).toBeVisible();
  await expect(advisor.locator(".agenda-items > li").filter({ hasText: /Security incidents since/ })).toHaveCount(1);

  // The parties let owners moderate; the advisor hands the session to the buyer (decision 036).
  expect((await api(buyer, "/settings", { sessionsByAdvisorsOnly: false })).status()).toBe(200);
  await advisor.reload();
  const handOver = advisor.getByRole("region", { name: "Hand over moderation" });
  await handOver.getByLabel("New moderator").selectOption({ label: "Bea Buyer (Acme Retail)" });
  await expectAccessible(advisor);
  await handOver.getByRole("button", { name: "Hand over" }).click();
  await expect(advisor.getByText("Moderated by Bea Buyer (Acme Retail)")).toBeVisible();
  await expect(advisor.getByRole("button", { name: "Start session" })).toHaveCount(0);
  const sessionUrl = advisor.url();
  await buyer.goto(sessionUrl);
  await buyer.getByRole("button", { name: "Start session" }).click();
  await expect(buyer.getByRole("heading", { name: /^Current item: What changed/ })).toBeVisible();
  await supplier.goto(`/negotiations/${id}`);
  await supplier.getByRole("tab", { name: "Activity" }).click();
  await expect(supplier.getByRole("region", { name: "Activity" })).toContainText(
    /Handed the moderation of the session of .* from Ada Advisor \(sector body\) to Bea Buyer \(Acme Retail\)/,
  );
});
