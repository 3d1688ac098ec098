import { useEffect, useState } from "react";
import type { CollaborationSession } from "./collaborationSession";

/** What `read` makes of the others' awareness states, kept current as they change. */
export function useAwareness<T>(session: CollaborationSession, read: (session: CollaborationSession) => T): T {
  const [value, setValue] = useState<T>(() => read(session));
  useEffect(() => {
    const update = () => setValue(read(session));
    session.provider.awareness.on("change", update);
    update();
    return () => session.provider.awareness.off("change", update);
    // `read` is one of the session's own readers, the same function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  return value;
}
