import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { createNegotiation } from "../../db/queries/negotiations";
import { prepareProposalStatements } from "../../db/queries/proposals";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { createLogger } from "../logger";
import { addNegotiation, addUser, startInProcessServer, type InProcessServer, type TestUser } from "../test/inProcessServer";
import { RoomRegistry } from "./roomRegistry";

// The registry over the real document store (SQLite in a temp dir); no sockets needed.

const idleUnloadMs = 30;
let server: InProcessServer;
let owner: TestUser;

before(async () => {
  server = await startInProcessServer();
  owner = await addUser(server.services, "Bea");
});
after(() => server.close());

const registry = () =>
  new RoomRegistry(
    server.services.documents,
    prepareProposalStatements(server.sqlite),
    createLogger("silent"),
    server.services.config.maxScheduleBytes,
    idleUnloadMs,
  );
const negotiation = () => addNegotiation(server.services, [{ user: owner, role: "buyer", isOwner: true }]);
const idle = () => new Promise((resolve) => setTimeout(resolve, idleUnloadMs * 4));
const scheduleText = (doc: Y.Doc) => doc.getXmlFragment(scheduleFragmentName).toString();

test("a room loads once, from the stored schedule, and everyone gets the same one; peek loads nothing", async () => {
  const rooms = registry();
  const id = await negotiation();
  assert.equal(rooms.peek(id), undefined);
  const room = rooms.get(id);
  assert.equal(rooms.get(id), room);
  assert.equal(rooms.peek(id), room);
  assert.equal(scheduleText(room.doc), scheduleText(server.services.documents.load(id)));
  assert.match(scheduleText(room.doc), /Encryption/);
  rooms.unloadAll();
});

test("a negotiation without a stored document opens with an empty schedule, and keeps it", async () => {
  const rooms = registry();
  const id = await createNegotiation(server.services.db, {
    title: "Old",
    buyerOrg: "B",
    supplierOrg: "S",
    createdBy: owner.id,
    members: [{ userId: owner.id, role: "buyer" }],
  });
  assert.equal(server.services.documents.exists(id), false);
  const room = rooms.get(id);
  assert.equal(server.services.documents.exists(id), true);
  assert.equal(room.doc.getXmlFragment(scheduleFragmentName).length, 1, "one empty section to type in");
  rooms.unloadAll();
});

test("an empty room unloads after the idle time, saving what was written; the next join loads it again", async () => {
  const rooms = registry();
  const id = await negotiation();
  const room = rooms.get(id);
  const section = room.doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement;
  ((section.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Revised ");
  rooms.released(room);
  await idle();
  assert.equal(rooms.peek(id), undefined, "unloaded");
  const reopened = rooms.get(id);
  assert.notEqual(reopened, room);
  assert.match(scheduleText(reopened.doc), /Revised Security/);
  rooms.unloadAll();
});

test("joining again before the idle time runs out keeps the room open", async () => {
  const rooms = registry();
  const id = await negotiation();
  const room = rooms.get(id);
  rooms.released(room);
  assert.equal(rooms.get(id), room);
  await idle();
  assert.equal(rooms.peek(id), room);
  rooms.unloadAll();
});

test("on shutdown every open room is saved and closed", async () => {
  const rooms = registry();
  const ids = [await negotiation(), await negotiation()];
  for (const id of ids) rooms.get(id);
  assert.equal(rooms.all().length, 2);
  rooms.unloadAll();
  assert.deepEqual(rooms.all(), []);
  for (const id of ids) assert.equal(rooms.peek(id), undefined);
});
