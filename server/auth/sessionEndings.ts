/**
 * Who must hear that sessions ended. The collaboration server listens, so a socket opened with a
 * session closes when the session ends, and auth knows nothing about sockets. Session ids are
 * unguessable and unique, so several servers in one process (tests) can share the list.
 */
type Listener = (sessionIds: readonly string[]) => void;

const listeners = new Set<Listener>();

/** Returns the function that stops listening. */
export function onSessionsEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function sessionsEnded(sessionIds: readonly string[]): void {
  if (sessionIds.length === 0) return;
  for (const listener of listeners) listener(sessionIds);
}
