import { ChoiceGroup } from "../ChoiceGroup";
import { Field } from "../Field";
import { useT } from "../../i18n";

export type BasicsField = "title" | "side" | "ourOrg" | "counterpartyOrg";

interface Props {
  values: { title?: string; side?: string; ourOrg?: string; counterpartyOrg?: string };
  /** The message to show at a field, if it was refused. */
  error: (field: BasicsField) => string | undefined;
}

/** A new negotiation's title, our side and the two organisations: the wizard's first step and the Word import ask the same. */
export function NegotiationBasicsFields({ values, error }: Props) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("wizard.basics")}</legend>
      <Field label={t("wizard.titleField")} name="title" required minLength={3} maxLength={200} defaultValue={values.title} error={error("title")} />
      <ChoiceGroup
        legend={t("wizard.side")}
        name="side"
        defaultValue={values.side ?? "buyer"}
        error={error("side")}
        options={[
          { value: "buyer", label: t("wizard.side.buyer") },
          { value: "supplier", label: t("wizard.side.supplier") },
        ]}
      />
      <Field label={t("wizard.ourOrg")} name="ourOrg" required maxLength={200} defaultValue={values.ourOrg} error={error("ourOrg")} />
      <Field
        label={t("wizard.counterpartyOrg")}
        name="counterpartyOrg"
        required
        maxLength={200}
        defaultValue={values.counterpartyOrg}
        error={error("counterpartyOrg")}
      />
    </fieldset>
  );
}
