import { useEffect, useState } from "react";

/**
 * `text` once it has stayed the same for `ms`: what a live region should announce when the text
 * changes with every keystroke (a count of unsent changes), so a screen reader hears where it
 * settled, not each step.
 */
export function useSettledText(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}
