import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { criticalities, dataKinds, levels } from "../../shared/templates/wizardAnswers";
import { fieldsShownOn, firstDraft, stepsFor, type WizardView } from "../../shared/templates/wizardSteps";
import type { RefusalBody } from "../../shared/refusal";
import { ChoiceGroup } from "../components/ChoiceGroup";
import { HiddenAnswers } from "../components/wizard/HiddenAnswers";
import { RegimesStep } from "../components/wizard/RegimesStep";
import { ReviewStep } from "../components/wizard/ReviewStep";
import { ServiceStep } from "../components/wizard/ServiceStep";
import { StepIndicator } from "../components/wizard/StepIndicator";
import { fieldError } from "../components/wizard/fieldError";
import { useT } from "../i18n";
import { getLocale, serverT } from "../utils/locale.server";
import { listNegotiationsForUser } from "../utils/negotiations.server";
import { startNegotiation } from "../utils/negotiationForms.server";
import { advance, readWizardForm } from "../utils/wizardFlow.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import { requireUser } from "../utils/member.server";
import { pageAction } from "../utils/respond.server";

export const meta: MetaFunction = () => [{ title: "New negotiation — Common Ground" }];

export const headers = retryAfterHeaders;

/** What the wizard shows: a step with every answer so far; with a refusal, also its message. */
type WizardResult = WizardView & Partial<RefusalBody>;

const firstView: WizardView = { step: "service", draft: firstDraft, errors: [], proposal: null };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const mine = await listNegotiationsForUser(context.services.db, user.id);
  return { copyable: mine.map((n) => ({ id: n.id, title: n.title })) };
}

// Each step posts every answer; the server checks the step left and renders the next (docs/decisions/014-wizard-in-steps.md).
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const locale = getLocale(request, context);
  const posted = readWizardForm(await request.formData());
  if (!posted) return json<WizardResult>({ ...firstView, error: serverT(request, context)("wizard.error.unreadable") }, { status: 400 });
  const { view, create } = advance(context.services.catalogue, posted, locale);
  if (!create) return json<WizardResult>(view, { status: view.errors.length ? 400 : 200 });
  // A refusal (a copy source you are not in, a spent daily budget) keeps every answer.
  return pageAction(request, context, async () => redirect(`/negotiations/${await startNegotiation(context.services, user.id, create, locale)}`), view);
}

export default function NewNegotiation() {
  const t = useT();
  const { copyable } = useLoaderData<typeof loader>();
  const posted = useActionData<WizardResult>();
  const navigation = useNavigation();
  const { step, draft, errors, proposal } = posted ?? firstView;
  const steps = stepsFor(draft.startKind);
  const index = steps.indexOf(step);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a post the new step replaces the old one in place: take the reader to its heading.
  useEffect(() => {
    if (posted) heading.current?.focus();
  }, [posted]);
  const busy = navigation.state !== "idle";
  const next = steps[index + 1];

  return (
    <section className="wizard">
      <h1>{t("wizard.title")}</h1>
      <p className="lead">{t("wizard.intro")}</p>
      <Form method="post" key={`${step}-${JSON.stringify(draft)}`}>
        {/* The first submit button answers Enter in a field: that must be "next", not a step of the indicator. */}
        <button type="submit" name="intent" value={step === "review" ? "create" : "next"} className="wizard-default-button">
          {step === "review" ? t("wizard.create") : t("wizard.nextPlain")}
        </button>
        <input type="hidden" name="step" value={step} />
        <HiddenAnswers draft={draft} shown={fieldsShownOn(step, draft.startKind)} />
        <StepIndicator steps={steps} current={step} />
        <h2 ref={heading} tabIndex={-1}>
          {t("wizard.stepOf", { number: index + 1, total: steps.length, name: t(`wizard.step.${step}`) })}
        </h2>
        {posted?.error && (
          <p role="alert" className="form-error">
            {posted.error}
          </p>
        )}
        {errors.length > 0 && (
          <p role="alert" className="form-error">
            {t("wizard.error.fields")}
          </p>
        )}

        {step === "service" && (
          <>
            <p>
              <Link to="/negotiations/import">{t("wizard.fromWord")}</Link>
            </p>
            <ServiceStep draft={draft} errors={errors} canCopy={copyable.length > 0} />
          </>
        )}
        {step === "data" && (
          <>
            <ChoiceGroup
              legend={t("wizard.data")}
              name="data"
              multiple
              defaultValues={draft.data}
              error={fieldError(t, errors, "data")}
              options={dataKinds.map((d) => ({ value: d, label: t(`data.${d}`), hint: t(`data.${d}.hint`) }))}
            />
            <p className="hint">{t("wizard.data.gdpr")}</p>
          </>
        )}
        {step === "criticality" && (
          <ChoiceGroup
            legend={t("wizard.criticality")}
            name="criticality"
            defaultValue={draft.criticality}
            error={fieldError(t, errors, "criticality")}
            options={criticalities.map((c) => ({ value: c, label: t(`criticality.${c}`), hint: t(`criticality.${c}.hint`) }))}
          />
        )}
        {step === "regimes" && <RegimesStep draft={draft} errors={errors} />}
        {step === "level" && proposal && (
          <>
            <ChoiceGroup
              legend={t("wizard.level.question")}
              name="level"
              defaultValue={draft.level || proposal.suggestedLevel}
              error={fieldError(t, errors, "level")}
              options={levels.map((l) => ({ value: l, label: t(`level.${l}`), hint: t(`level.${l}.hint`) }))}
            />
            <p className="hint">{t("wizard.level.hint", { level: t(`level.${proposal.suggestedLevel}`) })}</p>
          </>
        )}
        {step === "review" && <ReviewStep draft={draft} errors={errors} proposal={proposal} steps={steps} copyable={copyable} />}

        <p className="actions">
          {next ? (
            <button type="submit" name="intent" value="next" className="primary" disabled={busy}>
              {/* Which step follows the first depends on its answer "start from", not yet posted. */}
              {step === "service" ? t("wizard.nextPlain") : t("wizard.next", { name: t(`wizard.step.${next}`) })}
            </button>
          ) : (
            <button type="submit" name="intent" value="create" className="primary" disabled={busy}>
              {t("wizard.create")}
            </button>
          )}
          {index > 0 && (
            <button type="submit" name="intent" value="back" formNoValidate disabled={busy}>
              {t("wizard.back")}
            </button>
          )}
        </p>
      </Form>
    </section>
  );
}
