import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebSocket } from "ws";
import { scheduleFragmentName } from "../shared/editor/schema";

const messageSync = 0;

export interface YClientOptions {
  url: string;
  headers?: Record<string, string>;
  /** Document state to push to the server on connect (the reference server starts rooms empty). */
  initialUpdate?: Uint8Array;
  /** Every update received after the initial sync. It is NOT applied to `doc`: see the class comment. */
  onRemoteUpdate?: (update: Uint8Array, receiver: YClient) => void;
  /** Called just before a local update goes on the wire. */
  onSend?: (client: number, clock: number) => void;
}

/**
 * A minimal y-websocket client: the sync handshake, then local edits out and remote updates in.
 * Unlike WebsocketProvider it does not integrate what peers send (it only hands the bytes to
 * `onRemoteUpdate`), so a thousand of them in one process stay cheap and the server is what gets
 * measured. Its own edits therefore depend only on the initial state and its own earlier edits,
 * which the server always has, so they are valid concurrent Yjs edits.
 */
export class YClient {
  readonly doc = new Y.Doc();
  readonly synced: Promise<void>;
  /** Bytes of the server's SyncStep2 (the whole document on a first sync). */
  initialSyncBytes = 0;
  closeCode: number | null = null;
  private isSynced = false;
  private readonly ws: WebSocket;
  private text: Y.XmlText | null = null;

  constructor(private readonly options: YClientOptions) {
    if (options.initialUpdate) Y.applyUpdate(this.doc, options.initialUpdate);
    this.ws = new WebSocket(options.url, { headers: options.headers, perMessageDeflate: false });
    this.synced = new Promise((resolve, reject) => {
      this.ws.on("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
      this.ws.on("error", reject);
      this.ws.on("close", (code) => {
        this.closeCode = code;
        reject(new Error(`closed before sync: ${code}`));
      });
      this.ws.on("message", (data: Buffer) => {
        if (this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve();
      });
    });
    this.synced.catch(() => {}); // callers that never await it must not crash the process
    this.ws.on("open", () => this.onOpen());
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this) this.sendUpdate(update);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Types `chars` at the end of the first (shallowest) paragraph; returns the clock of the first character. */
  type(chars: string): number {
    this.text ??= firstParagraphText(this.doc.getXmlFragment(scheduleFragmentName));
    const text = this.text;
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.doc.transact(() => text.insert(text.length, chars), this);
    return clock;
  }

  close() {
    this.ws.close();
  }

  private onOpen() {
    if (this.options.initialUpdate) this.sendUpdate(this.options.initialUpdate); // lands before our SyncStep1 is answered
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** Returns true when this message completed the initial sync. */
  private onMessage(message: Uint8Array): boolean {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== messageSync) return false; // awareness: not needed here
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, messageSync);
      syncProtocol.writeSyncStep2(reply, this.doc, payload);
      this.ws.send(encoding.toUint8Array(reply));
    } else if (step === syncProtocol.messageYjsSyncStep2 && !this.isSynced) {
      Y.applyUpdate(this.doc, payload, "server");
      this.initialSyncBytes = payload.byteLength;
      this.isSynced = true;
      return true;
    } else if (this.isSynced) {
      this.options.onRemoteUpdate?.(payload, this);
    } else {
      Y.applyUpdate(this.doc, payload, "server");
    }
    return false;
  }

  private sendUpdate(update: Uint8Array) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const id = firstStructId(update);
    if (id) this.options.onSend?.(id.client, id.clock);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeUpdate(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }
}

/**
 * The id of the first struct in a v1 update, read from its header without decoding the rest:
 * a keystroke update holds one struct, so this identifies it cheaply on the receiving side.
 */
export function firstStructId(update: Uint8Array): { client: number; clock: number } | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null; // clients with structs
  decoding.readVarUint(decoder); // structs of the first client
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return { client, clock };
}

function firstParagraphText(fragment: Y.XmlFragment): Y.XmlText {
  const stack: (Y.XmlFragment | Y.XmlElement)[] = [fragment];
  while (stack.length) {
    const node = stack.shift()!;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && node instanceof Y.XmlElement && node.nodeName === "paragraph") return child;
      if (child instanceof Y.XmlElement) stack.push(child);
    }
  }
  throw new Error("document has no paragraph with text to type into");
}
