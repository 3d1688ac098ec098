import { useEffect, useState } from "react";
import type { AgreementSnapshot } from "../../../shared/agreements/snapshot";
import type { CollaborationSession } from "../editor/collaborationSession";

/** The negotiation's agreement state: from the page, then from the server's pushes. */
export function useAgreementSnapshot(
  negotiationId: string,
  session: CollaborationSession | null,
  initial: AgreementSnapshot,
): [AgreementSnapshot, (snapshot: AgreementSnapshot) => void] {
  const [snapshot, setSnapshot] = useState(initial);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a revalidated loader snapshot replaces the pushed one
  useEffect(() => setSnapshot(initial), [initial]);
  useEffect(() => {
    if (!session) return;
    const offPush = session.onAgreements(setSnapshot);
    // Pushes sent while this tab was offline are gone: fetch the state after every resync.
    const offResync = session.onResync(() => {
      fetch(`/api/negotiations/${negotiationId}/agreements`)
        .then((res) => (res.ok ? (res.json() as Promise<AgreementSnapshot>) : null))
        .then((data) => data && setSnapshot(data))
        .catch(() => undefined);
    });
    return () => {
      offPush();
      offResync();
    };
  }, [negotiationId, session]);
  return [snapshot, setSnapshot];
}
