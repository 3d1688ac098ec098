import { Link } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../../i18n";
import { NotificationItem } from "./NotificationItem";
import { useNotifications } from "./useNotifications";

/**
 * The header's bell: the unread count, live, and a popover of the latest notifications with a link
 * to all of them. A disclosure (button with aria-expanded), so Tab moves through its links and
 * Escape closes it and gives focus back to the button.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useT();
  const { unread, latest, refresh, markRead } = useNotifications(initialUnread);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    void refresh();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, refresh]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="notification-bell" ref={root} onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("bell.label", { count: unread })}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="bell-count">
            {unread}
          </span>
        )}
      </button>
      <div id={panelId} className="bell-panel" hidden={!open}>
        <h2 className="bell-title">{t("notifications.title")}</h2>
        {latest && latest.length === 0 && <p className="hint">{t("bell.empty")}</p>}
        {latest && latest.length > 0 && (
          <ul className="notification-list">
            {latest.map((n) => (
              <li key={n.id} className={n.unread ? "unread" : undefined}>
                <NotificationItem
                  notification={n}
                  onOpen={() => {
                    setOpen(false);
                    if (n.unread) void markRead([n.id]);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="bell-footer">
          <Link to="/notifications" onClick={() => setOpen(false)}>
            {t("bell.seeAll")}
          </Link>
          <button type="button" className="link-button" onClick={close}>
            {t("bell.close")}
          </button>
        </p>
      </div>
    </div>
  );
}
