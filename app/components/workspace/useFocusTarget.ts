import { useCallback, useState } from "react";

/**
 * Something to scroll to and focus once it is shown (a thread, a proposal): set by a link (again
 * when the link changes) or by an action, and cleared by whoever focused it, so that switching
 * tabs or a later push does not take the keyboard away again.
 */
export function useFocusTarget(linked: string | null) {
  const [target, setTarget] = useState(linked);
  const [seen, setSeen] = useState(linked);
  if (seen !== linked) {
    setSeen(linked);
    setTarget(linked);
  }
  const done = useCallback(() => setTarget(null), []);
  return [target, setTarget, done] as const;
}
