import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";

/** Pages without a live socket reload their data when the reader comes back to the tab. */
export function useRevalidateOnFocus() {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && state === "idle") revalidate();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [revalidate, state]);
}
