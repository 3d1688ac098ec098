import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";

interface Received {
  to: string[];
  raw: string;
}

// A real SMTP server on a free port: what our server sends through SMTP_URL arrives here.
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let server: TestServer;
let negotiationId: string;
const as = demoClients(() => server.url);

async function invite(email: string) {
  const res = await (await as("buyer")).request(`/negotiations/${negotiationId}/members`, { form: { intent: "invite", email, role: "observer" } });
  const html = await res.text();
  return { status: res.status, html, link: html.match(/value="(http[^"]+\/invitations\/[a-z2-7]+)"/)?.[1] };
}

before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Common Ground <cg@example.test>" } });
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list[0]!.id;
});
after(async () => {
  await server.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test("with SMTP_URL an invitation goes out by mail, from MAIL_FROM, with the link, in both languages", async () => {
  const { status, link, html } = await invite("colleague@example.test");
  assert.equal(status, 200);
  assert.match(html, /The invitation mail was sent to colleague@example\.test\./, "the inviter is told it went out");
  assert.ok(link);
  const mail = received.find((m) => m.to.includes("colleague@example.test"));
  assert.ok(mail, "the SMTP server received the invitation");
  assert.match(mail.raw, /^From: Common Ground <cg@example\.test>/m);
  // Quoted-printable may wrap the link; compare without soft line breaks.
  const body = mail.raw.replace(/=\r?\n/g, "");
  assert.ok(body.includes(link), "the mail carries the same link the inviter sees");
  assert.match(body, /Bea Buyer \(Acme Retail\)/);
  const outbox = await (await as("buyer")).request("/outbox");
  assert.doesNotMatch(await outbox.text(), /colleague@example\.test/, "sent mail does not pile up in the outbox");
});

test("with SMTP_URL the minutes of a session go to every member when published, in both languages, with the link", async () => {
  const pilot = await pilotNegotiationId(server.url);
  const post = negotiationApi<Record<string, unknown>>(as, () => pilot);
  const planned = await post("advisor", "/sessions", { plannedAt: "2026-12-11T09:00:00Z", agenda: [{ kind: "topic", title: "Exit plan" }] });
  assert.equal(planned.status, 201);
  const id = String(planned.json.id);
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "start" })).status, 200);
  const ended = await post("advisor", `/sessions/${id}`, { action: "end", present: [] });
  assert.equal(ended.status, 200);
  const minutes = () => received.filter((m) => /^Subject: (=\?UTF-8\?Q\?)?Minutes(=3A|:)/m.test(m.raw));
  for (let i = 0; i < 100 && minutes().length < 4; i++) await new Promise((r) => setTimeout(r, 50));
  const to = minutes().flatMap((m) => m.to);
  for (const who of ["buyer", "supplier", "advisor", "observer"]) assert.ok(to.includes(`${who}@demo.test`), `${who} gets the minutes`);
  const body = minutes()[0]!.raw.replace(/=\r?\n/g, "");
  assert.ok(body.includes(`/negotiations/${pilot}/sessions/${id}`), "with the link to the session");
  assert.match(body, /Exit plan/);
  assert.match(body, /Notulen/, "and in Dutch");
});

test("when the mail server is gone, the invitation still exists and the inviter is told to pass the link on", async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  const { status, html, link } = await invite("second@example.test");
  assert.equal(status, 200);
  assert.ok(link, "the link is shown");
  assert.match(html, /The invitation mail could not be sent\. Copy the link below/);
  const token = link.split("/").pop()!;
  const page = await (await as("outsider")).request(`/invitations/${token}`);
  assert.equal(page.status, 200, "the link works");
});
