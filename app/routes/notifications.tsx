import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PostButton } from "../components/PostButton";
import { NotificationItem } from "../components/notifications/NotificationItem";
import { useT } from "../i18n";
import { getLocale } from "../utils/locale.server";
import { markRead, notificationViews } from "../utils/notifications.server";
import { requireUser } from "../utils/member.server";
import { DomainError, refuse } from "../utils/respond.server";

export const meta: MetaFunction = () => [{ title: "Notifications — Common Ground" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  return { notifications: await notificationViews(context.services.db, user.id, getLocale(request, context)) };
}

const readForm = z.union([z.object({ intent: z.literal("read") }), z.object({ intent: z.literal("readOne"), id: z.coerce.number().int().positive() })]);

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const parsed = readForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) refuse(request, context, new DomainError(400, "error.invalidBody"), "page");
  await markRead(context.services.db, user.id, parsed.data.intent === "readOne" ? [parsed.data.id] : undefined);
  return json({ ok: true });
}

export default function Notifications() {
  const t = useT();
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
              <NotificationItem notification={n} />
              {n.unread && <PostButton fields={{ intent: "readOne", id: String(n.id) }} label={t("notifications.markRead")} subject={n.headline} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
