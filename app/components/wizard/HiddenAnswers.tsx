import type { WizardDraft, WizardField } from "../../../shared/templates/wizardSteps";

/** The answers of every other step, carried along so each post holds them all. */
export function HiddenAnswers({ draft, shown }: { draft: WizardDraft; shown: WizardField[] }) {
  const fields = (Object.keys(draft) as WizardField[]).filter((field) => !shown.includes(field));
  return (
    <>
      {fields.flatMap((field) => {
        const value = draft[field];
        return Array.isArray(value)
          ? value.map((item, i) => <input type="hidden" key={`${field}-${i}`} name={field} value={item} />)
          : [<input type="hidden" key={field} name={field} value={value} />];
      })}
    </>
  );
}
