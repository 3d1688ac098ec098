// Coverage gaps in the proposed agenda and the periodic review as a session (issue #15, decision
// 035) through the real server and SQLite, on the demo's SaaS negotiation (set up for NIS2 and GDPR).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import type * as Y from "yjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { syncedDemoClient, type CollabClient } from "../test/collabClient";
import { clausesOf } from "../test/scheduleShape";
import { demoNegotiationTitle } from "../demo/seedDemo";
import { calendarDate } from "../../shared/agreements/calendarDate";
import type { ProposedItem, ReviewAgenda, SessionView } from "../../shared/moderatedSessions/sessions";

let server: TestServer;
let negotiationId: string;
let sqlite: SQLite.Database;
let editor: CollabClient;
const as = demoClients(() => server.url);
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);
const plannedAt = "2027-12-10T09:00:00Z";
const mfaGap = "NIS2 Art. 21(2)(j) Multi-factor";

interface Agendas {
  proposedAgenda: ProposedItem[];
  reviewAgenda: ReviewAgenda | null;
}
const agendas = async (who = "advisor", language = "en"): Promise<Agendas> => {
  const res = await (await as(who)).request(`/api/negotiations/${negotiationId}/sessions`, { headers: { "Accept-Language": language } });
  assert.equal(res.status, 200);
  return (await res.json()) as Agendas;
};
const gapsOf = (items: ProposedItem[]) => items.filter((i) => i.reasons.includes("coverage-gap"));
/** The page's own loader data, as the planning form gets it. */
const pageData = async (who: string) => {
  const res = await (await as(who)).request(`/negotiations/${negotiationId}/sessions?_data=${encodeURIComponent("routes/negotiations.$id_.sessions")}`);
  assert.equal(res.status, 200);
  return (await res.json()) as { review: ReviewAgenda | null; proposed: ProposedItem[] };
};
/** The server applies a socket's edit a moment after it is sent: ask again until it shows. */
async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let tries = 0; tries < 50; tries++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const mfaClause = (): Y.XmlElement => clausesOf(editor.fragment).find((c) => c.getAttribute("requirement") === "multi-factor-authentication")!;

before(async () => {
  server = await startTestServer();
  sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  negotiationId = (sqlite.prepare("select id from negotiations where title = ?").get(demoNegotiationTitle) as { id: string }).id;
  editor = await syncedDemoClient(server.url, negotiationId, "buyer");
});
after(async () => {
  editor?.destroy();
  sqlite?.close();
  await server?.stop();
});

describe("coverage gaps in the proposed agenda", () => {
  test("an element of the negotiation's regimes whose only clause loses its link becomes a topic, and leaves once covered again", async () => {
    assert.deepEqual(
      gapsOf((await agendas()).proposedAgenda).filter((g) => g.title.startsWith(mfaGap)),
      [],
      "the MFA clause covers NIS2 Art. 21(2)(j)",
    );
    const clause = mfaClause();
    editor.doc.transact(() => clause.removeAttribute("requirement"));
    const gap = await eventually(async () => gapsOf((await agendas()).proposedAgenda).find((g) => g.title.startsWith(mfaGap)), "the gap");
    assert.deepEqual(gap, {
      kind: "topic",
      clauseId: null,
      title: "NIS2 Art. 21(2)(j) Multi-factor or continuous authentication",
      reasons: ["coverage-gap"],
    });
    const dutch = gapsOf((await agendas("advisor", "nl")).proposedAgenda).find((g) => g.title.startsWith("NIS2 Art. 21(2)(j) Multifactor"));
    assert.equal(dutch?.title, "NIS2 Art. 21(2)(j) Multifactor- of continue authenticatie", "in the reader's language");

    const planned = await post("advisor", "/sessions", { plannedAt, agenda: [{ kind: "topic", title: gap.title }] });
    assert.equal(planned.status, 201, "a gap is planned as the topic it is");

    editor.doc.transact(() => clause.setAttribute("requirement", "multi-factor-authentication"));
    await eventually(
      async () => (gapsOf((await agendas()).proposedAgenda).some((g) => g.title.startsWith(mfaGap)) ? undefined : true),
      "covered again, no gap",
    );
  });
});

describe("the periodic review of an agreement in force", () => {
  test("is not on offer before the agreement takes effect", async () => {
    assert.equal((await agendas()).reviewAgenda, null);
    assert.equal((await pageData("advisor")).review, null);
  });

  test("once signed, the review agenda holds the checklist and the review date; the date set later is the one prefilled", async () => {
    const { clauses } = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as {
      clauses: { clauseId: string }[];
    };
    for (const { clauseId } of clauses)
      for (const who of ["buyer", "supplier"]) assert.equal((await post(who, "/agreements", { clauseId, decision: "agreed" })).status, 200);
    assert.equal((await post("buyer", "/signoff")).status, 200);
    assert.equal((await post("supplier", "/signoff")).json.effective, true);

    const review = (await agendas()).reviewAgenda!;
    const dueAt = (sqlite.prepare("select review_due_at from negotiations where id = ?").get(negotiationId) as { review_due_at: number }).review_due_at;
    assert.equal(review.reviewDate, calendarDate(dueAt), "the agreement's review date, a year on");
    const byReason = (reason: string) => review.items.filter((i) => i.reasons.includes(reason as ProposedItem["reasons"][number]));
    assert.deepEqual(
      byReason("review-law").map((i) => i.title.replace(/ since .*/, "")),
      ["What changed in NIS2 Directive (EU) 2022/2555", "What changed in GDPR Regulation (EU) 2016/679"],
    );
    assert.equal(byReason("review-incidents").length, 1);
    assert.ok(
      byReason("review-assurance").some((i) => /Audit/i.test(i.title)),
      "the audit-rights clause is an assurance point to check again",
    );
    assert.ok(byReason("review-verify").some((i) => i.kind === "clause" && /\d/.test(i.title)));
    const clauseIds = review.items.flatMap((i) => (i.clauseId ? [i.clauseId] : []));
    assert.equal(new Set(clauseIds).size, clauseIds.length, "a clause is on the review once");

    assert.equal((await post("advisor", "/review-date", { date: "2028-01-15" })).status, 200);
    assert.equal((await agendas()).reviewAgenda!.reviewDate, "2028-01-15");
    assert.equal((await pageData("advisor")).review?.reviewDate, "2028-01-15", "the page gets the same");
    const page = await (await (await as("advisor")).request(`/negotiations/${negotiationId}/sessions`)).text();
    assert.match(page, /<button type="button">Plan the periodic review<\/button>/, "the page offers it");
  });

  test("the advisor plans it with that agenda; a party owner may not while sessions are reserved to advisors", async () => {
    const review = (await agendas()).reviewAgenda!;
    const agenda = review.items.map((i) => (i.kind === "clause" ? { kind: "clause", clauseId: i.clauseId } : { kind: "topic", title: i.title }));
    const refused = await post("supplier", "/sessions", { plannedAt: `${review.reviewDate}T09:00:00Z`, agenda });
    assert.equal(refused.status, 409);
    assert.match(String(refused.json.error), /only advisors/i);
    assert.equal((await pageData("supplier")).review, null, "nor is it offered on the page");

    const planned = await post("advisor", "/sessions", { plannedAt: `${review.reviewDate}T09:00:00Z`, agenda });
    assert.equal(planned.status, 201, JSON.stringify(planned.json));
    const res = await (await as("buyer")).request(`/api/negotiations/${negotiationId}/sessions/${String(planned.json.id)}`);
    const session = (await res.json()) as SessionView;
    assert.deepEqual(
      session.agenda.map((i) => i.title),
      review.items.map((i) => i.title),
    );
  });
});
