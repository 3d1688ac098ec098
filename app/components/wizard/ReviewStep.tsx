import type { CheckedField, Proposal, WizardDraft, WizardStep } from "../../../shared/templates/wizardSteps";
import { useT, type MessageKey } from "../../i18n";
import { fieldError } from "./fieldError";
import { reasonText } from "./reasonText";

interface ReviewStepProps {
  draft: WizardDraft;
  errors: CheckedField[];
  proposal: Proposal | null;
  steps: WizardStep[];
  copyable: { id: string; title: string }[];
}

/** Step 6: the answers (each with a way back to change it) and the proposed clauses, each with why it is proposed. */
export function ReviewStep({ draft, errors, proposal, steps, copyable }: ReviewStepProps) {
  const t = useT();
  const stepName = (step: WizardStep) => t("wizard.stepName", { number: steps.indexOf(step) + 1, name: t(`wizard.step.${step}`) });
  const answers: { step: WizardStep; label: string; value: string }[] = [
    { step: "service", label: t("wizard.titleField"), value: draft.title },
    { step: "service", label: t("wizard.side"), value: t(draft.side === "supplier" ? "wizard.side.supplier" : "wizard.side.buyer") },
    { step: "service", label: t("wizard.start"), value: t(`wizard.start.${draft.startKind}` as MessageKey) },
  ];
  if (proposal) {
    answers.push(
      { step: "service", label: t("wizard.step.service"), value: t(`service.${draft.service}` as MessageKey) },
      { step: "data", label: t("wizard.step.data"), value: draft.data.map((kind) => t(`data.${kind}` as MessageKey)).join(", ") },
      { step: "criticality", label: t("wizard.step.criticality"), value: t(`criticality.${draft.criticality}` as MessageKey) },
      {
        step: "regimes",
        label: t("wizard.step.regimes"),
        value: proposal.regimes.map((r) => t(`wizard.regime.${r}`)).join(", ") || t("wizard.review.noRegimes"),
      },
      { step: "level", label: t("wizard.step.level"), value: t(`level.${draft.level || proposal.suggestedLevel}` as MessageKey) },
    );
  }
  const excluded = new Set(draft.exclude);
  return (
    <>
      <dl className="wizard-answers">
        {answers.map((answer) => (
          <div key={answer.label}>
            <dt>{answer.label}</dt>
            <dd>
              <span>{answer.value}</span>
              <button
                type="submit"
                name="intent"
                value={`goto:${answer.step}`}
                formNoValidate
                className="link-button"
                aria-label={t("wizard.review.change", { what: answer.label })}
              >
                {t("wizard.review.changeShort")}
              </button>
            </dd>
          </div>
        ))}
      </dl>

      {draft.startKind === "empty" && <p>{t("wizard.review.empty")}</p>}

      {draft.startKind === "copy" && (
        <div className="field">
          <label htmlFor="copyFrom">{t("wizard.copyFrom")}</label>
          <select
            id="copyFrom"
            name="copyFrom"
            defaultValue={draft.copyFrom}
            aria-invalid={errors.includes("copyFrom") ? true : undefined}
            aria-describedby={errors.includes("copyFrom") ? "copyFrom-error" : undefined}
          >
            {copyable.map((n) => (
              <option key={n.id} value={n.id}>
                {n.title}
              </option>
            ))}
          </select>
          {errors.includes("copyFrom") && (
            <p id="copyFrom-error" className="field-error">
              {fieldError(t, errors, "copyFrom")}
            </p>
          )}
        </div>
      )}

      {proposal && (
        <section className="wizard-preview" aria-labelledby="preview-heading">
          <input type="hidden" name="reviewed" value="1" />
          <h3 id="preview-heading">{t("wizard.preview.title", { count: proposal.clauses.length })}</h3>
          <p>{t("wizard.preview.untick")}</p>
          <ul className="preview-clauses">
            {proposal.clauses.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="checkbox" name="include" value={c.id} defaultChecked={!excluded.has(c.id)} />
                  <strong>{c.title}</strong> <span className="hint">({t(`category.${c.category}` as MessageKey)})</span>
                </label>
                <ul className="reasons" aria-label={t("wizard.preview.why")}>
                  {c.reasons.map(({ reason, step }, i) => (
                    <li key={i}>
                      {reasonText(t, reason)} <span className="reason-step">({t("wizard.review.fromAnswer", { step: stepName(step) })})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
