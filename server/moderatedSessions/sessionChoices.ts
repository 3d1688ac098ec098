import { listMembers } from "../../db/queries/negotiations";
import { numberClauses } from "../../shared/editor/numbering";
import { may } from "../../shared/policy";
import type { Role } from "../../shared/roles";
import { readSchedule } from "../agreements/scheduleDocument";
import { policyState } from "../authorize";
import type { Services } from "../context";

export interface MemberChoice {
  userId: string;
  name: string;
  role: Role;
  /** Has the negotiation open now. */
  online: boolean;
  /** Could moderate a session (be handed one). */
  mayModerate: boolean;
}

/** Who can be given an action, marked present or handed the moderation (with who has the negotiation open now), and which clauses can be added. */
export async function sessionChoices(
  services: Services,
  negotiationId: string,
): Promise<{ members: MemberChoice[]; clauses: { id: string; title: string }[] }> {
  const online = services.collaboration.onlineUserIds(negotiationId);
  const clauses = numberClauses(readSchedule(services, negotiationId)).map((c) => ({ id: c.id, title: `${c.number} ${c.heading}`.trim() }));
  const state = await policyState(services.db, negotiationId);
  const members = await listMembers(services.db, negotiationId);
  return {
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      online: online.has(m.userId),
      mayModerate: may({ role: m.role, owner: m.isOwner }, "runSession", state),
    })),
    clauses,
  };
}
