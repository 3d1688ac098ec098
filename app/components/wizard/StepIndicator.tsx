import type { WizardStep } from "../../../shared/templates/wizardSteps";
import { useT } from "../../i18n";

/**
 * Where the user is in the wizard. Earlier steps are buttons of the wizard's form, so going back
 * to one posts the answers given since and keeps them, with or without JavaScript.
 */
export function StepIndicator({ steps, current }: { steps: WizardStep[]; current: WizardStep }) {
  const t = useT();
  const index = steps.indexOf(current);
  return (
    <nav aria-label={t("wizard.steps")} className="wizard-steps">
      <ol>
        {steps.map((step, i) => {
          const label = `${i + 1}. ${t(`wizard.step.${step}`)}`;
          return (
            <li key={step} aria-current={i === index ? "step" : undefined} className={i < index ? "done" : i === index ? "current" : undefined}>
              {i < index ? (
                <button type="submit" name="intent" value={`goto:${step}`} formNoValidate className="link-button">
                  {label}
                  <span className="visually-hidden"> {t("wizard.step.done")}</span>
                </button>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
