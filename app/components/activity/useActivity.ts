import { useEffect, useState } from "react";
import type { ActivityEntry } from "../../../shared/activity";
import type { CollaborationSession } from "../editor/collaborationSession";

/**
 * The negotiation's activity, re-read whenever the socket says a move was recorded and after
 * every reconnection (moves made while offline were not pushed). Null until the first answer.
 */
export function useActivity(negotiationId: string, session: CollaborationSession) {
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const res = await fetch(`/api/negotiations/${negotiationId}/activity`, { headers: { Accept: "application/json" } }).catch(() => null);
      if (cancelled) return;
      setFailed(!res?.ok);
      if (res?.ok) setEntries((await res.json()) as ActivityEntry[]);
    };
    void load();
    const stopActivity = session.onActivity(() => void load());
    const stopResync = session.onResync(() => void load());
    return () => {
      cancelled = true;
      stopActivity();
      stopResync();
    };
  }, [negotiationId, session]);

  return { entries, failed };
}
