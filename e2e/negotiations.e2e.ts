import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, logIn, watch } from "./fixtures";

async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  watch(page, errors);
  return page;
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

test("a buyer starts a SaaS negotiation, invites a supplier, and both edit the same schedule", async ({ browser, consoleErrors }) => {
  const buyer = await newPage(browser, consoleErrors);
  await logIn(buyer, "advisor@demo.test"); // any account can start its own negotiation
  await buyer.getByRole("link", { name: "New negotiation" }).click();
  await expect(buyer.getByRole("heading", { name: "Start a negotiation" })).toBeVisible();
  await expectAccessible(buyer);

  const title = `Payroll SaaS ${unique()}`;
  await buyer.getByLabel("Title").fill(title);
  await buyer.getByLabel("We buy the service (buyer)").check();
  await buyer.getByLabel("Our organisation").fill("Acme Retail");
  await buyer.getByLabel("The other party's organisation").fill("PayFast");
  await buyer.getByLabel("SaaS / cloud service").check();
  await buyer.getByRole("button", { name: "Next", exact: true }).click();
  await buyer.getByLabel("Personal data", { exact: true }).check();
  await buyer.getByRole("button", { name: "Next: Criticality" }).click();
  await buyer.getByRole("button", { name: "Next: Rules" }).click();
  await buyer.getByLabel("NIS2: we are an essential or important entity").check();
  await buyer.getByRole("button", { name: "Next: Level" }).click();
  await buyer.getByRole("button", { name: "Next: Review" }).click();

  const preview = buyer.getByRole("region", { name: /Proposed schedule: \d+ clauses?/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("You process personal data: GDPR Art. 28(3)(c)")).toBeVisible();
  await expect(preview.getByText(/You are subject to NIS2: NIS2 Art\. 23/)).toBeVisible();
  await expectAccessible(buyer);
  await preview
    .getByLabel(/Liability/)
    .first()
    .uncheck();
  await buyer.getByRole("button", { name: "Create negotiation" }).click();

  await expect(buyer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const editor = buyer.getByRole("textbox", { name: "Security schedule editor" });
  for (const section of ["Governance", "Access control", "Data protection", "Incidents", "Business continuity", "Supply chain and subcontractors"]) {
    await expect(editor.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(editor.getByRole("heading", { name: "Liability and insurance" })).toHaveCount(0);

  // Invite the supplier; the link is shown to copy.
  await buyer.getByRole("link", { name: "Members and invitations" }).click();
  const supplierEmail = `supplier-${unique()}@example.test`;
  await buyer.getByLabel("Their email address").fill(supplierEmail);
  await buyer.getByLabel("Role", { exact: true }).selectOption("supplier");
  await buyer.getByRole("button", { name: "Create invitation" }).click();
  const link = await buyer.getByLabel("Invitation link (copy it to the invitee)").inputValue();
  expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/);
  await expectAccessible(buyer);

  // The supplier follows the link in another browser, signs up with that address and lands in the schedule.
  const supplier = await newPage(browser, consoleErrors);
  await supplier.goto(link);
  await expect(supplier.getByText(/invites you to "Payroll SaaS .*" as Supplier/)).toBeVisible();
  await supplier.getByRole("main").getByRole("link", { name: "Sign up" }).click();
  await expect(supplier.getByLabel("Email address")).toHaveValue(supplierEmail);
  await supplier.getByLabel("Your name").fill("Pat PayFast");
  await supplier.getByLabel("Password").fill("a-long-enough-password");
  await supplier.getByRole("button", { name: "Create account" }).click();
  await supplier.getByRole("button", { name: "Accept and open the negotiation" }).click();
  await expect(supplier.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(supplier.getByText("Your role: Supplier")).toBeVisible();

  // Both edit the same clause live.
  await buyer.goBack();
  await expect(buyer.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  await expect(supplier.getByRole("status").filter({ hasText: "Connected" })).toBeVisible();
  const heading = (page: Page) => page.locator(".clause-heading", { hasText: "Multi-factor authentication" });
  await heading(supplier).click();
  await supplier.keyboard.press("End");
  await supplier.keyboard.type(" (supplier view)");
  await expect(heading(buyer)).toContainText("(supplier view)");
  await heading(buyer).click();
  await buyer.keyboard.press("Home");
  await buyer.keyboard.type("Agreed: ");
  await expect(heading(supplier)).toContainText("Agreed: ");
});

test("a revoked invitation link is refused with a message that says what to do", async ({ browser, consoleErrors }) => {
  const owner = await newPage(browser, consoleErrors);
  await logIn(owner, "buyer@demo.test");
  await owner.getByRole("link", { name: /Acme Retail ⇄ Nimbus Cloud/ }).click();
  await owner.getByRole("link", { name: "Members and invitations" }).click();
  const email = `revoked-${unique()}@example.test`;
  await owner.getByLabel("Their email address").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption("observer");
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const link = await owner.getByLabel("Invitation link (copy it to the invitee)").inputValue();
  await owner.getByRole("button", { name: `Revoke ${email}`, exact: true }).click();
  await expect(owner.getByRole("status").filter({ hasText: "The invitation was revoked" })).toBeVisible();

  const invitee = await newPage(browser, consoleErrors);
  await invitee.goto(link);
  await expect(invitee.getByRole("alert")).toHaveText("This invitation was revoked by the person who sent it. Ask them for a new one.");
  await expect(invitee.getByRole("button", { name: "Accept and open the negotiation" })).toHaveCount(0);
  await expectAccessible(invitee);
});

test("an invited supplier who signs up with the invited address accepts from the dashboard", async ({ browser, consoleErrors }) => {
  const buyer = await newPage(browser, consoleErrors);
  await logIn(buyer, "advisor@demo.test");
  const title = `Hosting ${unique()}`;
  const created = await buyer.request.post("/api/negotiations", {
    headers: { Origin: new URL(buyer.url()).origin },
    data: { title, side: "buyer", ourOrg: "Acme Retail", counterpartyOrg: "HostCo", start: { kind: "empty" } },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await buyer.goto(`/negotiations/${id}/members`);
  const supplierEmail = `dash-supplier-${unique()}@example.test`;
  await buyer.getByLabel("Their email address").fill(supplierEmail);
  await buyer.getByLabel("Role", { exact: true }).selectOption("supplier");
  await buyer.getByRole("button", { name: "Create invitation" }).click();
  await expect(buyer.getByRole("status").filter({ hasText: "so no mail was sent: it is kept in the demo outbox" })).toBeVisible();

  // The same address again is refused at the field, in words.
  await buyer.getByLabel("Their email address").fill(supplierEmail);
  await buyer.getByRole("button", { name: "Create invitation" }).click();
  await expect(buyer.getByText("This address already has an open invitation to this negotiation.", { exact: false })).toBeVisible();
  await expect(buyer.getByLabel("Their email address")).toHaveValue(supplierEmail);
  await expectAccessible(buyer);

  // The supplier never opens the mail: they sign up with that address and find the invitation waiting.
  const supplier = await newPage(browser, consoleErrors);
  await supplier.goto("/signup");
  await supplier.getByLabel("Your name").fill("Hana HostCo");
  await supplier.getByLabel("Email address").fill(supplierEmail);
  await supplier.getByLabel("Password").fill("a-long-enough-password");
  await supplier.getByRole("button", { name: "Create account" }).click();
  await expect(supplier).toHaveURL(/\/dashboard$/);
  const invitations = supplier.getByRole("region", { name: "Invitations for you" });
  await expect(invitations.locator("strong", { hasText: title })).toBeVisible();
  await expect(invitations.getByText(/Invited by .* as Supplier/)).toBeVisible();
  await expectAccessible(supplier);
  await invitations.getByRole("button", { name: `Accept ${title}` }).click();
  await expect(supplier.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(supplier.getByText("Your role: Supplier")).toBeVisible();
  await supplier.goto("/dashboard");
  await expect(supplier.getByRole("region", { name: "Invitations for you" })).toHaveCount(0);
  await expect(supplier.getByRole("link", { name: title })).toBeVisible();
});
