import { serviceTypes } from "../../../shared/templates/wizardChoices";
import type { CheckedField, WizardDraft } from "../../../shared/templates/wizardSteps";
import { ChoiceGroup } from "../ChoiceGroup";
import { useT } from "../../i18n";
import { fieldError } from "./fieldError";
import { NegotiationBasicsFields } from "./NegotiationBasicsFields";

/** Step 1: the negotiation itself, what to start from, and the type of service. */
export function ServiceStep({ draft, errors, canCopy }: { draft: WizardDraft; errors: CheckedField[]; canCopy: boolean }) {
  const t = useT();
  const error = (field: CheckedField) => fieldError(t, errors, field);
  return (
    <>
      <NegotiationBasicsFields values={draft} error={error} />
      <ChoiceGroup
        legend={t("wizard.start")}
        name="startKind"
        defaultValue={draft.startKind}
        error={error("startKind")}
        options={[
          { value: "template", label: t("wizard.start.template"), hint: t("wizard.start.template.hint") },
          { value: "empty", label: t("wizard.start.empty"), hint: t("wizard.start.empty.hint") },
          ...(canCopy ? [{ value: "copy", label: t("wizard.start.copy"), hint: t("wizard.start.copy.hint") }] : []),
        ]}
      />
      <fieldset>
        <legend>{t("wizard.context")}</legend>
        <ChoiceGroup
          legend={t("wizard.service")}
          name="service"
          defaultValue={draft.service}
          error={error("service")}
          options={serviceTypes.map((s) => ({ value: s, label: t(`service.${s}`), hint: t(`service.${s}.hint`) }))}
        />
      </fieldset>
    </>
  );
}
