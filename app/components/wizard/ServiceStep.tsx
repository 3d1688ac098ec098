import { serviceTypes } from "../../../shared/templates/wizardChoices";
import type { CheckedField, WizardDraft } from "../../../shared/templates/wizardSteps";
import { ChoiceGroup } from "../ChoiceGroup";
import { Field } from "../Field";
import { useT } from "../../i18n";
import { fieldError } from "./fieldError";

/** Step 1: the negotiation itself, what to start from, and the type of service. */
export function ServiceStep({ draft, errors, canCopy }: { draft: WizardDraft; errors: CheckedField[]; canCopy: boolean }) {
  const t = useT();
  const error = (field: CheckedField) => fieldError(t, errors, field);
  return (
    <>
      <fieldset>
        <legend>{t("wizard.basics")}</legend>
        <Field label={t("wizard.titleField")} name="title" required minLength={3} maxLength={200} defaultValue={draft.title} error={error("title")} />
        <ChoiceGroup
          legend={t("wizard.side")}
          name="side"
          defaultValue={draft.side}
          error={error("side")}
          options={[
            { value: "buyer", label: t("wizard.side.buyer") },
            { value: "supplier", label: t("wizard.side.supplier") },
          ]}
        />
        <Field label={t("wizard.ourOrg")} name="ourOrg" required maxLength={200} defaultValue={draft.ourOrg} error={error("ourOrg")} />
        <Field
          label={t("wizard.counterpartyOrg")}
          name="counterpartyOrg"
          required
          maxLength={200}
          defaultValue={draft.counterpartyOrg}
          error={error("counterpartyOrg")}
        />
      </fieldset>
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
