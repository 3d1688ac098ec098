import { listMembers } from "../../db/queries/negotiations";
import { numberClauses } from "../../shared/editor/numbering";
import type { Role } from "../../shared/roles";
import { readSchedule } from "../agreements/scheduleDocument";
import type { Services } from "../context";

/** Who can be given an action or marked present (with who has the negotiation open now), and which clauses can be added. */
export function sessionChoices(
  services: Services,
  negotiationId: string,
): Promise<{ members: { userId: string; name: string; role: Role; online: boolean }[]; clauses: { id: string; title: string }[] }> {
  const online = services.collaboration.onlineUserIds(negotiationId);
  const clauses = numberClauses(readSchedule(services, negotiationId)).map((c) => ({ id: c.id, title: `${c.number} ${c.heading}`.trim() }));
  return listMembers(services.db, negotiationId).then((members) => ({
    members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, online: online.has(m.userId) })),
    clauses,
  }));
}
