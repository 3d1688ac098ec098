import { useEffect, useRef, useState } from "react";

/**
 * `text` once it has stayed the same for `ms`, and at least every `maxWaitMs` while it keeps
 * changing: what a live region should announce when the text changes with every keystroke (a count
 * of unsent changes), so a screen reader hears where it settled, not each step.
 */
export function useSettledText(text: string, ms: number, maxWaitMs: number): string {
  const [settled, setSettled] = useState(text);
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    if (text === settled) {
      pendingSince.current = null;
      return;
    }
    pendingSince.current ??= Date.now();
    const timer = setTimeout(() => setSettled(text), Math.min(ms, pendingSince.current + maxWaitMs - Date.now()));
    return () => clearTimeout(timer);
  }, [text, settled, ms, maxWaitMs]);
  return settled;
}
