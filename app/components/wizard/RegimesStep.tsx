import { rules, type Rule } from "../../../shared/templates/wizardChoices";
import { impliedRules, type CheckedField, type WizardDraft } from "../../../shared/templates/wizardSteps";
import { ChoiceGroup } from "../ChoiceGroup";
import { useT, type MessageKey } from "../../i18n";
import { fieldError } from "./fieldError";
import { RegimeHelp } from "./RegimeHelp";

/** The rules that are about "us" read differently for the supplier, whose customer is the regulated one. */
const sidedRules = new Set<Rule>(["nis2", "dora", "gdpr"]);

/** Step 4: which rules apply; GDPR is already ticked (and fixed) when step 2 said personal data. */
export function RegimesStep({ draft, errors }: { draft: WizardDraft; errors: CheckedField[] }) {
  const t = useT();
  const implied = impliedRules(draft.data);
  const label = (rule: Rule) => t((draft.side === "supplier" && sidedRules.has(rule) ? `rule.${rule}.supplier` : `rule.${rule}`) as MessageKey);
  return (
    <ChoiceGroup
      legend={t("wizard.rules")}
      name="rules"
      multiple
      defaultValues={[...draft.rules, ...implied]}
      error={fieldError(t, errors, "rules")}
      options={rules.map((rule) => ({
        value: rule,
        label: label(rule),
        hint: implied.includes(rule) ? t("wizard.rules.implied") : t(`rule.${rule}.hint`),
        disabled: implied.includes(rule),
        more: rule === "nis2" || rule === "dora" ? <RegimeHelp regime={rule} /> : undefined,
      }))}
    />
  );
}
