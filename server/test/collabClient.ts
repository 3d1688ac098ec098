import * as Y from "yjs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import { collaborationPath } from "../../shared/collaboration/closeCodes";
import { CustomMessage } from "../../shared/collaboration/messages";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { HttpClient } from "./httpClient";
import { newId } from "../../shared/ids";
import * as decoding from "lib0/decoding";
import type { LiveSession } from "../../shared/moderatedSessions/sessions";

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
  destroy(): void;
}

/** A WebSocket class that presents a session cookie and our Origin, as a browser on our page would. */
export function authenticatedWebSocket(cookie: string | undefined, origin: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) } });
    }
  };
}

export async function sessionCookie(baseUrl: string, email: string, password = "demo-password"): Promise<string> {
  const http = new HttpClient(baseUrl);
  const res = await http.logIn(email, password);
  if (res.status !== 302) throw new Error(`login as ${email} failed: ${res.status}`);
  return `session=${http.sessionToken}`;
}

/** A real y-websocket browser provider, run in Node over `ws`. */
export function connectCollab(baseUrl: string, negotiationId: string, cookie: string | undefined): CollabClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + collaborationPath, negotiationId, doc, {
    WebSocketPolyfill: authenticatedWebSocket(cookie, baseUrl) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  // Our pushes (threads, agreement state) are not for this client; y-websocket logs unknown types.
  for (const type of Object.values(CustomMessage)) provider.messageHandlers[type] = () => undefined;
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment(scheduleFragmentName),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

export function synced(client: CollabClient): Promise<void> {
  return waitFor(() => client.provider.synced, "initial sync");
}

/** A demo user's collaboration client, synced; the caller destroys it. */
export async function syncedDemoClient(baseUrl: string, negotiationId: string, who: string): Promise<CollabClient> {
  const client = connectCollab(baseUrl, negotiationId, await sessionCookie(baseUrl, `${who}@demo.test`));
  await synced(client);
  return client;
}

/** Appends text to the first paragraph of the first clause, as typing there would. */
export function typeInFirstClause(client: CollabClient, text: string) {
  const paragraph = firstClauseParagraph(client.fragment);
  const textNode = paragraph.get(0) as Y.XmlText;
  textNode.insert(textNode.length, text);
}

/**
 * Proposes text at the end of the first clause's first paragraph, as the editor does where the
 * member may only propose (an agreed clause, or propose mode); returns the proposal's id.
 */
export function proposeInFirstClause(client: CollabClient, text: string): string {
  const id = newId();
  const textNode = firstClauseParagraph(client.fragment).get(0) as Y.XmlText;
  textNode.insert(textNode.length, text, { insertion: { id } });
  return id;
}

export function firstClauseText(fragment: Y.XmlFragment): string {
  return firstClauseParagraph(fragment)
    .toString()
    .replace(/<[^>]+>/g, "");
}

function firstClauseParagraph(fragment: Y.XmlFragment): Y.XmlElement {
  const section = fragment.get(0) as Y.XmlElement;
  const clause = section.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "clause") as Y.XmlElement;
  return clause.get(1) as Y.XmlElement;
}

/** A synced connection that keeps every live-session message it gets, in order (decision 034). */
export async function sessionFollower(
  baseUrl: string,
  negotiationId: string,
  cookie: string | undefined,
): Promise<{ client: CollabClient; pushed: (LiveSession | null)[] }> {
  const client = connectCollab(baseUrl, negotiationId, cookie);
  const pushed: (LiveSession | null)[] = [];
  client.provider.messageHandlers[CustomMessage.session] = (_encoder, decoder) =>
    void pushed.push((JSON.parse(decoding.readVarString(decoder)) as { session: LiveSession | null }).session);
  await synced(client);
  return { client, pushed };
}
