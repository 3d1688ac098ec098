import { useEffect, useState } from "react";
import type { PresenceUser } from "../../../shared/collaboration/presence";
import { roleColors } from "../../../shared/collaboration/presence";
import type { Role } from "../../../shared/roles";
import { useT } from "../../i18n";
import type { CollaborationSession } from "./collaborationSession";

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
  const [others, setOthers] = useState<PresenceUser[]>(() => session.presentUsers());
  useEffect(() => {
    const update = () => setOthers(session.presentUsers());
    session.provider.awareness.on("change", update);
    update();
    return () => session.provider.awareness.off("change", update);
  }, [session]);
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
