import type { IncomingMessage } from "node:http";
import { memberRole, negotiationState } from "../../db/queries/negotiations";
import { collaborationPath } from "../../shared/collaboration/closeCodes";
import type { Member } from "../../shared/member";
import type { DB } from "../../db/connection";
import type { Config } from "../config";
import { readCookie, sessionCookieName } from "../auth/sessionCookie";
import { validateSession, validateSessionToken, type ValidSession } from "../auth/sessions";
import { hasOwnOrigin } from "../http/requestOrigin";
import { findMember } from "../negotiations/findMember";

export type UpgradeDecision =
  { ok: true; negotiationId: string; auth: ValidSession; member: Member; frozen: boolean } | { ok: false; status: 400 | 401 | 403 | 404; message: string };

const roomPath = new RegExp(`^${collaborationPath}/([a-z2-7]{1,64})$`);

/** The one place that decides whether an upgrade to /collab/:negotiationId may become a socket. */
export async function authorizeUpgrade(req: IncomingMessage, db: DB, config: Config): Promise<UpgradeDecision> {
  const path = (req.url ?? "").split("?")[0] ?? "";
  const match = roomPath.exec(path);
  if (!match) return { ok: false, status: 404, message: "No collaboration endpoint at this path." };
  // Browsers always send Origin on WebSocket handshakes; another site's page must not ride our cookie.
  if (!hasOwnOrigin(config, req)) return { ok: false, status: 403, message: "Origin missing or foreign." };
  const token = readCookie(req.headers.cookie, sessionCookieName);
  const auth = token ? await validateSessionToken(db, token) : null;
  if (!auth) return { ok: false, status: 401, message: "Not logged in." };
  const negotiationId = match[1]!;
  // The same gate as every HTTP route (findMember), and the same answer for "no such
  // negotiation" and "not yours": ids cannot be probed.
  const member = await findMember(db, negotiationId, auth.user);
  if (!member) return { ok: false, status: 404, message: "No such negotiation, or you are not a member." };
  return { ok: true, negotiationId, auth, member, frozen: (await negotiationState(db, negotiationId)).frozen };
}

/** Re-checks a live connection: its session may have ended or its role changed since it joined. */
export async function currentRole(db: DB, sessionId: string, negotiationId: string, userId: string) {
  const auth = await validateSession(db, sessionId);
  if (!auth || auth.user.id !== userId) return { session: false as const, role: null };
  return { session: true as const, role: await memberRole(db, negotiationId, userId) };
}
