import type { Member } from "../../shared/member";
import { partyOf } from "../../shared/roles";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { structureUnitId } from "../../shared/agreements/scheduleStructure";
import { numberClauses } from "../../shared/editor/numbering";
import type { Role } from "../../shared/roles";
import { addNegotiation, addUser, startInProcessServer, type InProcessServer, type TestUser } from "../test/inProcessServer";
import { decideClause } from "./clauseDecisions";
import { readSchedule } from "./scheduleDocument";
import { signOff } from "./signOff";
import { listVersions } from "./versions";

// signOff through its public function, on the real database and document store: who may sign,
// what blocks it, and what both signatures on the same text do.

/** Every member of each test's negotiation; "junior" is a supplier member who is no owner. */
const roles = { buyer: "buyer", supplier: "supplier", advisor: "advisor", junior: "supplier", observer: "observer" } as const satisfies Record<string, Role>;
type Who = keyof typeof roles;
const members = Object.keys(roles) as Who[];
const owners = new Set<Who>(["buyer", "supplier"]);

let server: InProcessServer;
const people = new Map<Who, TestUser>();

before(async () => {
  server = await startInProcessServer();
  for (const who of members) people.set(who, await addUser(server.services, who));
});
after(() => server.close());

const as = (who: Who, negotiationId: string): Member => ({
  negotiationId,
  userId: people.get(who)!.id,
  name: who,
  role: roles[who],
  party: partyOf(roles[who]),
  owner: owners.has(who),
});

const negotiation = (schedule?: Parameters<typeof addNegotiation>[2]) =>
  addNegotiation(
    server.services,
    members.map((who) => ({ user: people.get(who)!, role: roles[who], isOwner: owners.has(who) })),
    schedule,
  );

/** Both parties agree to every clause and the structure, except the clauses named. */
async function agreeAll(negotiationId: string, except: string[] = []) {
  const units = [...numberClauses(readSchedule(server.services, negotiationId)).map((c) => c.id), structureUnitId].filter((id) => !except.includes(id));
  for (const who of ["buyer", "supplier"] as const) {
    for (const clauseId of units) await decideClause(server.services, negotiationId, as(who, negotiationId), { clauseId, decision: "agreed" });
  }
}

/** The refusal a member is shown: its HTTP status and message. */
async function refusal(attempt: Promise<unknown>): Promise<{ status: number; messageKey: string; details?: Record<string, unknown> }> {
  try {
    await attempt;
  } catch (error) {
    const { status, messageKey, details } = error as { status: number; messageKey: string; details?: Record<string, unknown> };
    return { status, messageKey, details };
  }
  throw new Error("not refused");
}

const frozenAt = async (negotiationId: string) =>
  await server.services.db.selectFrom("negotiations").select(["frozen_at", "review_due_at"]).where("id", "=", negotiationId).executeTakeFirstOrThrow();

describe("who may sign", () => {
  test("only an owner of the buyer or supplier party; advisors, observers and other party members may not", async () => {
    const id = await negotiation();
    await agreeAll(id);
    for (const who of ["advisor", "junior", "observer"] as const) {
      assert.deepEqual(
        await refusal(signOff(server.services, id, as(who, id), "en")),
        { status: 403, messageKey: "agreements.error.notOwner", details: undefined },
        who,
      );
    }
    assert.equal((await signOff(server.services, id, as("buyer", id), "en")).effective, false, "an owner may");
  });
});

describe("what blocks a sign-off", () => {
  test("a clause not agreed by both parties, named in the refusal with its number", async () => {
    const id = await negotiation();
    const [, open] = numberClauses(readSchedule(server.services, id));
    await agreeAll(id, [open!.id]);
    const refused = await refusal(signOff(server.services, id, as("supplier", id), "en"));
    assert.equal(refused.status, 409);
    assert.equal(refused.messageKey, "agreements.error.notAllAgreed");
    assert.deepEqual(refused.details, { blocking: [{ clauseId: open!.id, number: "1.2", heading: "Logging", status: "open", placeholders: [] }] });
  });

  test("a blank still to fill in: the clause cannot be agreed (the refusal names it) and sign-off lists it", async () => {
    const fields = [{ id: "annex", label: "annex number", hint: "Where the locations are listed." }];
    const id = await negotiation({
      sections: [{ heading: "Data", clauses: [{ heading: "Location", requirement: null, body: ["Locations are listed in Annex {{annex}}."], fields }] }],
    });
    const [blank] = numberClauses(readSchedule(server.services, id));
    const refused = await refusal(decideClause(server.services, id, as("buyer", id), { clauseId: blank!.id, decision: "agreed" }, "en"));
    assert.deepEqual(refused, { status: 409, messageKey: "agreements.error.unfilledPlaceholder", details: { placeholders: ["annex number"] } });
    await decideClause(server.services, id, as("buyer", id), { clauseId: blank!.id, decision: "needs_change", reason: "Which annex?" });
    await agreeAll(id, [blank!.id]);
    const blocked = await refusal(signOff(server.services, id, as("buyer", id), "en"));
    assert.deepEqual(blocked.details, {
      blocking: [{ clauseId: blank!.id, number: "1.1", heading: "Location", status: "needs-change", placeholders: ["annex number"] }],
    });
  });

  test("a schedule without clauses: there is nothing to sign", async () => {
    const id = await negotiation({ sections: [{ heading: "Empty", clauses: [] }] });
    await agreeAll(id);
    assert.deepEqual(await refusal(signOff(server.services, id, as("buyer", id), "en")), {
      status: 409,
      messageKey: "agreements.error.empty",
      details: undefined,
    });
  });
});

describe("both parties signing the same text", () => {
  test("the first signature waits for the other; the second makes it effective: a version, frozen, reviewed in a year", async () => {
    const id = await negotiation();
    await agreeAll(id);
    const first = await signOff(server.services, id, as("buyer", id), "en");
    assert.equal(first.effective, false);
    assert.equal(first.frozenAt, null);
    assert.deepEqual(
      first.signoffs.map((s) => s.party),
      ["buyer"],
    );
    assert.equal((await frozenAt(id)).frozen_at, null);

    const second = await signOff(server.services, id, as("supplier", id), "en");
    assert.equal(second.effective, true);
    assert.ok(second.frozenAt);
    const row = await frozenAt(id);
    assert.equal(row.frozen_at, second.frozenAt);
    const year = 365 * 24 * 60 * 60 * 1000;
    assert.equal(row.review_due_at, row.frozen_at! + year);
    const versions = await listVersions(server.services.db, id);
    assert.deepEqual(
      versions.map((v) => v.kind),
      ["effective"],
    );
  });

  test("once in force, signing again is refused, and so are further decisions", async () => {
    const id = await negotiation();
    await agreeAll(id);
    await signOff(server.services, id, as("buyer", id), "en");
    await signOff(server.services, id, as("supplier", id), "en");
    assert.deepEqual(await refusal(signOff(server.services, id, as("buyer", id), "en")), {
      status: 409,
      messageKey: "agreements.error.alreadyEffective",
      details: undefined,
    });
    const [clause] = numberClauses(readSchedule(server.services, id));
    assert.equal(
      (await refusal(decideClause(server.services, id, as("buyer", id), { clauseId: clause!.id, decision: "agreed" }))).messageKey,
      "agreements.error.frozen",
    );
  });
});
