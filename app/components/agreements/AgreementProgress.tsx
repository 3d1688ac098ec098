import { useId, useMemo, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { needsPartyAttention, progressOf, type ClauseState } from "../../../shared/agreements/clauseStatus";
import { structureUnitId } from "../../../shared/agreements/scheduleStructure";
import { numberClauses } from "../../../shared/editor/numbering";
import type { Party } from "../../../shared/roles";
import { useT, type MessageKey } from "../../i18n";

const filters = ["all", "mine", "changed", "needs-change", "open"] as const;
type Filter = (typeof filters)[number];

function matches(filter: Filter, state: ClauseState, party: Party | null): boolean {
  if (filter === "all") return true;
  if (filter === "mine") return party ? needsPartyAttention(state, party) : state.status !== "agreed";
  return state.status === filter;
}

/** "34 of 42 agreed", and the clauses (and the structure) that still need attention, to jump to. */
export function AgreementProgress({
  view,
  states,
  structure,
  party,
  onOpen,
}: {
  view: EditorView;
  states: ClauseState[];
  structure: ClauseState;
  party: Party | null;
  /** Opens a clause (or the structure) by its unit id. */
  onOpen: (unitId: string) => void;
}) {
  const t = useT();
  const id = useId();
  const [filter, setFilter] = useState<Filter>(party ? "mine" : "all");
  const doc = view.state.doc;
  // Only edits change the outline; the panel also re-renders for every cursor move.
  const clauses = useMemo(() => numberClauses(doc), [doc]);
  const { agreed, total } = progressOf([...states, structure]);
  const units = [
    { id: structureUnitId, label: t("agreement.structure.name"), state: structure },
    ...clauses.map((c, i) => ({ id: c.id, label: `${c.number} ${c.heading || t("agreement.untitled")}`, state: states[i] })),
  ];
  const shown = units.flatMap((u) => (u.state && matches(filter, u.state, party) ? [{ id: u.id, label: u.label, status: u.state.status }] : []));
  return (
    <section className="agreement-progress" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("agreement.progress.title")}</h2>
      <p id={`${id}-count`}>{t("agreement.progress.count", { agreed, total })}</p>
      <progress value={agreed} max={total} aria-labelledby={`${id}-count`} />
      <details open>
        <summary>{t("agreement.progress.list")}</summary>
        <label htmlFor={`${id}-filter`}>{t("agreement.filter")}</label>
        <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {t(`agreement.filter.${f}` as MessageKey)}
            </option>
          ))}
        </select>
        {shown.length === 0 ? (
          <p className="hint">{t("agreement.filter.empty")}</p>
        ) : (
          <ul className="clause-outline">
            {shown.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
                  {c.label}
                </button>{" "}
                <span className={`agreement-badge status-${c.status}`}>{t(`agreement.status.${c.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
