// Frames for fuzzing the collaboration endpoint: random bytes, broken varints, huge length
// prefixes, wrong message types, and valid y-websocket messages (sync, awareness) mutated by bit
// flips, truncation, splicing and the like. The valid messages are built once, from the schedule
// as the server had it before anyone else edited, and they only ever touch one clause and carry
// only the fuzzer's own items, also in their delete sets: a mutated delete set can then name
// nothing anyone else wrote. (A full-state sync step 2 carried the whole schedule's ids, and one
// mutation of it deleted all but one clause: a valid edit, which no test of honest editing can
// survive. Replacing an attribute of a clause someone else wrote did the same through the old
// value's id in the delete set.)
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { CustomMessage } from "../../shared/collaboration/messages";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { MessageType } from "../collaboration/messageType";
import type { Random } from "./seededRandom";
import { childElements, clauseElement, textOf, updateOf } from "./scheduleShape";

const message = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

const syncMessage = (step: number, payload: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });

function awarenessMessage(states: { clientId: number; clock: number; state: unknown }[]) {
  const update = message((e) => {
    encoding.writeVarUint(e, states.length);
    for (const s of states) {
      encoding.writeVarUint(e, s.clientId);
      encoding.writeVarUint(e, s.clock);
      encoding.writeVarString(e, JSON.stringify(s.state));
    }
  });
  return message((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/**
 * Valid messages a member could send, built on `copy` (the schedule at the start, under the
 * fuzzer's own client id) in `clause` only.
 */
export function validMessages(copy: Y.Doc, clause: Y.XmlElement, random: Random): Uint8Array[] {
  const paragraph = childElements(clause, "paragraph")[0]!;
  const run = textOf(paragraph)!;
  const before = Y.encodeStateVector(copy);
  const section = clause.parent as Y.XmlElement;
  const ownClause = clauseElement(random.id(), "Fuzz", "fuzz body");
  const edits = [
    updateOf(copy, () => run.insert(run.length, " fuzz")),
    updateOf(copy, () => run.format(0, 4, { bold: {} })),
    updateOf(copy, () => run.insert(0, "see ", { link: { href: "https://example.org" } })),
    updateOf(copy, () => section.insert(childElements(section).indexOf(clause) + 1, [ownClause])),
    // On the fuzzer's own clause: replacing an attribute of someone else's clause would put their
    // item in the delete set, where one mutated length deletes whole sections (a valid edit).
    updateOf(copy, () => ownClause.setAttribute("requirement", "audit-rights")),
    updateOf(copy, () => run.delete(run.length - 5, 5)),
  ];
  for (const update of edits) {
    const foreign = [...Y.decodeUpdate(update).ds.clients.keys()].filter((client) => client !== copy.clientID);
    if (foreign.length > 0) throw new Error(`a fuzzer's valid edit deletes items of clients ${foreign.join(", ")}`);
  }
  const cursor = (index: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(run, index));
  const me = copy.clientID;
  return [
    syncMessage(syncProtocol.messageYjsSyncStep1, before),
    syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())),
    syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(copy, before)),
    ...edits.map((update) => syncMessage(syncProtocol.messageYjsUpdate, update)),
    ...edits.map((update) => syncMessage(syncProtocol.messageYjsSyncStep2, update)),
    syncMessage(syncProtocol.messageYjsUpdate, Y.mergeUpdates(edits)),
    awarenessMessage([{ clientId: me, clock: 1, state: { cursor: { anchor: cursor(0), head: cursor(3) } } }]),
    awarenessMessage([{ clientId: me, clock: 2, state: { cursor: null, user: { name: "Someone Else", role: "buyer" } } }]),
    awarenessMessage([{ clientId: me, clock: 3, state: null }]),
    awarenessMessage([
      { clientId: me, clock: 4, state: { cursor: { anchor: cursor(1), head: cursor(1) } } },
      { clientId: me + 1, clock: 1, state: { cursor: null } },
    ]),
    Uint8Array.of(MessageType.queryAwareness),
    message((e) => {
      encoding.writeVarUint(e, MessageType.auth);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, "permission denied");
    }),
    message((e) => {
      encoding.writeVarUint(e, CustomMessage.thread);
      encoding.writeVarString(e, JSON.stringify({ id: "x", body: "forged" }));
    }),
    message((e) => {
      encoding.writeVarUint(e, CustomMessage.agreements);
      encoding.writeVarString(e, "{}");
    }),
  ];
}

/** Varints that never end, or announce lengths far beyond the frame. */
const hugeVarints = [
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
  [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
  [0xff, 0xff, 0x03],
];

function randomBytes(random: Random): Uint8Array {
  return random.bytes(random.chance(0.9) ? random.int(0, 64) : random.int(65, 4096));
}

function brokenVarints(random: Random): Uint8Array {
  const type = random.pick([MessageType.sync, MessageType.awareness, MessageType.queryAwareness, random.int(0, 255)]);
  const head = type === MessageType.sync ? [type, random.int(0, 2)] : [type];
  if (random.chance(0.4)) return Uint8Array.from([...head, ...Array.from({ length: random.int(1, 12) }, () => 0x80 | random.int(0, 127))]); // never ends
  return Uint8Array.from([...head, ...random.pick(hugeVarints), ...random.bytes(random.int(0, 16))]);
}

/** A type the server does not take: auth (2), or none of y-websocket's 0–3 and ours 100–102 (shared/collaboration/messages.ts). */
function wrongType(random: Random, valid: Uint8Array[]): Uint8Array {
  const type = random.pick([2, random.int(4, 99), random.int(103, 127), random.int(128, 2 ** 14), random.int(2 ** 21, 2 ** 31)]);
  const body = random.chance(0.5) ? random.pick(valid).slice(1) : random.bytes(random.int(0, 32));
  return message((e) => {
    encoding.writeVarUint(e, type);
    encoding.writeUint8Array(e, body);
  });
}

function mutate(frame: Uint8Array, random: Random, valid: Uint8Array[]): Uint8Array {
  const bytes = Uint8Array.from(frame);
  const at = () => random.int(0, Math.max(0, bytes.length - 1));
  switch (random.int(0, 6)) {
    case 0: // bit flips
      for (let i = random.int(1, 4); i > 0 && bytes.length > 0; i--) bytes[at()]! ^= 1 << random.int(0, 7);
      return bytes;
    case 1: // truncation
      return bytes.slice(0, at());
    case 2: {
      // splice: the head of one message, the tail of another
      const other = random.pick(valid);
      return Uint8Array.from([...bytes.slice(0, at()), ...other.slice(random.int(0, other.length - 1))]);
    }
    case 3: {
      // random bytes inserted
      const i = at();
      return Uint8Array.from([...bytes.slice(0, i), ...random.bytes(random.int(1, 8)), ...bytes.slice(i)]);
    }
    case 4: {
      // a range removed, or doubled
      const i = at();
      const j = random.int(i, Math.min(bytes.length, i + 16));
      return random.chance(0.5) ? Uint8Array.from([...bytes.slice(0, i), ...bytes.slice(j)]) : Uint8Array.from([...bytes.slice(0, j), ...bytes.slice(i)]);
    }
    case 5: {
      // a byte replaced by a huge varint (a length, a count or a clock that was small)
      const i = at();
      return Uint8Array.from([...bytes.slice(0, i), ...random.pick(hugeVarints), ...bytes.slice(i + 1)]);
    }
    default: // extreme byte values
      for (let i = random.int(1, 3); i > 0 && bytes.length > 0; i--) bytes[at()] = random.pick([0, 0x7f, 0x80, 0xff]);
      return bytes;
  }
}

/** The next frame to send: a string is sent as a text frame, which the protocol does not have. */
export function fuzzFrame(random: Random, valid: Uint8Array[]): Uint8Array | string {
  const roll = random.next();
  if (roll < 0.15) return randomBytes(random);
  if (roll < 0.25) return brokenVarints(random);
  if (roll < 0.3) return wrongType(random, valid);
  if (roll < 0.34) return random.chance(0.5) ? "hello" : String.fromCharCode(...random.bytes(random.int(0, 32)));
  if (roll < 0.42) return random.pick(valid);
  const mutated = mutate(random.pick(valid), random, valid);
  return random.chance(0.2) ? mutate(mutated, random, valid) : mutated;
}

/** The clause the fuzzer's valid messages work in: the last of the first section. */
export function fuzzClause(doc: Y.Doc): Y.XmlElement {
  const section = childElements(doc.getXmlFragment(scheduleFragmentName), "section")[0]!;
  return childElements(section, "clause").at(-1)!;
}
