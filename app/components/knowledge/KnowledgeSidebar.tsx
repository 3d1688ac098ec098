import { useEffect, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { clauseAt } from "../../../shared/editor/commands";
import { partyOf, type Role } from "../../../shared/roles";
import { useLocale, useT } from "../../i18n";
import type { LevelName } from "../../../shared/templates/wizardAnswers";
import type { GlossaryEntry, RequirementView as View } from "../../../shared/knowledge/localize";
import { termsBetween } from "./glossaryDecorations";
import { RequirementView } from "./RequirementView";
import { AddFromCatalogue } from "./AddFromCatalogue";

interface Props {
  view: EditorView;
  role: Role;
  canEdit: boolean;
  glossary: Map<string, GlossaryEntry>;
  defaultLevel: LevelName;
}

/** Explains the requirement behind the clause holding the cursor, from the reader's side first. */
export function KnowledgeSidebar({ view, role, canEdit, glossary, defaultLevel }: Props) {
  const t = useT();
  const locale = useLocale();
  const found = clauseAt(view.state.selection.$from);
  const requirement = found ? ((view.state.doc.nodeAt(found.pos)!.attrs.requirement as string | null) ?? null) : null;
  const terms = found ? termsBetween(view.state, found.pos, found.pos + view.state.doc.nodeAt(found.pos)!.nodeSize) : [];
  const [entry, setEntry] = useState<View | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- clears the entry of the previous requirement
    if (!requirement) return setEntry(null);
    let cancelled = false;
    fetch(`/api/knowledge/${encodeURIComponent(requirement)}`)
      .then((res) => (res.ok ? (res.json() as Promise<View>) : null))
      .then((data) => !cancelled && setEntry(data))
      .catch(() => !cancelled && setEntry(null));
    return () => {
      cancelled = true;
    };
  }, [requirement, locale]);
  return (
    <section className="knowledge-sidebar" aria-labelledby="knowledge-sidebar-heading">
      <h2 id="knowledge-sidebar-heading">{t("knowledge.sidebar")}</h2>
      {!found && <p className="hint">{t("knowledge.sidebar.placeCursor")}</p>}
      {found && !requirement && <p className="hint">{t("knowledge.sidebar.unlinked")}</p>}
      {entry && entry.id === requirement && <RequirementView entry={entry} firstTab={partyOf(role) === "supplier" ? "supplier" : "buyer"} headingLevel={3} />}
      {terms.length > 0 && (
        <details className="clause-terms">
          <summary>{t("knowledge.terms", { count: terms.length })}</summary>
          <dl>
            {terms.flatMap((id) => {
              const term = glossary.get(id);
              return term ? [<dt key={`${id}-t`}>{term.term}</dt>, <dd key={`${id}-d`}>{term.definition}</dd>] : [];
            })}
          </dl>
        </details>
      )}
      {canEdit && found && <AddFromCatalogue view={view} linked={requirement} defaultLevel={defaultLevel} />}
    </section>
  );
}
