import { test } from "node:test";
import assert from "node:assert/strict";
import { WebSocket } from "ws";
import { startTestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { sessionCookie } from "../test/collabClient";

const exitDeadlineMs = 10_000;

function openSocket(url: string, cookie: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Cookie: cookie, Origin: origin } });
    ws.on("open", () => resolve(ws));
    ws.on("error", reject);
  });
}

test("SIGTERM ends the process within 10 s with 50 sockets that never answer the close and a stdout nobody reads", async () => {
  const server = await startTestServer();
  const http = new HttpClient(server.url);
  await http.logIn("buyer@demo.test", "demo-password");
  const [negotiation] = (await (await http.request("/api/negotiations")).json()) as { id: string }[];
  const url = `${server.url.replace("http", "ws")}/collab/${negotiation!.id}`;
  const sockets: WebSocket[] = [];
  // Spread over four members: one account may hold only 20 connections.
  const members = ["buyer", "supplier", "advisor", "observer"];
  const cookies = await Promise.all(members.map((who) => sessionCookie(server.url, `${who}@demo.test`)));
  for (let i = 0; i < 50; i++) sockets.push(await openSocket(url, cookies[i % members.length]!, server.url));
  // These clients stop reading: the server's close frames go unanswered, so ws would wait its
  // 30 s close timeout for each of them.
  for (const ws of sockets) (ws as unknown as { _socket: { pause(): void } })._socket.pause();

  // The reader of the server's stdout goes away without closing the pipe; enough log lines
  // follow to fill it, so every later write (the final flush at exit too) meets EAGAIN.
  server.process.stdout!.removeAllListeners("data");
  server.process.stdout!.pause();
  await Promise.all(Array.from({ length: 400 }, () => fetch(`${server.url}/healthz`).then((r) => r.text())));

  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  server.process.kill("SIGTERM");
  const outcome = await Promise.race([
    exited.then(() => "exited"),
    new Promise((resolve) => setTimeout(() => resolve("still running"), exitDeadlineMs).unref()),
  ]);
  if (outcome !== "exited") server.process.kill("SIGKILL");
  for (const ws of sockets) ws.terminate();
  assert.equal(outcome, "exited");
});
