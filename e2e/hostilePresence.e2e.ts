import type { Page } from "@playwright/test";
import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import { test, expect, demoPassword, openDemoAs, textOf, clause } from "./fixtures";

/**
 * Cursors a hand-written client could announce. These are well-formed JSON of the right types,
 * naming nothing (the first once made y-prosemirror throw in every other browser).
 */
const danglingCursors: unknown[] = [
  { anchor: {}, head: {} },
  { anchor: { item: { client: 123456, clock: 42 }, assoc: 0 }, head: { item: { client: 123456, clock: 42 }, assoc: 0 } },
  { anchor: { item: { client: 1e300, clock: 1e300 } }, head: { tname: "not-the-schedule" } },
];
/** And these are not even cursors. */
const malformedCursors: unknown[] = [
  ...danglingCursors,
  { anchor: { item: { client: "x", clock: {} } }, head: { tname: "prosemirror", assoc: 1e300 } },
  { anchor: { type: { client: -1, clock: Number.MAX_VALUE } }, head: null },
  "right here",
  [1, 2, 3],
];

/**
 * A member's hand-written y-websocket client: logged in with a password, it speaks the wire
 * protocol itself (lib0 encoding, message type 1 = awareness) and announces nothing but bad cursors.
 */
async function hostileSocket(baseURL: string, negotiationId: string, email: string, cursors: unknown[]) {
  const login = await fetch(`${baseURL}/login`, {
    method: "POST",
    headers: { Origin: baseURL, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: demoPassword }),
    redirect: "manual",
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("session="));
  expect(cookie, `session cookie for ${email}`).toBeTruthy();
  const socket = new WebSocket(`${baseURL.replace(/^http/, "ws")}/collab/${negotiationId}`, { headers: { Origin: baseURL, Cookie: cookie! } });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const clientId = 0x7000_0000 + Math.floor(Math.random() * 0x0fff_ffff);
  let clock = 0;
  const sendState = (state: unknown) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, ++clock);
    encoding.writeVarString(update, JSON.stringify(state));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1); // awareness
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    socket.send(encoding.toUint8Array(message));
  };
  // Well under the server's message rate limit: the point is that it stays connected and keeps at it.
  const timer = setInterval(() => sendState({ cursor: cursors[clock % cursors.length] }), 50);
  return {
    get sent() {
      return clock;
    },
    get open() {
      return socket.readyState === WebSocket.OPEN;
    },
    stop() {
      clearInterval(timer);
      socket.close();
    },
  };
}

test("buyer and supplier keep co-editing while members' sockets send malformed cursors", async ({ browser, consoleErrors, baseURL }) => {
  const buyer = await openDemoAs(browser, consoleErrors, "buyer@demo.test");
  const negotiationId = new URL(buyer.url()).pathname.split("/")[2]!;
  const attackers = [
    await hostileSocket(baseURL!, negotiationId, "advisor@demo.test", danglingCursors),
    await hostileSocket(baseURL!, negotiationId, "observer@demo.test", malformedCursors),
  ];
  try {
    await coEditThrough(buyer, await openDemoAs(browser, consoleErrors, "supplier@demo.test"));
    // The bad cursors were dropped, not the people: each attacker is still connected and was sending throughout.
    for (const attacker of attackers) {
      expect(attacker.open).toBe(true);
      expect(attacker.sent).toBeGreaterThan(malformedCursors.length * 2);
    }
  } finally {
    for (const attacker of attackers) attacker.stop();
  }
});

/** Three rounds of each side typing and seeing the other's text; at the end both hold all of it. */
async function coEditThrough(buyer: Page, supplier: Page) {
  const buyerText = clause(buyer, "Data location").locator("p").first();
  const supplierText = clause(supplier, "Data location").locator("p").first();
  // The attackers keep announcing bad cursors all the while (every 50 ms each); each round's text
  // must still arrive, and each side's earlier text remain. (A clause no other e2e test types in.)
  for (let round = 1; round <= 3; round++) {
    await buyerText.click();
    await buyer.keyboard.press("End");
    await buyer.keyboard.type(` Buyer ${round}.`);
    await expect.poll(() => textOf(supplierText)).toContain(`Buyer ${round}.`);

    await supplierText.click();
    await supplier.keyboard.press("Home");
    await supplier.keyboard.type(`Supplier ${round}: `);
    await expect.poll(() => textOf(buyerText)).toContain(`Supplier ${round}: `);
  }
  for (const text of [buyerText, supplierText]) {
    for (let round = 1; round <= 3; round++) {
      await expect.poll(() => textOf(text)).toContain(`Buyer ${round}.`);
      await expect.poll(() => textOf(text)).toContain(`Supplier ${round}: `);
    }
  }
  expect(await textOf(buyerText)).toBe(await textOf(supplierText));
  // And the editors' own carets still show (another test's supplier may be in the room as well).
  await expect(buyer.locator(".remote-cursor-label", { hasText: "Sam Supplier (Nimbus Cloud)" }).first()).toBeVisible();
}
