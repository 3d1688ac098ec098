import { audit } from "../../db/queries/auditLog";
import type { Locale } from "../../shared/i18n/index";
import type { Member } from "../../shared/member";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { minutesMarkdown } from "./minutesMarkdown";
import { sessionView } from "./sessionView";

/** A revision of a session's minutes (the latest by default) as a Markdown file; recorded like every export. */
export async function exportMinutes(
  services: Services,
  member: Member,
  sessionId: string,
  request: { revision?: number; locale: Locale },
): Promise<{ body: Buffer; fileName: string }> {
  const session = await sessionView(services.db, member.negotiationId, sessionId);
  const minutes = request.revision ? session.minutes.find((m) => m.revision === request.revision) : session.minutes.at(-1);
  if (!minutes) throw new DomainError(404, "sessions.error.notFound");
  const name = `minutes-${new Date(session.plannedAt).toISOString().slice(0, 10)}-r${minutes.revision}`;
  await audit(services.db, { negotiationId: member.negotiationId, userId: member.userId, action: "export", detail: { what: name, format: "md" } });
  return { body: Buffer.from(minutesMarkdown(minutes, request.locale), "utf8"), fileName: `${name}.md` };
}
