import { useCallback, useEffect, useMemo, useState } from "react";
import type { ThreadView } from "../../../shared/threads";
import type { CollaborationSession } from "../editor/collaborationSession";
import { useT } from "../../i18n";
import { postToNegotiationApi } from "../negotiationApi";

export type ThreadRequest =
  | { kind: "create"; body: { clauseId: string; visibility: "shared" | "internal"; body: string; anchor: unknown; quote: string | null } }
  | { kind: "create"; body: { proposalId: string; visibility: "shared" | "internal"; body: string } }
  | { kind: "thread"; threadId: string; body: Record<string, unknown> }
  | { kind: "comment"; commentId: string; body: Record<string, unknown> };

/**
 * The threads this member may see: fetched once, then kept current by the server's pushes on the
 * collaboration socket, and fetched again after a reconnect (pushes missed while offline).
 */
export function useThreads(negotiationId: string, session: CollaborationSession) {
  const [threads, setThreads] = useState<Map<string, ThreadView>>(new Map());
  const t = useT();
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
    async (request: ThreadRequest): Promise<ThreadView | null> => {
      const path = request.kind === "create" ? "threads" : request.kind === "thread" ? `threads/${request.threadId}` : `comments/${request.commentId}`;
      const result = await postToNegotiationApi<{ thread: ThreadView }>(negotiationId, path, request.body);
      if (!result.ok) {
        setError(result.refusal?.error ?? t("agreement.error.network"));
        return null;
      }
      setError(null);
      upsert(result.data.thread);
      return result.data.thread;
    },
    [negotiationId, upsert, t],
  );

  // A stable array: the editor's thread markers are re-sent whenever it changes.
  const list = useMemo(() => [...threads.values()], [threads]);
  return { threads: list, send, error };
}
