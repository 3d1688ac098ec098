import { audit } from "../../db/queries/auditLog";
import { exportContentTypes, type ExportFormat } from "../../shared/agreements/exportFormats";
import type { Locale } from "../../shared/i18n/index";
import type { Member } from "../../shared/member";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { minutesBlocks } from "./minutesBlocks";
import { minutesDocx } from "./minutesDocx";
import { minutesMarkdown } from "./minutesMarkdown";
import { minutesPdf } from "./minutesPdf";
import { sessionView } from "./sessionView";

/** A revision of a session's minutes (the latest by default) as a file in one format; recorded like every export. */
export async function exportMinutes(
  services: Services,
  member: Member,
  sessionId: string,
  request: { format: ExportFormat; revision?: number; locale: Locale },
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const session = await sessionView(services.db, member.negotiationId, sessionId);
  const minutes = request.revision ? session.minutes.find((m) => m.revision === request.revision) : session.minutes.at(-1);
  if (!minutes) throw new DomainError(404, "sessions.error.notFound");
  const name = `minutes-${new Date(session.plannedAt).toISOString().slice(0, 10)}-r${minutes.revision}`;
  const body =
    request.format === "md"
      ? Buffer.from(minutesMarkdown(minutes, request.locale), "utf8")
      : request.format === "pdf"
        ? await minutesPdf(minutesBlocks(minutes, request.locale))
        : await minutesDocx(minutesBlocks(minutes, request.locale));
  await audit(services.db, { negotiationId: member.negotiationId, userId: member.userId, action: "export", detail: { what: name, format: request.format } });
  return { body, contentType: exportContentTypes[request.format], fileName: `${name}.${request.format}` };
}
