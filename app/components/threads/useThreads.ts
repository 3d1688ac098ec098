import { useCallback, useEffect, useMemo, useState } from "react";
import type { ThreadView } from "../../../shared/threads";
import type { CollaborationSession } from "../editor/collaborationSession";

export type ThreadRequest =
  | { kind: "create"; body: { clauseId: string; visibility: "shared" | "internal"; body: string; anchor: unknown; quote: string | null } }
  | { kind: "thread"; threadId: string; body: Record<string, unknown> }
  | { kind: "comment"; commentId: string; body: Record<string, unknown> };

/**
 * The threads this member may see: fetched once, then kept current by the server's pushes on the
 * collaboration socket, and fetched again after a reconnect (pushes missed while offline).
 */
export function useThreads(negotiationId: string, session: CollaborationSession) {
  const [threads, setThreads] = useState<Map<string, ThreadView>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const upsert = useCallback((thread: ThreadView) => setThreads((current) => new Map(current).set(thread.id, thread)), []);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const res = await fetch(`/api/negotiations/${negotiationId}/threads`);
      if (!res.ok || cancelled) return;
      const list = (await res.json()) as ThreadView[];
      if (!cancelled) setThreads(new Map(list.map((t) => [t.id, t])));
    };
    void load();
    const offThread = session.onThread(upsert);
    const offSync = session.onResync(() => void load());
    return () => {
      cancelled = true;
      offThread();
      offSync();
    };
  }, [negotiationId, session, upsert]);

  const send = useCallback(
    async (request: ThreadRequest): Promise<boolean> => {
      const base = `/api/negotiations/${negotiationId}`;
      const url = request.kind === "create" ? `${base}/threads` : request.kind === "thread" ? `${base}/threads/${request.threadId}` : `${base}/comments/${request.commentId}`;
      const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request.body) });
      const payload = (await res.json().catch(() => ({}))) as { thread?: ThreadView; error?: string };
      if (!res.ok || !payload.thread) {
        setError(payload.error ?? `HTTP ${res.status}`);
        return false;
      }
      setError(null);
      upsert(payload.thread);
      return true;
    },
    [negotiationId, upsert],
  );

  // A stable array: the editor's thread markers are re-sent whenever it changes.
  const list = useMemo(() => [...threads.values()], [threads]);
  return { threads: list, send, error };
}
