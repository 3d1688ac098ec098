import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "../utils/locale.server";
import { requireUser } from "../utils/member.server";
import { notificationViews, unreadCounts } from "../utils/notifications.server";

/** GET /api/notifications — the unread count and the latest notifications, for the header's bell. Reads only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: true });
  const db = context.services.db;
  const unread = [...(await unreadCounts(db, user.id)).values()].reduce((a, b) => a + b, 0);
  return json({ unread, latest: await notificationViews(db, user.id, getLocale(request, context), { limit: 8 }) });
}
