import { useEffect, useState, type ReactNode } from "react";

/** Renders its children only after hydration; the server and the first client render show the fallback. */
export function ClientOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the one re-render after hydration is the point
  useEffect(() => setHydrated(true), []);
  return <>{hydrated ? children : fallback}</>;
}
