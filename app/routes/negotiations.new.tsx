import { json, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { criticalities, dataKinds, levels, rules, serviceTypes } from "../../shared/templates/wizardAnswers";
import type { Locale } from "../../shared/i18n/index";
import type { RefusalBody } from "../../shared/refusal";
import type { Reason } from "../../shared/templates/selectClauses";
import { Field } from "../components/Field";
import { ChoiceGroup } from "../components/ChoiceGroup";
import { useT, type MessageKey, type Translate } from "../i18n";
import { getLocale } from "../utils/locale.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";
import { parseWizardForm, selectClauses, startNegotiation } from "../utils/negotiationForms.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { requireUser } from "../utils/member.server";
import { pageAction } from "../utils/respond.server";

export const meta: MetaFunction = () => [{ title: "New negotiation — Common Ground" }];

export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const mine = await listNegotiationsForUser(context.services.db, user.id);
  return { copyable: mine.map((n) => ({ id: n.id, title: n.title })) };
}

type Values = Record<string, string | string[]>;
type Preview = ReturnType<typeof previewOf>;
/** What the form shows again: what was typed, which fields are wrong, the clause preview; with a refusal, also its message. */
type WizardResult = { values: Values; errorFields: string[]; preview: Preview | null } & Partial<RefusalBody>;

function previewOf(catalogue: AppLoadContext["services"]["catalogue"], context: Parameters<typeof selectClauses>[1], locale: Locale) {
  const selection = selectClauses(catalogue, context);
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  return {
    level: selection.level,
    regimes: selection.regimes,
    clauses: selection.clauses.map((c) => ({
      id: c.requirementId,
      title: byId.get(c.requirementId)!.title[locale],
      category: byId.get(c.requirementId)!.category,
      reasons: c.reasons,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const form = await request.formData();
  const catalogue = context.services.catalogue;
  const values: Values = {};
  for (const key of new Set(form.keys())) values[key] = key === "rules" || key === "include" ? form.getAll(key).map(String) : String(form.get(key));
  const parsed = parseWizardForm(
    form,
    catalogue.requirements.map((r) => r.id),
  );
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[i.path.length - 1])))];
    return json<WizardResult>({ values, errorFields: fields, preview: null }, { status: 400 });
  }
  const input = parsed.data;
  if (form.get("intent") === "preview" && input.start.kind === "template") {
    return json<WizardResult>({ values, errorFields: [], preview: previewOf(catalogue, input.start.context, getLocale(request, context)) });
  }
  // A refusal (a copy source you are not in, a spent daily budget) keeps what was typed.
  return pageAction(
    request,
    context,
    async () => redirect(`/negotiations/${await startNegotiation(context.services, user.id, input, getLocale(request, context))}`),
    {
      values,
      errorFields: [],
      preview: null,
    },
  );
}

export function reasonText(t: Translate, reason: Reason): string {
  if (reason.kind === "service") return t("reason.service", { service: t(`service.${reason.service}`) });
  if (reason.kind === "sector") return t(`reason.sector.${reason.sector}`);
  return t(`reason.regime.${reason.regime}`, { ref: reason.ref });
}

export default function NewNegotiation() {
  const t = useT();
  const { copyable } = useLoaderData<typeof loader>();
  const data = useActionData<WizardResult>();
  const navigation = useNavigation();
  const values = data?.values ?? {};
  const value = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const [startKind, setStartKind] = useState(value("startKind") ?? "template");
  const invalid = (field: string) => data?.errorFields.includes(field);
  const busy = navigation.state !== "idle";

  return (
    <section className="wizard">
      <h1>{t("wizard.title")}</h1>
      <p className="lead">{t("wizard.intro")}</p>
      {data?.error && (
        <p role="alert" className="form-error">
          {data.error}
        </p>
      )}
      {data && data.errorFields.length > 0 && (
        <p role="alert" className="form-error">
          {t("wizard.error.fields")}
        </p>
      )}
      <Form method="post">
        <fieldset>
          <legend>{t("wizard.basics")}</legend>
          <Field
            label={t("wizard.titleField")}
            name="title"
            required
            minLength={3}
            maxLength={200}
            defaultValue={value("title")}
            error={invalid("title") ? t("wizard.error.title") : undefined}
          />
          <ChoiceGroup
            legend={t("wizard.side")}
            name="side"
            defaultValue={value("side") ?? "buyer"}
            options={[
              { value: "buyer", label: t("wizard.side.buyer") },
              { value: "supplier", label: t("wizard.side.supplier") },
            ]}
          />
          <Field
            label={t("wizard.ourOrg")}
            name="ourOrg"
            required
            maxLength={200}
            defaultValue={value("ourOrg")}
            error={invalid("ourOrg") ? t("wizard.error.org") : undefined}
          />
          <Field
            label={t("wizard.counterpartyOrg")}
            name="counterpartyOrg"
            required
            maxLength={200}
            defaultValue={value("counterpartyOrg")}
            error={invalid("counterpartyOrg") ? t("wizard.error.org") : undefined}
          />
        </fieldset>

        <ChoiceGroup
          legend={t("wizard.start")}
          name="startKind"
          value={startKind}
          onChange={setStartKind}
          options={[
            { value: "template", label: t("wizard.start.template"), hint: t("wizard.start.template.hint") },
            { value: "empty", label: t("wizard.start.empty"), hint: t("wizard.start.empty.hint") },
            ...(copyable.length ? [{ value: "copy", label: t("wizard.start.copy"), hint: t("wizard.start.copy.hint") }] : []),
          ]}
        />

        {startKind === "copy" && (
          <div className="field">
            <label htmlFor="copyFrom">{t("wizard.copyFrom")}</label>
            <select id="copyFrom" name="copyFrom" defaultValue={value("copyFrom")}>
              {copyable.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title}
                </option>
              ))}
            </select>
          </div>
        )}

        {startKind === "template" && (
          <fieldset>
            <legend>{t("wizard.context")}</legend>
            <ChoiceGroup
              legend={t("wizard.service")}
              name="service"
              defaultValue={value("service") ?? "saas"}
              options={serviceTypes.map((s) => ({ value: s, label: t(`service.${s}`), hint: t(`service.${s}.hint`) }))}
            />
            <ChoiceGroup
              legend={t("wizard.data")}
              name="data"
              defaultValue={value("data") ?? "internal"}
              options={dataKinds.map((d) => ({ value: d, label: t(`data.${d}`), hint: t(`data.${d}.hint`) }))}
            />
            <ChoiceGroup
              legend={t("wizard.criticality")}
              name="criticality"
              defaultValue={value("criticality") ?? "important"}
              options={criticalities.map((c) => ({ value: c, label: t(`criticality.${c}`), hint: t(`criticality.${c}.hint`) }))}
            />
            <ChoiceGroup
              legend={t("wizard.rules")}
              name="rules"
              multiple
              defaultValues={(values.rules as string[] | undefined) ?? []}
              options={rules.map((r) => ({ value: r, label: t(`rule.${r}`), hint: t(`rule.${r}.hint`) }))}
            />
          </fieldset>
        )}

        {startKind === "template" && data?.preview && (
          <section className="wizard-preview" aria-labelledby="preview-heading">
            <input type="hidden" name="previewed" value="1" />
            <h2 id="preview-heading">{t("wizard.preview.title", { count: data.preview.clauses.length })}</h2>
            <div className="field">
              <label htmlFor="level">{t("wizard.level")}</label>
              <select id="level" name="level" defaultValue={value("level") || data.preview.level} aria-describedby="level-hint">
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {t(`level.${l}`)}
                  </option>
                ))}
              </select>
              <p id="level-hint" className="hint">
                {t("wizard.level.hint", { level: t(`level.${data.preview.level}`) })}
              </p>
            </div>
            <p>{t("wizard.preview.untick")}</p>
            <ul className="preview-clauses">
              {data.preview.clauses.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" name="include" value={c.id} defaultChecked />
                    <strong>{c.title}</strong> <span className="hint">({t(`category.${c.category}` as MessageKey)})</span>
                  </label>
                  <ul className="reasons" aria-label={t("wizard.preview.why")}>
                    {c.reasons.map((r, i) => (
                      <li key={i}>{reasonText(t, r)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        )}

        <p className="actions">
          {startKind === "template" && (
            <button type="submit" name="intent" value="preview" disabled={busy} className={data?.preview ? "" : "primary"}>
              {data?.preview ? t("wizard.preview.again") : t("wizard.preview.show")}
            </button>
          )}
          {(startKind !== "template" || data?.preview) && (
            <button type="submit" name="intent" value="create" className="primary" disabled={busy}>
              {t("wizard.create")}
            </button>
          )}
        </p>
      </Form>
    </section>
  );
}
