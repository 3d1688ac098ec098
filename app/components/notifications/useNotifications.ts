import { useCallback, useEffect, useState } from "react";
import type { NotificationView } from "../../../shared/notificationView";
import { onNotificationSignal } from "./notificationSignal";

/** Without a socket (pages other than a negotiation) the count is re-read this often, and on focus. */
const pollMs = 60_000;

/**
 * The bell's state: the unread count (from the root loader at first), the latest entries, re-read
 * on every push of the collaboration socket, on focus and now and then. Reading never marks read.
 */
export function useNotifications(initialUnread: number) {
  const [unread, setUnread] = useState(initialUnread);
  const [latest, setLatest] = useState<NotificationView[] | null>(null);
  // Each navigation's root loader brings a fresh count: it wins over what was fetched before.
  const [loaderUnread, setLoaderUnread] = useState(initialUnread);
  if (loaderUnread !== initialUnread) {
    setLoaderUnread(initialUnread);
    setUnread(initialUnread);
  }

  const refresh = useCallback(async () => {
    const res = await fetch("/api/notifications", { headers: { Accept: "application/json" } }).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as { unread: number; latest: NotificationView[] };
    setUnread(body.unread);
    setLatest(body.latest);
  }, []);

  useEffect(() => {
    const stop = onNotificationSignal(() => void refresh());
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    const timer = setInterval(() => void refresh(), pollMs);
    return () => {
      stop();
      window.removeEventListener("focus", onFocus);
      clearInterval(timer);
    };
  }, [refresh]);

  const markRead = useCallback(
    async (ids: number[]) => {
      await fetch("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids }) }).catch(
        () => null,
      );
      await refresh();
    },
    [refresh],
  );

  return { unread, latest, refresh, markRead };
}
