import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";
import { useRevalidateOnFocus } from "../useRevalidateOnFocus";

/** How often a participant's page re-reads a session in progress: this page has no socket of its own (decision 032). */
const everyMs = 10_000;

/** While a session is live, a participant's page follows the moderator's moves by re-reading it now and then, and on focus. */
export function useRevalidateWhileLive(live: boolean) {
  useRevalidateOnFocus();
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [live, revalidate]);
}
