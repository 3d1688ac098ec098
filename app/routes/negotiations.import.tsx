import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { RefusalBody } from "../../shared/refusal";
import { Field } from "../components/Field";
import { ImportPreviewForm } from "../components/wordImport/ImportPreviewForm";
import { NegotiationBasicsFields, type BasicsField } from "../components/wizard/NegotiationBasicsFields";
import { useT } from "../i18n";
import { getLocale } from "../utils/locale.server";
import { requireUser } from "../utils/member.server";
import { DomainError, pageAction, pageData } from "../utils/respond.server";
import { retryAfterHeaders } from "../utils/retryAfterHeaders";
import {
  applyPreviewForm,
  dropImport,
  importPreview,
  keepImport,
  pendingImport,
  readImportUpload,
  startFromWord,
  withRoles,
  type TypedBasics,
} from "../utils/wordImport.server";

export const meta: MetaFunction = () => [{ title: "Import a Word file — Common Ground" }];

export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const draft = new URL(request.url).searchParams.get("draft");
  if (!draft) return { preview: null, draft: null };
  return pageData(request, context, async () => {
    const pending = pendingImport(draft, user.id);
    if (!pending) throw new DomainError(410, "wordImport.error.expired");
    return { preview: importPreview(context, pending, getLocale(request, context)), draft };
  });
}

// Two forms post here: the upload (multipart) keeps the parsed file server-side and shows its
// preview; the preview posts only re-splits, requirement choices and "create".
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    return pageAction(request, context, async () => {
      const upload = await readImportUpload(request);
      return redirect(`/negotiations/import?draft=${keepImport({ userId: user.id, fileName: upload.fileName, basics: upload.basics, parsed: upload.parsed })}`);
    });
  }
  const form = await request.formData();
  const draft = String(form.get("draft") ?? "");
  return pageAction(request, context, async () => {
    const pending = pendingImport(draft, user.id);
    if (!pending) throw new DomainError(410, "wordImport.error.expired");
    applyPreviewForm(pending, form);
    const intent = String(form.get("intent") ?? "");
    if (intent !== "create") return redirect(`/negotiations/import?draft=${draft}#entry-${intent.split(":")[1] ?? ""}`);
    const { id } = await startFromWord(context.services, user.id, {
      basics: pending.basics,
      parsed: withRoles(pending.parsed, pending.roles),
      choices: pending.choices,
    });
    dropImport(draft);
    return redirect(`/negotiations/${id}`);
  });
}

type Refused = Partial<RefusalBody> & { typed?: TypedBasics; issues?: { path: string }[] };

export default function ImportNegotiation() {
  const t = useT();
  const { preview, draft } = useLoaderData<typeof loader>();
  const refused = useActionData<Refused>();
  const navigation = useNavigation();
  if (preview && draft) return <ImportPreviewForm preview={preview} draft={draft} refused={refused?.error} busy={navigation.state !== "idle"} />;
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const typed = refused?.typed ?? {};
  const invalid = (field: BasicsField) =>
    refused?.issues?.some((i) => i.path === field)
      ? t(field === "title" ? "wizard.error.title" : field === "side" ? "wizard.error.choose" : "wizard.error.org")
      : undefined;
  return (
    <section className="wizard word-import">
      <h1>{t("wordImport.title")}</h1>
      <p className="lead">{t("wordImport.intro")}</p>
      <p>
        <Link to="/negotiations/new">{t("wordImport.orWizard")}</Link>
      </p>
      {refused?.error && (
        <p role="alert" className="form-error">
          {refused.error}
        </p>
      )}
      <Form method="post" encType="multipart/form-data" aria-busy={uploading || undefined}>
        <NegotiationBasicsFields values={typed} error={invalid} />
        <Field
          label={t("wordImport.file")}
          hint={t("wordImport.file.hint")}
          name="file"
          type="file"
          required
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
        <p role="status" className="word-import-progress">
          {uploading && (
            <>
              <progress aria-label={t("wordImport.reading")} /> {t("wordImport.reading")}
            </>
          )}
        </p>
        <button type="submit" className="button primary" disabled={uploading}>
          {t("wordImport.upload")}
        </button>
      </Form>
    </section>
  );
}
