import { useId, useMemo, useState } from "react";
import type { EditorView } from "prosemirror-view";
import { linkedClauses, regimeCoverage, type CoverageRegime } from "../../../shared/knowledge/coverage";
import type { LevelName } from "../../../shared/templates/wizardAnswers";
import { useT } from "../../i18n";
import { insertRequirement } from "./insertRequirement";

export interface CoverageSetup {
  regimes: CoverageRegime[];
  /** Regimes the wizard found applicable; the others can be checked on request. */
  applicable: string[];
  level: LevelName;
}

/**
 * For each regime, which of its elements the schedule covers through linked clauses and which are
 * missing, recomputed from the shared document on every change, so both parties see the same.
 */
export function CoveragePanel({ view, setup, canEdit }: { view: EditorView; setup: CoverageSetup; canEdit: boolean }) {
  const t = useT();
  const id = useId();
  const [checked, setChecked] = useState<string[]>(setup.applicable);
  const [failed, setFailed] = useState(false);
  const doc = view.state.doc;
  const linked = useMemo(() => linkedClauses(doc), [doc]);
  const shown = setup.regimes.filter((r) => checked.includes(r.id));
  const toggle = (regime: string, on: boolean) => setChecked((list) => (on ? [...list, regime] : list.filter((r) => r !== regime)));
  const insert = async (requirementId: string) => setFailed(!(await insertRequirement(view, requirementId, setup.level)));

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
      {failed && (
        <p role="alert" className="form-error">
          {t("knowledge.add.failed")}
        </p>
      )}
      {shown.map((regime) => {
        const rows = regimeCoverage(regime, linked);
        const missing = rows.filter((row) => row.clauses.length === 0);
        return (
          // Open at first; React leaves it alone afterwards, so a reader's collapse sticks.
          <details key={regime.id} className="coverage-regime" open>
            <summary>
              {regime.name}: {t("coverage.count", { covered: rows.length - missing.length, total: rows.length })}
            </summary>
            <ul>
              {rows.map(({ element, clauses }) => (
                <li key={element.id} className={clauses.length ? "covered" : "missing"}>
                  <span className="coverage-state">{clauses.length ? t("coverage.covered") : t("coverage.missing")}</span> <strong>{element.ref}</strong>{" "}
                  {element.title}
                  {clauses.length > 0 && <span className="coverage-clauses"> — {clauses.map((c) => `${c.number} ${c.heading}`).join("; ")}</span>}
                  {clauses.length === 0 && canEdit && element.requirements[0] && (
                    <button type="button" onClick={() => void insert(element.requirements[0]!.id)}>
                      {t("coverage.insert", { title: element.requirements[0]!.title })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
