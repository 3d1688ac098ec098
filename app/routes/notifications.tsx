import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PostButton } from "../components/PostButton";
import { useFormatDateTime, useT } from "../i18n";
import { listNotifications, markAllRead } from "../utils/notifications.server";
import { requireUser } from "../utils/member.server";

export const meta: MetaFunction = () => [{ title: "Notifications — Common Ground" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const rows = await listNotifications(context.services.db, user.id);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      at: r.created_at,
      unread: r.read_at === null,
      author: r.author,
      excerpt: r.deleted_at ? null : r.body.slice(0, 200),
      link: `/negotiations/${r.negotiation_id}?clause=${r.clause_id}`,
      title: r.title,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  await markAllRead(context.services.db, user.id);
  return json({ ok: true });
}

export default function Notifications() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <section>
      <div className="page-heading">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 && <PostButton fields={{ intent: "read" }} label={t("notifications.markAllRead")} />}
      </div>
      {notifications.length === 0 ? (
        <p>{t("notifications.none")}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => (
            <li key={n.id} className={n.unread ? "unread" : undefined}>
              <p>
                {n.unread && <span className="unread-badge">{t("notifications.new")}</span>} {t("notifications.mentioned", { name: n.author, title: n.title })}{" "}
                <span className="hint">{formatDateTime(n.at)}</span>
              </p>
              {n.excerpt ? <blockquote>{n.excerpt}</blockquote> : <p className="hint">{t("threads.deleted")}</p>}
              <Link to={n.link}>{t("notifications.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
