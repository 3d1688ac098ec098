import { listAuditOf } from "../../db/queries/auditLog";
import { commentBodies } from "../../db/queries/threads";
import { activityActions, type ActivityEntry } from "../../shared/activity";
import { plainText } from "../../shared/plainText";
import type { Member } from "../../shared/member";
import { authorize } from "../authorize";
import type { Services } from "../context";

/**
 * The negotiation's activity, newest first, for any member: only shared moves are ever recorded
 * (shared/activity.ts), so there is nothing to filter by party. Comments show as they read now.
 */
export async function activityFeed(services: Services, member: Member, limit = 100): Promise<ActivityEntry[]> {
  authorize(member, "readAudit");
  const rows = await listAuditOf(services.db, member.negotiationId, activityActions, limit);
  const commentIds = rows.map((r) => r.detail.commentId).filter((id): id is string => typeof id === "string");
  const bodies = await commentBodies(services.db, commentIds);
  return rows.map((r) => {
    const body = typeof r.detail.commentId === "string" ? bodies.get(r.detail.commentId) : undefined;
    return {
      id: r.id,
      at: r.at,
      actor: r.userName,
      action: r.action as ActivityEntry["action"],
      detail: r.detail,
      excerpt: body ? plainText(body) : null,
    };
  });
}
