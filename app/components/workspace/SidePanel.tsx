import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../../i18n";
import type { SidePanelControl, SidePanelTab } from "./useSidePanel";

export interface PanelTab {
  id: SidePanelTab;
  label: string;
  /** A short count shown on the tab (open threads, agreed of total). */
  badge?: string;
  content: () => ReactNode;
}

export const sidePanelId = "side-panel";
export const sidePanelBodyId = "side-panel-body";

/**
 * The workspace's side panel: tabs over one scrolling body, beside the document on wide screens
 * and a drawer over it on narrow ones. The tab list is one tab stop (arrow keys move along it);
 * Escape gives the keyboard back to the document.
 */
export function SidePanel({ tabs, panel, onLeave }: { tabs: PanelTab[]; panel: SidePanelControl; onLeave: () => void }) {
  const t = useT();
  const tabRefs = useRef(new Map<SidePanelTab, HTMLButtonElement>());
  const active = tabs.find((tab) => tab.id === panel.tab) ?? tabs[0]!;
  const moveAlong = (event: KeyboardEvent) => {
    const index = tabs.indexOf(active);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    panel.select(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };
  const leave = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    if (panel.narrow) panel.hide();
    onLeave();
  };
  return (
    <aside id={sidePanelId} className="side-panel" data-visible={panel.visible} aria-label={t("panel.label")} onKeyDown={leave} hidden={!panel.visible}>
      <div className="side-panel-head">
        <div role="tablist" aria-label={t("panel.tabs")} className="side-panel-tabs" onKeyDown={moveAlong}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) tabRefs.current.set(tab.id, el);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`side-tab-${tab.id}`}
              aria-selected={tab === active}
              aria-controls={sidePanelBodyId}
              tabIndex={tab === active ? 0 : -1}
              onClick={() => panel.select(tab.id)}
            >
              {tab.label}
              {tab.badge && <span className="tab-badge"> {tab.badge}</span>}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="side-panel-hide"
          onClick={panel.hide}
          aria-label={t(panel.narrow ? "panel.close" : "panel.collapse")}
          title={t(panel.narrow ? "panel.close" : "panel.collapse")}
        >
          <span aria-hidden="true">{panel.narrow ? "×" : "»"}</span>
        </button>
      </div>
      <div role="tabpanel" id={sidePanelBodyId} aria-labelledby={`side-tab-${active.id}`} className="side-panel-body">
        {active.content()}
      </div>
    </aside>
  );
}

/** Brings the panel back: always there on narrow screens, on wide ones only while it is collapsed. */
export function SidePanelToggle({ panel }: { panel: SidePanelControl }) {
  const t = useT();
  if (panel.visible && !panel.narrow) return null;
  return (
    <button
      type="button"
      className="side-panel-toggle"
      aria-controls={sidePanelId}
      aria-expanded={panel.visible}
      onClick={() => (panel.visible ? panel.hide() : panel.show(panel.tab))}
    >
      {t(panel.visible ? "panel.close" : "panel.open")}
    </button>
  );
}
