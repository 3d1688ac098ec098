import { newNegotiationSchema } from "../../shared/templates/wizardAnswers";

export { startNegotiation } from "../../server/negotiations/startNegotiation";
export { selectClauses } from "../../shared/templates/selectClauses";

/** The wizard's form fields, shaped like POST /api/negotiations's JSON, then validated the same way. */
export function parseWizardForm(form: FormData, allRequirementIds: string[]) {
  const kind = form.get("startKind");
  const include = new Set(form.getAll("include").map(String));
  const previewed = form.get("previewed") === "1";
  const raw = {
    title: form.get("title"),
    side: form.get("side"),
    ourOrg: form.get("ourOrg"),
    counterpartyOrg: form.get("counterpartyOrg"),
    start:
      kind === "empty"
        ? { kind: "empty" }
        : kind === "copy"
          ? { kind: "copy", fromNegotiationId: form.get("copyFrom") }
          : {
              kind: "template",
              context: {
                service: form.get("service"),
                data: form.get("data"),
                criticality: form.get("criticality"),
                rules: form.getAll("rules"),
              },
              level: form.get("level") || undefined,
              exclude: previewed ? allRequirementIds.filter((id) => !include.has(id)) : [],
            },
  };
  return newNegotiationSchema.safeParse(raw);
}
