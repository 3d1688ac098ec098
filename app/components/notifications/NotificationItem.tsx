import { Link } from "@remix-run/react";
import { useFormatDateTime, useT } from "../../i18n";
import type { NotificationView } from "../../../shared/notificationView";

/** One notification: who and where, what happened, the comment as plain text, and where it leads. */
export function NotificationItem({ notification: n, onOpen }: { notification: NotificationView; onOpen?: () => void }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <>
      <p>
        {n.unread && <span className="unread-badge">{t("notifications.new")}</span>} {n.headline} <span className="hint">{formatDateTime(n.at)}</span>
      </p>
      {n.what && <p>{n.what}</p>}
      {n.excerpt && <blockquote>{n.excerpt}</blockquote>}
      <Link to={n.link} onClick={onOpen}>
        {t("notifications.openIt")}
        <span className="visually-hidden">: {n.headline}</span>
      </Link>
    </>
  );
}
