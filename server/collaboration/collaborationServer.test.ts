import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { CustomMessage } from "../../shared/collaboration/messages";
import { freezeNegotiation } from "../../db/queries/negotiations";
import { changeFrozenState } from "../agreements/frozenState";
import { createSession, invalidateOtherSessions, invalidateSession } from "../auth/sessions";
import { addNegotiation, addUser, startInProcessServer, type InProcessServer, type TestUser } from "../test/inProcessServer";
import { MessageType } from "./messageType";

// The collaboration server in this process: real SQLite, real sockets, no spawned server.

let server: InProcessServer;
let buyer: TestUser;
let observer: TestUser;
let outsider: TestUser;
let negotiationId: string;

before(async () => {
  server = await startInProcessServer();
  [buyer, observer, outsider] = [await addUser(server.services, "Bea"), await addUser(server.services, "Otto"), await addUser(server.services, "Xavier")];
  negotiationId = await addNegotiation(server.services, [
    { user: buyer, role: "buyer", isOwner: true },
    { user: observer, role: "observer" },
  ]);
});
after(() => server.close());

interface OpenSocket {
  ws: WebSocket;
  /** Every binary frame received, in order. */
  frames: Uint8Array[];
  closed: Promise<number>;
}

/** Opens a socket as a browser on our page would; resolves once the server's first frame arrived. */
async function connect(user: TestUser, room = negotiationId, cookie = user.cookie): Promise<OpenSocket> {
  const ws = new WebSocket(`${server.wsUrl}/${room}`, { headers: { Cookie: cookie, Origin: server.origin } });
  const frames: Uint8Array[] = [];
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  const first = new Promise<void>((resolve, reject) => {
    ws.on("message", (data: Buffer) => {
      frames.push(new Uint8Array(data));
      resolve();
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
  await first;
  return { ws, frames, closed };
}

/** The HTTP status an upgrade is refused with. */
function refusal(headers: Record<string, string>, room = negotiationId): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}/${room}`, { headers });
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("open", () => {
      ws.close();
      reject(new Error("the upgrade was accepted"));
    });
    ws.once("error", () => undefined);
  });
}

function customMessages(socket: OpenSocket, type: number): unknown[] {
  return socket.frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === type ? [JSON.parse(decoding.readVarString(decoder))] : [];
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("who may connect", { timeout: 10_000 }, () => {
  test("a member's socket opens and starts the sync handshake", async () => {
    const socket = await connect(buyer);
    assert.equal(socket.frames[0]![0], MessageType.sync, "the first frame is the server's sync step 1");
    assert.deepEqual([...server.services.collaboration.onlineUserIds(negotiationId)], [buyer.id]);
    socket.ws.close();
    await socket.closed;
  });

  test("without a session, from another site, or to a negotiation one is not in, the upgrade is refused", async () => {
    assert.equal(await refusal({ Origin: server.origin }), 401);
    assert.equal(await refusal({ Cookie: buyer.cookie, Origin: "https://evil.example" }), 403);
    assert.equal(await refusal({ Cookie: outsider.cookie, Origin: server.origin }), 404);
  });
});

describe("ending sessions closes their sockets", { timeout: 10_000 }, () => {
  test("logging out closes that session's socket and no other", async () => {
    const user = await addUser(server.services, "Lou");
    const other = await addUser(server.services, "Ines");
    const room = await addNegotiation(server.services, [
      { user, role: "buyer", isOwner: true },
      { user: other, role: "supplier", isOwner: true },
    ]);
    const leaving = await connect(user, room);
    const staying = await connect(other, room);
    await invalidateSession(server.services.db, user.sessionId);
    assert.equal(await leaving.closed, CloseCode.unauthenticated);
    await settle();
    assert.equal(staying.ws.readyState, WebSocket.OPEN);
    staying.ws.close();
  });

  test("signing out elsewhere closes the other sessions' sockets, not this one's", async () => {
    const here = await addUser(server.services, "Sam");
    const room = await addNegotiation(server.services, [{ user: here, role: "supplier", isOwner: true }]);
    const { token } = await createSession(server.services.db, here.id);
    const elsewhere = await connect(here, room, `session=${token}`);
    const current = await connect(here, room);
    assert.equal(await invalidateOtherSessions(server.services.db, here.id, here.sessionId), 1);
    assert.equal(await elsewhere.closed, CloseCode.unauthenticated);
    await settle();
    assert.equal(current.ws.readyState, WebSocket.OPEN);
    current.ws.close();
  });
});

describe("pushes and rights", { timeout: 10_000 }, () => {
  test("a push reaches only the members the pushing domain admits", async () => {
    const buyerSocket = await connect(buyer);
    const observerSocket = await connect(observer);
    server.services.collaboration.push(negotiationId, CustomMessage.thread, { id: "t1" }, (member) => member.role === "buyer");
    server.services.collaboration.push(negotiationId, CustomMessage.agreements, { round: 0 }, () => true);
    await settle();
    assert.deepEqual(customMessages(buyerSocket, CustomMessage.thread), [{ id: "t1" }]);
    assert.deepEqual(customMessages(observerSocket, CustomMessage.thread), []);
    assert.deepEqual(customMessages(observerSocket, CustomMessage.agreements), [{ round: 0 }]);
    buyerSocket.ws.close();
    observerSocket.ws.close();
    await Promise.all([buyerSocket.closed, observerSocket.closed]);
  });

  test("revoking a member's access closes their sockets with the code given, and only theirs", async () => {
    const buyerSocket = await connect(buyer);
    const observerSocket = await connect(observer);
    server.services.collaboration.revokeAccess(negotiationId, observer.id, CloseCode.forbidden);
    assert.equal(await observerSocket.closed, CloseCode.forbidden);
    await settle();
    assert.equal(buyerSocket.ws.readyState, WebSocket.OPEN);
    buyerSocket.ws.close();
    await buyerSocket.closed;
  });

  test("a committed freeze makes everyone reconnect", async () => {
    const buyerSocket = await connect(buyer);
    const observerSocket = await connect(observer);
    const now = Date.now();
    await changeFrozenState(server.services, negotiationId, (trx) => freezeNegotiation(trx, negotiationId, now, now + 365 * 86_400_000));
    assert.deepEqual(await Promise.all([buyerSocket.closed, observerSocket.closed]), [CloseCode.rightsChanged, CloseCode.rightsChanged]);
  });
});
