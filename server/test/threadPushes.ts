import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { ThreadView } from "../../shared/threads";
import type { HttpClient } from "./httpClient";

/** A member's live socket on the negotiation, recording every thread the server pushes to it into `into`. */
export async function listenForThreads(serverUrl: string, negotiationId: string, member: HttpClient, into: ThreadView[]): Promise<WebSocket> {
  const ws = new WebSocket(`${serverUrl.replace("http", "ws")}/collab/${negotiationId}`, {
    headers: { Cookie: `session=${member.sessionToken}`, Origin: serverUrl },
  });
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === CustomMessage.thread) into.push(JSON.parse(decoding.readVarString(decoder)) as ThreadView);
  });
  await new Promise((resolve) => ws.on("open", resolve));
  return ws;
}
