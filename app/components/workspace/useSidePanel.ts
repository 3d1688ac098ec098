import { useCallback, useEffect, useState } from "react";

export const sidePanelTabs = ["clause", "threads", "proposals", "progress", "coverage", "activity"] as const;
export type SidePanelTab = (typeof sidePanelTabs)[number];

const storageKey = "cg.sidePanel";
/** Below this width the panel is a drawer over the document (the CSS uses the same width). */
export const drawerQuery = "(max-width: 1099px)";

interface Remembered {
  tab: SidePanelTab;
  collapsed: boolean;
}

function remembered(): Remembered {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Partial<Remembered> | null;
    const tab = sidePanelTabs.find((t) => t === value?.tab) ?? "clause";
    return { tab, collapsed: value?.collapsed === true };
  } catch {
    return { tab: "clause", collapsed: false };
  }
}

/**
 * Which tab the side panel shows and whether it is out of the way, kept on this device across
 * pages. On wide screens the panel is a column that can be collapsed (remembered); on narrow ones
 * it is a drawer over the document that opens when asked for (not remembered: it covers the text).
 */
export function useSidePanel(deepLinkedTab: SidePanelTab | null) {
  const [state, setState] = useState(() => ({ ...remembered(), ...(deepLinkedTab ? { tab: deepLinkedTab, collapsed: false } : {}) }));
  const [drawerOpen, setDrawerOpen] = useState(deepLinkedTab !== null);
  const narrow = useMediaQuery(drawerQuery);
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // Private windows may refuse storage: the panel then simply forgets.
    }
  }, [state]);
  const select = useCallback((tab: SidePanelTab) => setState((s) => ({ ...s, tab })), []);
  /** Selects a tab and makes sure the panel is in sight. */
  const show = useCallback((tab: SidePanelTab) => {
    setState({ tab, collapsed: false });
    setDrawerOpen(true);
  }, []);
  const hide = useCallback(() => {
    if (narrow) setDrawerOpen(false);
    else setState((s) => ({ ...s, collapsed: true }));
  }, [narrow]);
  const visible = narrow ? drawerOpen : !state.collapsed;
  return { tab: state.tab, select, show, hide, visible, narrow };
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener("change", onChange);
    onChange();
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

export type SidePanelControl = ReturnType<typeof useSidePanel>;
