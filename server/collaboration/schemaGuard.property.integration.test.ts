// Property: whatever mix of honest edits (from three members at once) and hand-written hostile
// updates arrives, the server's schedule stays a valid schedule, every honest peer converges to it,
// and a hostile update is refused with its close code and reaches no one. Seeded: a failure names
// its seed and step; replay with TEST_SEED=<seed> (PROPERTY_STEPS=<n> for a longer run).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import * as Y from "yjs";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { demoCookies } from "../test/demoLogins";
import { clauseCopy, invalidUpdates, orphanUpdate, type InvalidUpdate } from "../test/invalidScheduleUpdates";
import { assertValidSchedule, textBlock, clausesOf, updateOf } from "../test/scheduleShape";
import { seededRandom, testSeed } from "../test/seededRandom";
import { SyncPeer } from "../test/syncPeer";
import { startTestServer, type TestServer } from "../test/testServer";
import { planRound, randomValidEdit } from "../test/validScheduleEdits";

const seed = testSeed();
const steps = Number(process.env.PROPERTY_STEPS ?? 400);
const maxScheduleBytes = 256 * 1024;
const editorRoles = ["buyer", "supplier", "advisor"] as const;

const random = seededRandom(seed);
const cookies: Record<string, string> = {};
let server: TestServer;
let negotiationId: string;

interface Member {
  who: string;
  peer: SyncPeer;
}
let editors: Member[] = [];
let observer: Member;
const everyone = () => [...editors, observer];

const clientId = () => random.int(1, 2 ** 31 - 1);
const connect = async (who: string): Promise<Member> => ({
  who,
  peer: await SyncPeer.connect(server.url, negotiationId, cookies[who]!, { label: who, clientId: clientId() }),
});
const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
const content = (member: Member) => JSON.stringify(assertValidSchedule(member.peer.doc, member.who).toJSON());

before(async () => {
  // Every refused peer reconnects with a fresh document, many times a minute.
  server = await startTestServer({ env: { MAX_SCHEDULE_BYTES: String(maxScheduleBytes), COLLAB_CONNECTS_PER_MINUTE: "100000" } });
  Object.assign(cookies, await demoCookies(server.url, [...editorRoles, "observer"]));
  negotiationId = await pilotNegotiationId(server.url);
});

after(async () => {
  for (const member of everyone()) member?.peer.destroy();
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/**
 * Two barriers from every peer: after the first the server has processed everything anyone sent;
 * after the second every peer has received what the server broadcast for it. Barriers carry no
 * document data, so peers converge by the server's broadcasts alone, as y-websocket clients do.
 */
async function settle(members = everyone()) {
  await Promise.all(members.map((m) => m.peer.barrier()));
  await Promise.all(members.map((m) => m.peer.barrier()));
}

function assertConverged(members = everyone()) {
  const [first, ...rest] = members;
  const expected = content(first!);
  const vector = stateVector(first!.peer.doc);
  for (const member of members) {
    assert.ok(member.peer.open, `${member.who} is still connected (closed: ${JSON.stringify(member.peer.closed)})`);
    assert.deepEqual(member.peer.errors, [], `${member.who} could apply everything it received`);
  }
  for (const member of rest) {
    assert.deepEqual(stateVector(member.peer.doc), vector, `${member.who} has the same Yjs state as ${first!.who}`);
    assert.equal(content(member), expected, `${member.who} has the same schedule as ${first!.who}`);
  }
}

/** What the server holds, read by a member who just connected, is what the peers hold. */
async function assertServerHolds() {
  const reader = await connect("observer");
  try {
    assertConverged([editors[0]!, reader]);
  } finally {
    await reader.peer.close();
    reader.peer.destroy();
  }
}

function assertReachedNoOne(scratchClient: number, what: string) {
  for (const member of everyone()) assert.ok(!stateVector(member.peer.doc).has(scratchClient), `${what} reached ${member.who}`);
}

async function replace(member: Member) {
  member.peer.destroy();
  const fresh = await connect(member.who);
  editors[editors.indexOf(member)] = fresh;
}

const pickEditor = () => random.pick(editors);
const others = (member: Member) => editors.filter((m) => m !== member);

async function honestRound(log: string[]) {
  const plan = planRound(editors[0]!.peer.fragment, true);
  const active = editors.filter(() => random.chance(0.6));
  if (active.length === 0) active.push(pickEditor());
  // All edits of a round happen before any peer hears of the others': they are concurrent.
  for (const member of active) {
    for (let i = random.int(1, 2); i > 0; i--) log.push(`${member.who}: ${randomValidEdit(member.peer.doc, member.peer.fragment, random, plan)}`);
  }
}

const attacks = invalidUpdates({ maxScheduleBytes });
const attackOrder: InvalidUpdate[] = [];
const attacksSeen = new Set<string>();

/** Every kind of invalid update in turn (in a seeded order), so each is tried in every run. */
function nextAttack(): InvalidUpdate {
  if (attackOrder.length === 0) {
    const deck = [...attacks];
    while (deck.length) attackOrder.push(deck.splice(random.int(0, deck.length - 1), 1)[0]!);
  }
  return attackOrder.shift()!;
}

async function hostileRound(log: string[]) {
  const attack = nextAttack();
  const offender = pickEditor();
  // The others keep typing meanwhile (text only: a concurrent structure change could turn an
  // invalid update into a valid one, e.g. a heading that was about to be deleted anyway).
  const plan = planRound(offender.peer.fragment, false);
  for (const member of others(offender))
    if (random.chance(0.5)) log.push(`${member.who}: ${randomValidEdit(member.peer.doc, member.peer.fragment, random, plan)}`);
  const scratchClient = clientId();
  const copy = offender.peer.scratchCopy(scratchClient);
  const update = attack.build(copy, random);
  copy.destroy();
  log.push(`${offender.who} sends ${attack.name}`);
  offender.peer.sendUpdate(update);
  const answered = await offender.peer.barrier().then(
    () => true,
    () => false,
  );
  assert.ok(!answered, `${attack.name}: the server took it and kept the connection open`);
  assert.equal(offender.peer.closed!.code, attack.closeCode, `${attack.name}: close code (reason: ${offender.peer.closed!.reason})`);
  assert.ok(offender.peer.closed!.reason.length > 0, `${attack.name}: the close says why`);
  attacksSeen.add(attack.name);
  await settle(others(offender).concat(observer));
  assertReachedNoOne(scratchClient, attack.name);
  await replace(offender);
}

/** Updates that build on what the server does not have are dropped, and not kept for later. */
async function orphanRound(log: string[]) {
  const sender = pickEditor();
  const scratchClient = clientId();
  const copy = sender.peer.scratchCopy(scratchClient);
  try {
    const { missing, orphan, kind } = orphanUpdate(copy, random);
    log.push(`${sender.who} sends ${kind}`);
    const requests = sender.peer.serverSyncRequests;
    sender.peer.sendUpdate(orphan);
    await sender.peer.barrier();
    assert.ok(sender.peer.serverSyncRequests > requests, `${kind}: the server asks for what it misses (sync step 1)`);
    await settle();
    assertReachedNoOne(scratchClient, kind);
    if (random.chance(0.5)) {
      // The missing part arrives later, from someone else: the dropped update must not come with it.
      const courier = random.pick(others(sender));
      log.push(`${courier.who} sends the missing part`);
      const expected = new Y.Doc();
      Y.applyUpdate(expected, Y.encodeStateAsUpdate(courier.peer.doc));
      Y.applyUpdate(expected, missing);
      const expectedVector = stateVector(expected);
      expected.destroy();
      Y.applyUpdate(courier.peer.doc, missing); // the courier sends it on, as a client that had it would
      await settle();
      for (const member of everyone()) assert.deepEqual(stateVector(member.peer.doc), expectedVector, `${kind}: only the missing part landed at ${member.who}`);
    }
  } finally {
    copy.destroy();
  }
}

/**
 * A connection that keeps sending such updates (and never what they build on) is closed with 4400,
 * even while it dutifully answers the server's sync requests with nothing.
 */
async function orphanFloodRound(log: string[]) {
  const sender = pickEditor();
  const scratchClient = clientId();
  const copy = sender.peer.scratchCopy(scratchClient);
  log.push(`${sender.who} keeps sending updates with missing dependencies`);
  for (let i = 0; i < 100 && sender.peer.open; i++) {
    sender.peer.sendUpdate(orphanUpdate(copy, random).orphan);
    await sender.peer.barrier().catch(() => undefined);
  }
  copy.destroy();
  assert.equal(sender.peer.closed?.code, CloseCode.malformedMessage, "a flood of updates with missing dependencies closes the connection");
  await settle(others(sender).concat(observer));
  assertReachedNoOne(scratchClient, "the flood");
  await replace(sender);
}

/**
 * A clause that arrives with an existing clause's id is taken, but the copy gets a fresh id and the
 * original keeps its own, for everyone (the sender too, when it made the copy in its own document
 * as a browser pasting a clause does).
 */
async function copyRound(log: string[]) {
  const sender = pickEditor();
  const inOwnDocument = random.chance(0.5);
  const doc = inOwnDocument ? sender.peer.doc : sender.peer.scratchCopy(clientId());
  const copy = clauseCopy(doc, random);
  const originalItem = copy.original._item!.id;
  const originalId = copy.original.getAttribute("id");
  log.push(`${sender.who} sends ${copy.name}${inOwnDocument ? " from its own document" : ""}`);
  const update = updateOf(doc, copy.make); // from its own document, the peer sends it by itself
  const copyItem = clausesOf(doc.getXmlFragment("prosemirror")).find((c) => c !== copy.original && c.getAttribute("id") === originalId)!._item!.id;
  if (!inOwnDocument) {
    sender.peer.sendUpdate(update);
    doc.destroy();
  }
  await settle();
  for (const member of everyone()) {
    const clauses = clausesOf(member.peer.fragment);
    const find = (id: Y.ID) => clauses.find((c) => Y.compareIDs(c._item!.id, id));
    assert.equal(find(originalItem)?.getAttribute("id"), originalId, `${copy.name}: the original keeps its id at ${member.who}`);
    const copied = find(copyItem);
    assert.ok(copied, `${copy.name}: the copy is there at ${member.who}`);
    assert.notEqual(copied.getAttribute("id"), originalId, `${copy.name}: the copy has a new id at ${member.who}`);
  }
}

/** Observers may send anything: it is dropped without a word, and they stay connected. */
async function observerRound(log: string[]) {
  const scratchClient = clientId();
  const copy = observer.peer.scratchCopy(scratchClient);
  const honest = random.chance(0.5);
  const update = honest
    ? updateOf(copy, () => random.pick(clausesOf(copy.getXmlFragment("prosemirror"))).insert(1, [textBlock("paragraph", "observer text")]))
    : random.pick(attacks).build(copy, random);
  copy.destroy();
  log.push(`observer sends ${honest ? "an edit" : "an invalid update"}`);
  observer.peer.sendUpdate(update);
  await observer.peer.barrier();
  await settle();
  assertReachedNoOne(scratchClient, "the observer's update");
}

test(`random honest and hostile updates from three members keep the schedule valid and everyone converged (seed ${seed})`, { timeout: 300_000 }, async (t) => {
  t.diagnostic(`seed ${seed}: replay with TEST_SEED=${seed}`);
  editors = [];
  for (const who of editorRoles) editors.push(await connect(who));
  observer = await connect("observer");
  const rounds = new Map<string, number>();
  for (let step = 0; step < steps; step++) {
    const log: string[] = [];
    const roll = random.next();
    const [name, round] =
      roll < 0.25
        ? ["hostile", hostileRound]
        : roll < 0.3
          ? ["orphan", orphanRound]
          : roll < 0.33
            ? ["observer", observerRound]
            : roll < 0.36
              ? ["copy", copyRound]
              : ["honest", honestRound];
    const kind = step === Math.floor(steps / 2) ? "orphan flood" : name;
    try {
      await (kind === "orphan flood" ? orphanFloodRound : round)(log);
      await settle();
      assertConverged();
      if (step % 25 === 24) await assertServerHolds();
    } catch (error) {
      throw new Error(`seed ${seed}, step ${step} (${kind}: ${log.join("; ")}): ${(error as Error).message}`, { cause: error });
    }
    rounds.set(kind, (rounds.get(kind) ?? 0) + 1);
  }
  await assertServerHolds();
  t.diagnostic(`rounds: ${JSON.stringify(Object.fromEntries(rounds))}; invalid kinds refused: ${attacksSeen.size}/${attacks.length}`);
  if (steps >= 400) assert.equal(attacksSeen.size, attacks.length, "every kind of invalid update was tried");
});
