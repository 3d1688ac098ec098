import { useEffect, useState } from "react";
import type { Role } from "../../../shared/roles";

export type NegotiationMemberView = { userId: string; name: string; role: Role };

/** The negotiation's members, for mentions: fetched when the thread panel opens. */
export function useMembers(negotiationId: string): NegotiationMemberView[] {
  const [members, setMembers] = useState<NegotiationMemberView[]>([]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const res = await fetch(`/api/negotiations/${negotiationId}`, { headers: { Accept: "application/json" } }).catch(() => null);
      if (!res?.ok || cancelled) return;
      const body = (await res.json()) as { members: NegotiationMemberView[] };
      if (!cancelled) setMembers(body.members);
    })();
    return () => {
      cancelled = true;
    };
  }, [negotiationId]);
  return members;
}
