import { roleColors } from "../../../shared/collaboration/presence";
import type { Role } from "../../../shared/roles";
import { useT } from "../../i18n";
import type { CollaborationSession } from "./collaborationSession";
import { useAwareness } from "./useAwareness";

const presentUsers = (session: CollaborationSession) => session.presentUsers();

const initials = (name: string) =>
  name
    .replace(/\(.*\)/, "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

export function PresenceBar({ session, me }: { session: CollaborationSession; me: { id: string; name: string; role: Role } }) {
  const t = useT();
  const others = useAwareness(session, presentUsers);
  const people = [
    { userId: me.id, name: t("presence.you", { name: me.name }), role: me.role, color: roleColors[me.role], initialsOf: me.name },
    ...others.filter((u) => u.userId !== me.id).map((u) => ({ ...u, initialsOf: u.name })),
  ];
  return (
    <section className="presence" aria-label={t("presence.label")}>
      <h3 className="visually-hidden">{t("presence.label")}</h3>
      <ul>
        {people.map((p) => (
          <li key={p.userId} className="presence-person" title={t("presence.member", { name: p.name, role: t(`role.${p.role}`) })}>
            <span className="avatar" style={{ backgroundColor: p.color }} aria-hidden="true">
              {initials(p.initialsOf)}
            </span>
            <span className="visually-hidden">{t("presence.member", { name: p.name, role: t(`role.${p.role}`) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
