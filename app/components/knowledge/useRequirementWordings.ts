import { useEffect, useState } from "react";
import type { RequirementWording } from "../../../shared/knowledge/clauseWording";

// Read once per page: the catalogue does not change while one is open.
let cached: Promise<Map<string, RequirementWording>> | null = null;

function load(): Promise<Map<string, RequirementWording>> {
  cached ??= fetch("/api/knowledge/wordings", { headers: { Accept: "application/json" } })
    .then((res) => {
      if (!res.ok) throw new Error(`wordings: ${res.status}`);
      return res.json() as Promise<Record<string, RequirementWording>>;
    })
    .then((byId) => new Map(Object.entries(byId)))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}

/** The catalogue's level texts the coverage check compares clauses with (decision 037): loading, loaded, or failed. */
export function useRequirementWordings(): { wordings: Map<string, RequirementWording> | null; failed: boolean } {
  const [state, setState] = useState<{ wordings: Map<string, RequirementWording> | null; failed: boolean }>({ wordings: null, failed: false });
  useEffect(() => {
    let live = true;
    load().then(
      (wordings) => live && setState({ wordings, failed: false }),
      () => live && setState({ wordings: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
