// Moderated sessions (issue #15, decision 032) through the real server and SQLite: who may plan and
// run one, what the proposed agenda holds, recording outcomes and actions, and the minutes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { docxText, pdfText } from "../test/exportText";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import type { MyAction, ProposedItem, SessionView } from "../../shared/moderatedSessions/sessions";

let server: TestServer;
let negotiationId: string;
let sqlite: SQLite.Database;
let clauseIds: string[];
const as = demoClients(() => server.url);
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);
const get = async <T>(who: string, path: string): Promise<{ status: number; json: T }> => {
  const res = await (await as(who)).request(path);
  return { status: res.status, json: (await res.json()) as T };
};
const userId = (who: string) => (sqlite.prepare("select id from users where email = ?").get(`${who}@demo.test`) as { id: string }).id;
const moves = (action: string) =>
  sqlite.prepare("select id, user_id, detail_json from audit_log where negotiation_id = ? and action = ? order by id").all(negotiationId, action) as {
    id: number;
    user_id: string;
    detail_json: string;
  }[];
const notifiedBy = (auditId: number) =>
  (sqlite.prepare("select user_id from notifications where audit_id = ?").all(auditId) as { user_id: string }[]).map((n) => n.user_id).sort();
const plannedAt = "2026-12-10T09:00:00Z";

before(async () => {
  server = await startTestServer();
  negotiationId = await pilotNegotiationId(server.url);
  sqlite = new SQLite(path.join(server.dataDir, "app.db"));
  const { content_json } = sqlite.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as { content_json: string };
  clauseIds = [...content_json.matchAll(/"type":"clause","attrs":\{"id":"([a-z2-7]+)"/g)].map((m) => m[1]!);
});
after(async () => {
  sqlite?.close();
  await server?.stop();
});

describe("who may plan and run a session", () => {
  test("with 'advisors only' on (the default) a supplier owner cannot plan; an observer never; a party member reads", async () => {
    const refused = await post("supplier", "/sessions", { plannedAt });
    assert.equal(refused.status, 409);
    assert.match(String(refused.json.error), /only advisors/i);
    assert.equal((await post("observer", "/sessions", { plannedAt })).status, 403);
    assert.equal((await get("supplier", `/api/negotiations/${negotiationId}/sessions`)).status, 200);
  });

  test("a party owner lifts 'advisors only' (recorded for the other side), may then plan, and puts it back", async () => {
    assert.equal((await post("observer", "/settings", { sessionsByAdvisorsOnly: false })).status, 403);
    assert.equal((await post("advisor", "/settings", { sessionsByAdvisorsOnly: false })).status, 403, "the parties choose who moderates");
    assert.equal((await post("buyer", "/settings", { sessionsByAdvisorsOnly: false })).status, 200);
    const setting = moves("settings.sessions").at(-1)!;
    assert.deepEqual(JSON.parse(setting.detail_json), { advisorsOnly: false });
    assert.ok(notifiedBy(setting.id).includes(userId("supplier")));
    const planned = await post("supplier", "/sessions", { plannedAt });
    assert.equal(planned.status, 201);
    assert.equal((await post("buyer", "/settings", { sessionsByAdvisorsOnly: true })).status, 200);
    const start = await post("supplier", `/sessions/${String(planned.json.id)}`, { action: "start" });
    assert.equal(start.status, 409, "back to advisors only: the supplier's own session too");
  });

  test("only the session's moderator changes it: not another advisor's member, not an observer", async () => {
    const { json } = await post("advisor", "/sessions", { plannedAt });
    const id = String(json.id);
    assert.equal((await post("observer", `/sessions/${id}`, { action: "start" })).status, 403);
    assert.equal((await post("buyer", `/sessions/${id}`, { action: "start" })).status, 409);
    assert.equal(
      (await post("advisor", `/sessions/${id}`, { action: "record", itemId: "aaaaaaaaaaaaaaaaaaaaaaaaaa", outcome: "agreed" })).status,
      409,
      "not live",
    );
    assert.equal((await post("advisor", `/sessions/${id}`, { action: "fly" })).status, 400);
  });
});

describe("the proposed agenda", () => {
  test("holds the clauses with an open shared thread or a requested change, with why; not those with only an internal note", async () => {
    assert.equal((await post("supplier", "/threads", { clauseId: clauseIds[0], visibility: "shared", body: "Can we discuss the RPO?" })).status, 201);
    assert.equal((await post("buyer", "/threads", { clauseId: clauseIds[2], visibility: "internal", body: "Our floor." })).status, 201);
    const change = await post("buyer", "/agreements", { clauseId: clauseIds[1], decision: "needs_change", reason: "A shorter restore time." });
    assert.equal(change.status, 200, JSON.stringify(change.json));
    const { json } = await get<{ proposedAgenda: ProposedItem[] }>("advisor", `/api/negotiations/${negotiationId}/sessions`);
    const reasons = new Map(json.proposedAgenda.map((i) => [i.clauseId, i.reasons]));
    assert.ok(reasons.get(clauseIds[0]!)?.includes("threads"));
    assert.ok(reasons.get(clauseIds[1]!)?.includes("needs-change"));
    assert.ok(!reasons.get(clauseIds[2]!)?.includes("threads"), "an internal note is one party's business");
    assert.ok(
      json.proposedAgenda.every((i) => i.kind === "clause" && /^\d/.test(i.title)),
      "numbered clause titles",
    );
  });
});

describe("a session from plan to minutes", () => {
  let id: string;
  let view: SessionView;
  const command = async (body: Record<string, unknown>, who = "advisor") => {
    const res = await post(who, `/sessions/${id}`, body);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    view = res.json as unknown as SessionView;
    return view;
  };

  test("planning with an agenda notifies the parties; the agenda is reordered, added to and time-boxed", async () => {
    const planned = await post("advisor", "/sessions", {
      plannedAt,
      agenda: [
        { kind: "clause", clauseId: clauseIds[0] },
        { kind: "clause", clauseId: clauseIds[1] },
      ],
    });
    assert.equal(planned.status, 201);
    id = String(planned.json.id);
    const move = moves("session.planned").at(-1)!;
    assert.deepEqual(notifiedBy(move.id), [userId("buyer"), userId("observer"), userId("supplier")].sort(), "everyone but the advisor");

    const { json } = await get<SessionView>("buyer", `/api/negotiations/${negotiationId}/sessions/${id}`);
    assert.equal(json.state, "planned");
    assert.equal((await get("outsider", `/api/negotiations/${negotiationId}/sessions/${id}`)).status, 404, "no member, no session");
    assert.equal((await get("buyer", `/api/negotiations/${negotiationId}/sessions/dddddddddddddddddddddddddd`)).status, 404);
    const [first, second] = json.agenda;
    await command({
      action: "agenda",
      agenda: [
        { id: second!.id, kind: "clause", clauseId: clauseIds[1] },
        { kind: "topic", title: "Exit plan", timeBoxMinutes: 10 },
        { id: first!.id, kind: "clause", clauseId: clauseIds[0], timeBoxMinutes: 15 },
      ],
    });
    assert.deepEqual(
      view.agenda.map((i) => [i.id === first!.id ? "first" : i.id === second!.id ? "second" : i.title, i.timeBoxMinutes]),
      [
        ["second", null],
        ["Exit plan", 10],
        ["first", 15],
      ],
    );
    assert.equal(
      (await post("advisor", `/sessions/${id}`, { action: "agenda", agenda: [{ kind: "clause", clauseId: "bbbbbbbbbbbbbbbbbbbbbbbbbb" }] })).status,
      400,
      "no such clause",
    );
  });

  test("running it: start, record an outcome with an action for the supplier, next, end with who was present", async () => {
    await command({ action: "start" });
    assert.equal(view.state, "live");
    assert.equal(view.currentItemId, view.agenda[0]!.id);
    assert.equal(moves("session.started").length, 1);

    const supplier = userId("supplier");
    assert.equal(
      (
        await post("advisor", `/sessions/${id}`, {
          action: "record",
          itemId: view.agenda[0]!.id,
          outcome: "agreed",
          actions: [{ assigneeId: "cccccccccccccccccccccccccc", what: "x" }],
        })
      ).status,
      400,
      "an assignee must be a member",
    );
    assert.equal((await post("observer", `/sessions/${id}`, { action: "record", itemId: view.agenda[0]!.id, outcome: "agreed" })).status, 403);
    await command({
      action: "record",
      itemId: view.agenda[0]!.id,
      outcome: "agreed",
      decision: "Keep 24 hours; the supplier confirms the wording.",
      actions: [{ assigneeId: supplier, what: "Send the revised wording", dueDate: "2026-12-01" }],
    });
    assert.equal(view.agenda[0]!.outcome, "agreed");
    assert.deepEqual(
      view.agenda[0]!.actions.map((a) => [a.assigneeName, a.what, a.dueDate, a.doneAt]),
      [["Sam Supplier (Nimbus Cloud)", "Send the revised wording", "2026-12-01", null]],
    );
    const assigned = moves("session.action_assigned").at(-1)!;
    assert.ok(notifiedBy(assigned.id).includes(supplier), "the assignee hears of it");
    const agreements = sqlite.prepare("select count(*) as n from clause_agreements where negotiation_id = ? and decision = 'agreed'").get(negotiationId) as {
      n: number;
    };
    assert.equal(agreements.n, 0, "an outcome is a record of the meeting, never a party's agreement");

    await command({ action: "next" });
    assert.equal(view.currentItemId, view.agenda[1]!.id);
    // Meanwhile in the negotiation: the supplier agrees a clause, the buyer resolves a shared thread; an internal note is nobody else's.
    assert.equal((await post("supplier", "/agreements", { clauseId: clauseIds[0], decision: "agreed" })).status, 200);
    for (const visibility of ["shared", "internal"]) {
      const started = await post("buyer", "/threads", { clauseId: clauseIds[1], visibility, body: `About the wording (${visibility})` });
      assert.equal(started.status, 201);
      const threadId = (started.json.thread as { id: string }).id;
      assert.equal((await post("buyer", `/threads/${threadId}`, { action: "resolve" })).status, 200);
    }
    await command({ action: "record", itemId: view.agenda[1]!.id, outcome: "parked", decision: "" });
    assert.equal(
      (
        await post("advisor", `/sessions/${id}`, {
          action: "agenda",
          agenda: view.agenda.slice(2).map((i) => ({ id: i.id, kind: i.kind, clauseId: i.clauseId ?? undefined })),
        })
      ).status,
      409,
      "a recorded item stays",
    );
    await command({ action: "end", present: [userId("buyer"), supplier] });
    assert.equal(view.state, "ended");
    assert.equal(view.minutes.length, 1);
    const minutes = view.minutes[0]!.content;
    assert.equal(minutes.moderator, "Ada Advisor (sector body)");
    assert.deepEqual(minutes.attendees.map((a) => a.role).sort(), ["advisor", "buyer", "supplier"]);
    assert.deepEqual(
      minutes.items.map((i) => [i.outcome, i.actions.length]),
      [
        ["agreed", 1],
        ["parked", 0],
        [null, 0],
      ],
    );
    assert.deepEqual(
      minutes.duringSession?.map((e) => [e.action, e.by]),
      [
        ["clause.agreed", "Sam Supplier (Nimbus Cloud)"],
        ["thread.resolved", "Bea Buyer (Acme Retail)"],
      ],
      "what happened in the text meanwhile, without the internal note",
    );
    assert.equal((await post("advisor", `/sessions/${id}`, { action: "start" })).status, 409);
  });

  test("the minutes: append-only revisions, a Markdown file in the reader's language, carried into the next agenda", async () => {
    const before = sqlite.prepare("select content_json from session_minutes where session_id = ? and revision = 1").get(id) as { content_json: string };
    await command({ action: "correct", itemId: view.agenda[1]!.id, outcome: "change_needed", decision: "The buyer drafts a new clause.", note: "Misheard" });
    assert.deepEqual(
      view.minutes.map((m) => [m.revision, m.note, m.content.items[1]!.outcome]),
      [
        [1, null, "parked"],
        [2, "Misheard", "change_needed"],
      ],
    );
    const after = sqlite.prepare("select content_json from session_minutes where session_id = ? and revision = 1").get(id) as { content_json: string };
    assert.equal(after.content_json, before.content_json, "revision 1 is unchanged");
    assert.equal(moves("session.minutes_corrected").length, 1);

    const md = await (await as("supplier")).request(`/negotiations/${negotiationId}/sessions/${id}/minutes?format=md&revision=1`);
    assert.equal(md.status, 200);
    assert.match(md.headers.get("content-disposition") ?? "", /minutes-2026-12-10-r1\.md/);
    const text = await md.text();
    assert.match(text, /Keep 24 hours; the supplier confirms the wording\./);
    assert.match(text, /Sam Supplier \(Nimbus Cloud\): Send the revised wording/);
    assert.match(text, /^### 1\. 1\.2 /m, "a clause's number is no list");
    assert.match(text, /\*\*Parked\*\*/);
    assert.match(text, /## During the session\n\n- .* · Sam Supplier \(Nimbus Cloud\): .*agreed/i);
    assert.match(text, /Bea Buyer \(Acme Retail\): Resolved a thread on 1\.\d /);
    const nl = await (
      await as("supplier")
    ).request(`/negotiations/${negotiationId}/sessions/${id}/minutes?format=md`, { headers: { "Accept-Language": "nl" } });
    assert.match(await nl.text(), /Notulen/);
    assert.equal((await (await as("supplier")).request(`/negotiations/${negotiationId}/sessions/${id}/minutes?format=html`)).status, 400);

    const { json } = await get<{ proposedAgenda: ProposedItem[] }>("advisor", `/api/negotiations/${negotiationId}/sessions`);
    const first = json.proposedAgenda.find((i) => i.clauseId === view.agenda[0]!.clauseId);
    assert.ok(first?.reasons.includes("open-action"), "the open action carries over");
    const parked = json.proposedAgenda.find((i) => i.clauseId === view.agenda[1]!.clauseId);
    assert.ok(parked?.reasons.includes("parked"), "as recorded in the meeting, whatever the correction says");
  });

  test("the minutes as Word and PDF, from the page's address and the API's; a bad query is a 400, a non-member is refused", async () => {
    const minutesUrl = (base: string, query: string) => `${base}/negotiations/${negotiationId}/sessions/${id}/minutes?${query}`;
    const expected = [
      "Keep 24 hours; the supplier confirms the wording.",
      "Sam Supplier (Nimbus Cloud): Send the revised wording",
      "Bea Buyer (Acme Retail)",
      "The buyer drafts a new clause.",
    ];
    const types = { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", pdf: "application/pdf" } as const;
    for (const base of ["", "/api"]) {
      for (const format of ["docx", "pdf"] as const) {
        const res = await (await as("buyer")).request(minutesUrl(base, `format=${format}`));
        assert.equal(res.status, 200, `${base} ${format}`);
        assert.equal(res.headers.get("content-type"), types[format]);
        assert.match(res.headers.get("content-disposition") ?? "", new RegExp(`minutes-2026-12-10-r2\\.${format}`));
        const bytes = await res.arrayBuffer();
        assert.equal(res.headers.get("content-length"), String(bytes.byteLength));
        const text = (format === "docx" ? await docxText(bytes) : await pdfText(bytes)).replace(/\s+/g, " ");
        for (const words of expected) assert.ok(text.includes(words), `${base} ${format}: ${words}`);
        assert.equal(JSON.parse(moves("export").at(-1)!.detail_json).format, format, "recorded with its format");
      }
    }
    const nl = await (await as("supplier")).request(minutesUrl("/api", "format=pdf&revision=1"), { headers: { "Accept-Language": "nl" } });
    assert.match(nl.headers.get("content-disposition") ?? "", /minutes-2026-12-10-r1\.pdf/);
    const nlText = (await pdfText(await nl.arrayBuffer())).replace(/\s+/g, " ");
    assert.ok(nlText.includes("Notulen") && nlText.includes("Geparkeerd"), "in the reader's language, the revision asked for");

    for (const query of ["format=html", "format=pdf&revision=0", ""]) {
      const bad = await get<{ code: string; error: string }>("buyer", minutesUrl("/api", query));
      assert.equal(bad.status, 400, query);
      assert.equal(bad.json.code, "sessions.error.badMinutesQuery");
    }
    assert.equal((await get<{ code: string }>("buyer", minutesUrl("/api", "format=pdf&revision=9"))).status, 404, "no such revision");
    const outsider = await get<{ code: string }>("outsider", minutesUrl("/api", "format=pdf"));
    assert.equal(outsider.status, 404);
    assert.equal(outsider.json.code, "error.notMember");
    assert.equal((await (await as("outsider")).request(minutesUrl("", "format=docx"))).status, 404);
    const anonymous = await fetch(`${server.url}${minutesUrl("/api", "format=pdf")}`);
    assert.equal(anonymous.status, 401);
  });

  test("the assignee sees the action among theirs and marks it done; nobody else but the moderator may", async () => {
    const mine = await get<MyAction[]>("supplier", "/api/actions");
    const action = mine.json.find((a) => a.sessionId === id)!;
    assert.equal(action.what, "Send the revised wording");
    assert.equal(action.negotiationId, negotiationId);
    assert.equal((await get<MyAction[]>("buyer", "/api/actions")).json.filter((a) => a.sessionId === id).length, 0);
    assert.equal((await post("buyer", `/actions/${action.id}`, { done: true })).status, 403);
    const done = await post("supplier", `/actions/${action.id}`, { done: true });
    assert.equal(done.status, 200);
    assert.equal(done.json.doneByName, "Sam Supplier (Nimbus Cloud)");
    assert.equal(moves("session.action_done").length, 1);
    assert.equal((await post("supplier", `/actions/${action.id}`, { done: true })).status, 200, "again: nothing new recorded");
    assert.equal(moves("session.action_done").length, 1);
  });
});
