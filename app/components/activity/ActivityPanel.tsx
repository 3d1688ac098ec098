import { Link } from "@remix-run/react";
import { useId } from "react";
import { activityLink } from "../../../shared/activity";
import { describeAuditEntry } from "../../../shared/auditDescription";
import { useFormatDateTime, useLocale, useT } from "../../i18n";
import type { CollaborationSession } from "../editor/collaborationSession";
import { useActivity } from "./useActivity";

/** The negotiation's activity, newest first and live: who agreed, asked for a change, commented, signed. */
export function ActivityPanel({ negotiationId, session }: { negotiationId: string; session: CollaborationSession }) {
  const t = useT();
  const locale = useLocale();
  const formatDateTime = useFormatDateTime();
  const headingId = useId();
  const { entries, failed } = useActivity(negotiationId, session);
  return (
    <section className="activity-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("activity.title")}</h2>
      {failed && <p className="hint">{t("activity.loadFailed")}</p>}
      {entries && entries.length === 0 && <p className="hint">{t("activity.empty")}</p>}
      {entries && entries.length > 0 && (
        <ol>
          {entries.map((entry) => {
            const link = activityLink(negotiationId, entry.detail);
            const what = describeAuditEntry(entry, t, locale);
            return (
              <li key={entry.id}>
                <p>
                  <strong>{entry.actor ?? t("activity.system")}</strong> {link.includes("?") ? <Link to={link}>{what}</Link> : what}{" "}
                  <span className="hint">{formatDateTime(entry.at)}</span>
                </p>
                {entry.excerpt && <blockquote>{entry.excerpt}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
