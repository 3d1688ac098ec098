import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CustomMessage } from "./messages";

/** How often the browser proves its collaboration socket works (docs/decisions/018-connection-heartbeat.md). */
export const heartbeatIntervalMs = 1000;
/** A probe unanswered this long, with nothing else heard from the server either: the socket is dead. */
export const heartbeatTimeoutMs = 1500;

/**
 * The browser's probe: its state vector when it has changes the server has not confirmed yet, the
 * empty one otherwise (then the answer only proves the socket works).
 */
export function heartbeatProbe(stateVector: Uint8Array = Y.encodeStateVector(new Map())): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CustomMessage.heartbeat);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Reads a probe's state vector (after its type); throws on one that does not decode. */
export function readHeartbeatProbe(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/** The server's answer: whether it holds everything the probe's state vector names. */
export function heartbeatAnswer(holdsAll: boolean): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CustomMessage.heartbeat);
  encoding.writeVarUint(encoder, holdsAll ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

/** Reads an answer (after its type). */
export function readHeartbeatAnswer(decoder: decoding.Decoder): boolean {
  return decoding.readVarUint(decoder) === 1;
}

/** Whether `doc` holds every change up to the clocks in `stateVector`. */
export function holdsStateVector(doc: Y.Doc, stateVector: Map<number, number>): boolean {
  for (const [client, clock] of stateVector) if (Y.getState(doc.store, client) < clock) return false;
  return true;
}
