import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { addUser, startInProcessServer, type InProcessServer } from "../test/inProcessServer";
import { onSessionsEnded } from "./sessionEndings";
import { createSession, invalidateOtherSessions, invalidateSession, sessionIdFromToken, validateSessionToken } from "./sessions";

let server: InProcessServer;
before(async () => {
  server = await startInProcessServer();
});
after(() => server.close());

/** The session ids announced as ended while `run` runs. */
async function endedDuring(run: () => Promise<unknown>): Promise<string[]> {
  const ended: string[] = [];
  const stop = onSessionsEnded((ids) => ended.push(...ids));
  try {
    await run();
  } finally {
    stop();
  }
  return ended;
}

test("a valid session carries the user's public columns, never the password hash", async () => {
  const user = await addUser(server.services, "Bea");
  const { token } = await createSession(server.services.db, user.id);
  const session = await validateSessionToken(server.services.db, token);
  assert.ok(session);
  assert.deepEqual(Object.keys(session.user).sort(), ["created_at", "email", "id", "locale", "name"]);
  assert.equal(session.user.id, user.id);
});

test("ending a session announces it, and it no longer validates", async () => {
  const user = await addUser(server.services, "Lou");
  const { token } = await createSession(server.services.db, user.id);
  const sessionId = sessionIdFromToken(token);
  assert.deepEqual(await endedDuring(() => invalidateSession(server.services.db, sessionId)), [sessionId]);
  assert.equal(await validateSessionToken(server.services.db, token), null);
});

test("signing out elsewhere ends and announces every other session of the user, and only those", async () => {
  const user = await addUser(server.services, "Sam");
  const bystander = await addUser(server.services, "Ines");
  const others = [await createSession(server.services.db, user.id), await createSession(server.services.db, user.id)].map((s) => sessionIdFromToken(s.token));
  let count = 0;
  const ended = await endedDuring(async () => (count = await invalidateOtherSessions(server.services.db, user.id, user.sessionId)));
  assert.equal(count, 2);
  assert.deepEqual(ended.sort(), others.sort());
  const stillValid = await server.services.db.selectFrom("sessions").select("id").where("id", "in", [user.sessionId, bystander.sessionId]).execute();
  assert.equal(stillValid.length, 2, "this session and other users' stay");
});

test("an expired session is ended, and announced, when it is next presented", async () => {
  const user = await addUser(server.services, "Otto");
  const { token, expiresAt } = await createSession(server.services.db, user.id);
  const ended = await endedDuring(async () => assert.equal(await validateSessionToken(server.services.db, token, expiresAt), null));
  assert.deepEqual(ended, [sessionIdFromToken(token)]);
});
