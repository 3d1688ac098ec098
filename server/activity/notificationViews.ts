import { listNotifications } from "../../db/queries/notifications";
import type { DB } from "../../db/connection";
import { activityLink } from "../../shared/activity";
import { describeAuditEntry } from "../../shared/auditDescription";
import { translate, type Locale } from "../../shared/i18n/index";
import type { NotificationView } from "../../shared/notificationView";
import { plainText } from "../../shared/plainText";

/** The reader's notifications (still visible to them now), worded in their language, newest first. */
export async function notificationViews(
  db: DB,
  userId: string,
  locale: Locale,
  options: { unreadSince?: number; limit?: number } = {},
): Promise<NotificationView[]> {
  const rows = await listNotifications(db, userId, options);
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params);
  return rows.map((r) => {
    const detail = r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : {};
    const isMention = r.kind === "mention";
    const headline = r.author
      ? t(isMention ? "notifications.mentioned" : "notifications.activityBy", { name: r.author, title: r.title })
      : t("notifications.activitySystem", { title: r.title });
    return {
      id: r.id,
      at: r.created_at,
      unread: r.read_at === null,
      headline,
      what: isMention || !r.action ? "" : describeAuditEntry({ action: r.action, detail }, t, locale),
      excerpt: r.body !== null && !r.deleted_at ? plainText(r.body) : null,
      link: activityLink(r.negotiation_id, {
        clauseId: r.clause_id ?? detail.clauseId,
        threadId: r.thread_id ?? detail.threadId,
        proposalId: detail.proposalId,
        page: detail.page,
      }),
    };
  });
}
