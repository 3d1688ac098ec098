// Fuzz: authenticated members send at least 10,000 malformed or mutated frames (see
// server/test/fuzzFrames.ts) while three honest clients keep editing. The server must stay up,
// close only the fuzzers (with documented codes), keep relaying the honest edits, and end with a
// schedule that is valid and holds every honest edit, live and as stored. Seeded: replay a run
// with TEST_SEED=<seed>; FUZZ_FRAMES=<n> sends more.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { scheduleFromJson } from "../../shared/editor/scheduleModel";
import { maxMessageBytes } from "./collaborationServer";
import { MessageType } from "./messageType";
import { waitFor } from "../test/collabClient";
import { demoCookies } from "../test/demoLogins";
import { fuzzClause, fuzzFrame, validMessages } from "../test/fuzzFrames";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { assertValidSchedule, childElements, clausesOf, textOf } from "../test/scheduleShape";
import { seededRandom, testSeed, type Random } from "../test/seededRandom";
import { SyncPeer } from "../test/syncPeer";
import { startTestServer, type TestServer } from "../test/testServer";

const seed = testSeed();
const frameTarget = Number(process.env.FUZZ_FRAMES ?? 10_000);
/** A fuzzing connection closes itself after this many frames, well inside the message rate limit. */
const framesPerConnection = 150;
/** Three editors' sockets and an observer's: members who may edit and one who may not. */
const fuzzers = ["advisor", "advisor", "advisor", "observer"] as const;
/** Codes a fuzzer may be closed with; anything else (1006: dropped without a close, 1011: crash) is a failure. */
const expectedCloses = new Set<number>([
  1000, // our own close after framesPerConnection
  1009, // a frame over maxMessageBytes
  CloseCode.malformedMessage,
  CloseCode.updateRefused,
  CloseCode.documentTooLarge,
  CloseCode.rateLimited,
]);

let server: TestServer;
let negotiationId: string;
const cookies: Record<string, string> = {};
const peers: SyncPeer[] = [];

before(async () => {
  // The fuzzers reconnect after every close, thousands of times a minute, on purpose.
  server = await startTestServer({ env: { COLLAB_CONNECTS_PER_MINUTE: "1000000" } });
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "advisor", "observer"]));
  negotiationId = await pilotNegotiationId(server.url);
});

after(async () => {
  for (const peer of peers) peer.destroy();
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function connect(who: string, label = who): Promise<SyncPeer> {
  const peer = await SyncPeer.connect(server.url, negotiationId, cookies[who]!, { label });
  peers.push(peer);
  return peer;
}

function clauseById(doc: Y.Doc, id: string): Y.XmlElement | undefined {
  return clausesOf(doc.getXmlFragment("prosemirror")).find((c) => c.getAttribute("id") === id);
}

const clauseText = (doc: Y.Doc, id: string) => {
  const clause = clauseById(doc, id);
  return clause
    ? childElements(clause, "paragraph")
        .map((p) => textOf(p)?.toString() ?? "")
        .join("\n")
    : "";
};

/**
 * How many sync step 2 answers the server owes for `frame`: one for a sync step 1 with a decodable
 * state vector (answered before the server notices any trailing bytes, which then close the socket).
 */
function answersOwed(frame: Uint8Array | string): number {
  if (typeof frame === "string") return 0;
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return 0;
    Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    return 1;
  } catch {
    return 0;
  }
}

interface FuzzStats {
  frames: number;
  connections: number;
  closes: Map<number, number>;
  refusedUpgrades: number;
}

/**
 * One fuzzing member's socket after socket: each frame is followed by a sync step 1, and the next
 * frame goes only when that is answered or the socket closed, so every frame counted was handled by
 * the server on an open connection.
 */
async function fuzzStream(who: string, random: Random, valid: Uint8Array[], stats: FuzzStats, oversizeAt: Set<number>) {
  while (stats.frames < frameTarget) {
    let peer: SyncPeer;
    try {
      peer = await SyncPeer.connect(server.url, negotiationId, cookies[who]!, { label: `fuzzer ${who}` });
    } catch (error) {
      // The per-member connection limit (20): a closing socket may not be counted out yet.
      if (!/HTTP 429/.test((error as Error).message)) throw error;
      stats.refusedUpgrades += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    stats.connections += 1;
    peer.answersSyncRequests = random.chance(0.5);
    for (let n = 0; n < framesPerConnection && peer.open && stats.frames < frameTarget; n++) {
      const frame = oversizeAt.delete(stats.frames) ? new Uint8Array(maxMessageBytes + 1) : fuzzFrame(random, valid);
      stats.frames += 1;
      peer.sendExpectingReplies(frame, answersOwed(frame)).catch(() => undefined);
      await peer.roundTrip().catch(() => undefined);
    }
    const { code } = await peer.close();
    stats.closes.set(code, (stats.closes.get(code) ?? 0) + 1);
    assert.deepEqual(peer.errors, [], "the server sent the fuzzer only messages it could apply");
    peer.destroy();
  }
}

/** Buyer and supplier take turns appending a marker to their own clause; the other two must see it. */
async function honestEditing(clients: { who: string; peer: SyncPeer; clauseId: string }[], done: () => boolean) {
  const markers: { clauseId: string; text: string }[] = [];
  for (let i = 0; !done(); i++) {
    const writer = clients[i % 2]!;
    const marker = { clauseId: writer.clauseId, text: `[${writer.who}-${i}]` };
    const run = textOf(childElements(clauseById(writer.peer.doc, writer.clauseId)!, "paragraph")[0]!)!;
    run.insert(run.length, marker.text);
    markers.push(marker);
    const readers = clients.filter((c) => c !== writer);
    await waitFor(
      () => readers.every((r) => clauseText(r.peer.doc, marker.clauseId).includes(marker.text)),
      `${marker.text} reaching the other honest clients`,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return markers;
}

function assertHoldsEveryEdit(doc: Y.Doc, markers: { clauseId: string; text: string }[], who: string) {
  assertValidSchedule(doc, who);
  for (const marker of markers) assert.ok(clauseText(doc, marker.clauseId).includes(marker.text), `${who} holds ${marker.text}`);
}

test(
  `${frameTarget} fuzzed frames from members leave the server up, the honest clients working and the schedule intact (seed ${seed})`,
  { timeout: 600_000 },
  async (t) => {
    t.diagnostic(`seed ${seed}: replay with TEST_SEED=${seed}`);
    const random = seededRandom(seed);

    // The fuzzers' valid messages come from the schedule before anyone else edits it.
    const template = await connect("advisor", "template");
    const copy = template.scratchCopy(random.int(1, 2 ** 31 - 1));
    const valid = validMessages(copy, fuzzClause(copy), random);
    copy.destroy();
    await template.close();

    const [first, second] = clausesOf(template.fragment).map((c) => String(c.getAttribute("id")));
    const honest = [
      { who: "buyer", peer: await connect("buyer"), clauseId: first! },
      { who: "supplier", peer: await connect("supplier"), clauseId: second! },
      { who: "buyer (second tab)", peer: await connect("buyer", "buyer (second tab)"), clauseId: first! },
    ];

    let fuzzing = true;
    const health: number[] = [];
    const healthChecks = (async () => {
      while (fuzzing) {
        health.push(
          await fetch(`${server.url}/healthz`).then(
            (res) => res.status,
            () => 0,
          ),
        ); // 0: no answer at all
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const editing = honestEditing(honest, () => !fuzzing);

    const stats: FuzzStats = { frames: 0, connections: 0, closes: new Map(), refusedUpgrades: 0 };
    const oversizeAt = new Set([Math.floor(frameTarget / 4), Math.floor(frameTarget / 2), Math.floor((3 * frameTarget) / 4)]);
    try {
      await Promise.all(fuzzers.map((who, i) => fuzzStream(who, seededRandom(seed + i + 1), valid, stats, oversizeAt)));
    } finally {
      fuzzing = false;
    }
    const markers = await editing;
    await healthChecks;
    t.diagnostic(
      `${stats.frames} frames over ${stats.connections} connections (${stats.refusedUpgrades} upgrades refused at the connection limit); ` +
        `closes: ${JSON.stringify(Object.fromEntries(stats.closes))}; ${markers.length} honest edits; ${health.length} health checks`,
    );

    assert.ok(stats.frames >= frameTarget, `sent ${stats.frames} frames`);
    for (const code of stats.closes.keys()) assert.ok(expectedCloses.has(code), `a fuzzer was closed with ${code}`);
    assert.ok(stats.closes.get(1009), "a frame over the size limit was refused by ws (1009)");
    assert.ok(health.length > 0 && health.every((status) => status === 200), `GET /healthz answered ${[...new Set(health)].join(", ")}`);
    assert.ok(markers.length >= 10, `the honest clients kept editing (${markers.length} edits)`);
    for (const client of honest) {
      assert.ok(client.peer.open, `${client.who} is still connected (${JSON.stringify(client.peer.closed)})`);
      assert.deepEqual(client.peer.errors, [], `${client.who} could apply everything it received`);
      assertHoldsEveryEdit(client.peer.doc, markers, client.who);
    }
    const reader = await connect("observer", "fresh reader");
    assertHoldsEveryEdit(reader.doc, markers, "a client that connects after the run");

    // Everyone leaves: the room is stored and unloaded; what is stored is the same schedule.
    for (const peer of peers) await peer.close();
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    try {
      const last = markers.at(-1)!.text;
      const stored = () =>
        (db.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as { content_json: string }).content_json;
      await waitFor(() => stored().includes(last), "the room to be stored at unload", 30_000);
      const json = scheduleFromJson(JSON.parse(stored()));
      json.check();
      for (const marker of markers) assert.ok(json.textContent.includes(marker.text), `the stored schedule holds ${marker.text}`);
    } finally {
      db.close();
    }
    const afterUnload = await connect("observer", "reader after unload");
    assertHoldsEveryEdit(afterUnload.doc, markers, "a client of the reloaded room");
  },
);
