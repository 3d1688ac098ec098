import type { CheckedField } from "../../../shared/templates/wizardSteps";
import type { MessageKey, Translate } from "../../i18n";

const messages: Partial<Record<CheckedField, MessageKey>> = {
  title: "wizard.error.title",
  ourOrg: "wizard.error.org",
  counterpartyOrg: "wizard.error.org",
  copyFrom: "wizard.error.copyFrom",
  data: "wizard.error.data",
  rules: "wizard.error.rules",
};

/** The message shown at a field the server refused; a choice left open or tampered with asks to choose. */
export function fieldError(t: Translate, errors: CheckedField[], field: CheckedField): string | undefined {
  return errors.includes(field) ? t(messages[field] ?? "wizard.error.choose") : undefined;
}
