import { useId, useMemo, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { linkedClauses, regimeCoverage, type CoverageRegime, type ElementCoverage } from "../../../shared/knowledge/coverage";
import { wordDiff } from "../../../shared/knowledge/wordDiff";
import { readableBody } from "../../../shared/knowledge/clauseWording";
import type { LevelName } from "../../../shared/templates/wizardAnswers";
import { useT } from "../../i18n";
import { insertRequirement } from "./insertRequirement";
import { useRequirementWordings } from "./useRequirementWordings";
import { DiffText } from "../schedule/DiffText";

export interface CoverageSetup {
  regimes: CoverageRegime[];
  /** Regimes the wizard found applicable; the others can be checked on request. */
  applicable: string[];
  level: LevelName;
}

/**
 * For each regime, which of its elements the schedule's wording covers, covers below the legal
 * minimum, has edited away from the knowledge base's text (someone must check) or misses
 * (decision 037), recomputed from the shared document on every change, so both parties see the same.
 */
export function CoveragePanel({ view, setup, canEdit }: { view: EditorView; setup: CoverageSetup; canEdit: boolean }) {
  const t = useT();
  const id = useId();
  const [checked, setChecked] = useState<string[]>(setup.applicable);
  const [failed, setFailed] = useState(false);
  const doc = view.state.doc;
  const linked = useMemo(() => linkedClauses(doc), [doc]);
  const { wordings, failed: unchecked } = useRequirementWordings();
  const shown = setup.regimes.filter((r) => checked.includes(r.id));
  const toggle = (regime: string, on: boolean) => setChecked((list) => (on ? [...list, regime] : list.filter((r) => r !== regime)));
  const insert = async (requirementId: string) => setFailed(!(await insertRequirement(view, requirementId, setup.level, checked)));

  return (
    <section className="coverage" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("coverage.title")}</h2>
      <fieldset className="coverage-regimes">
        <legend>{t("coverage.regimes")}</legend>
        {setup.regimes.map((r) => (
          <label key={r.id}>
            <input type="checkbox" checked={checked.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} /> {r.name}
            {setup.applicable.includes(r.id) && <span className="hint"> {t("coverage.applies")}</span>}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 && <p className="hint">{t("coverage.none")}</p>}
      {shown.length > 0 && !wordings && (
        <p role="status" className={unchecked ? "form-error" : "hint"}>
          {unchecked ? t("coverage.checkFailed") : t("coverage.checking")}
        </p>
      )}
      {failed && (
        <p role="alert" className="form-error">
          {t("knowledge.add.failed")}
        </p>
      )}
      {shown.map((regime) => {
        const rows = regimeCoverage(regime, linked, wordings ?? undefined);
        return (
          // Open at first; React leaves it alone afterwards, so a reader's collapse sticks.
          <details key={regime.id} className="coverage-regime" open>
            <summary>
              {regime.name}: {t("coverage.count", { covered: rows.filter((row) => row.state === "covered").length, total: rows.length })}
            </summary>
            <ul>
              {rows.map((row) => (
                <CoverageRow key={row.element.id} row={row} canEdit={canEdit} insert={insert} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

const stateLabel = {
  covered: "coverage.covered",
  linked: "coverage.linked",
  edited: "coverage.edited",
  below: "coverage.below",
  missing: "coverage.missing",
} as const;

function CoverageRow({ row, canEdit, insert }: { row: ElementCoverage; canEdit: boolean; insert: (requirementId: string) => Promise<void> }) {
  const t = useT();
  const { element, clauses, state } = row;
  const first = element.requirements[0];
  const shown = state === "covered" ? clauses.filter((c) => c.state === "covered") : clauses;
  return (
    <li className={state}>
      <span className="coverage-state">{t(stateLabel[state])}</span> <strong>{element.ref}</strong> {element.title}
      {state === "covered" || state === "linked" ? (
        <span className="coverage-clauses"> — {shown.map((c) => `${c.number} ${c.heading}`).join("; ")}</span>
      ) : (
        clauses.map((c) => {
          const clause = `${c.number} ${c.heading}`;
          if (c.state === "below")
            return (
              <p key={c.id} className="coverage-detail">
                {t("coverage.lacks", { clause, level: t(`level.${c.level}`), lacks: c.lacks })}
              </p>
            );
          if (c.state === "edited" && c.nearest)
            return (
              // The changes only on request: a schedule of edited clauses would otherwise be a wall of redlines.
              <details key={c.id} className="coverage-detail">
                <summary>{t("coverage.editedFrom", { clause, level: t(`level.${c.nearest.level}`) })}</summary>
                <DiffText pieces={wordDiff(c.nearest.text, readableBody(c.body))} />
              </details>
            );
          if (c.state === "edited")
            return (
              <p key={c.id} className="coverage-detail">
                {t("coverage.editedNoText", { clause })}
              </p>
            );
          return null;
        })
      )}
      {state === "missing" && canEdit && first && (
        <button type="button" onClick={() => void insert(first.id)}>
          {t("coverage.insert", { title: first.title })}
        </button>
      )}
    </li>
  );
}
