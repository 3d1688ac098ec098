import { Form } from "@remix-run/react";
import { useId } from "react";
import type { ImportPreview, PreviewClause } from "../../utils/wordImport.server";
import type { ImportedChange } from "../../../shared/wordImport/importedDocument";
import { useFormatDateTime, useT } from "../../i18n";
import { ImportedBlockView, ImportedRuns } from "./ImportedBlockView";

/**
 * The parsed file before it becomes a negotiation: its sections and clauses with a requirement
 * each, buttons to re-split, and the tracked changes that will become proposals. One form, so
 * every button also keeps the requirement choices made so far.
 */
export function ImportPreviewForm({ preview, draft, refused, busy }: { preview: ImportPreview; draft: string; refused?: string; busy: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const changeKinds = new Map(preview.changes.map((c) => [c.id, c.kind]));
  return (
    <section className="word-import">
      <h1>{t("wordImport.preview.title", { title: preview.basics.title })}</h1>
      <p className="lead">{t("wordImport.preview.intro", { file: preview.fileName })}</p>
      {refused && (
        <p role="alert" className="form-error">
          {refused}
        </p>
      )}
      <Form method="post" aria-busy={busy || undefined}>
        <input type="hidden" name="draft" value={draft} />
        {/* The first submit button answers Enter in a field: that must be "create", not a re-split. */}
        <button type="submit" name="intent" value="create" className="wizard-default-button">
          {t("wordImport.create")}
        </button>
        {preview.sections.map((section, s) => (
          <section key={s} className="word-import-section" aria-labelledby={`import-section-${s}`}>
            <h2 id={`import-section-${s}`}>
              {s + 1}. {section.heading.length ? <ImportedRuns runs={section.heading} changeKinds={changeKinds} /> : t("wordImport.preview.untitled")}
            </h2>
            {section.clauses.map((clause, c) => (
              <ClauseCard key={clause.key} clause={clause} number={`${s + 1}.${c + 1}`} preview={preview} changeKinds={changeKinds} />
            ))}
          </section>
        ))}
        <section aria-labelledby="import-changes" className="word-import-changes">
          <h2 id="import-changes">{t("wordImport.changes.title", { count: preview.changes.length })}</h2>
          {preview.changes.length > 0 ? (
            <>
              <p>{t("wordImport.changes.intro")}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("wordImport.changes.author")}</th>
                    <th scope="col">{t("wordImport.changes.kind")}</th>
                    <th scope="col">{t("wordImport.changes.text")}</th>
                    <th scope="col">{t("wordImport.changes.date")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((change) => (
                    <tr key={change.id}>
                      <td>{t("wordImport.changes.by", { author: change.author })}</td>
                      <td>{t(`wordImport.changes.${change.kind}`)}</td>
                      <td>
                        {change.kind === "insert" ? (
                          <ins className="proposal-ins">{change.text}</ins>
                        ) : change.kind === "delete" ? (
                          <del className="proposal-del">{change.text}</del>
                        ) : (
                          <span className="proposal-fmt-run">{change.text}</span>
                        )}
                      </td>
                      <td>{change.date && !Number.isNaN(Date.parse(change.date)) ? formatDateTime(Date.parse(change.date)) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p>{t("wordImport.changes.none")}</p>
          )}
        </section>
        <p role="status">{busy ? t("wordImport.working") : ""}</p>
        <button type="submit" name="intent" value="create" className="button primary" disabled={busy}>
          {t("wordImport.create")}
        </button>
      </Form>
    </section>
  );
}

function ClauseCard({
  clause,
  number,
  preview,
  changeKinds,
}: {
  clause: PreviewClause;
  number: string;
  preview: ImportPreview;
  changeKinds: Map<string, ImportedChange["kind"]>;
}) {
  const t = useT();
  const selectId = useId();
  const headingId = `clause-${clause.key}`;
  return (
    <article className="word-import-clause" aria-labelledby={headingId} id={clause.headingEntry === null ? undefined : `entry-${clause.headingEntry}`}>
      <h3 id={headingId}>
        {number} {clause.heading.length ? <ImportedRuns runs={clause.heading} changeKinds={changeKinds} /> : t("wordImport.preview.untitled")}
      </h3>
      {clause.canMerge && clause.headingEntry !== null && (
        <button type="submit" name="intent" value={`merge:${clause.headingEntry}`} className="button small" aria-describedby={headingId}>
          {t("wordImport.merge")}
        </button>
      )}
      {clause.body.map((part) => (
        <div key={part.entry} id={`entry-${part.entry}`} className="word-import-block">
          <ImportedBlockView block={part.block} changeKinds={changeKinds} />
          {part.canSplit && (
            <button type="submit" name="intent" value={`split:${part.entry}`} className="button small link-like">
              {t("wordImport.split")}
            </button>
          )}
        </div>
      ))}
      <div className="field">
        <label htmlFor={selectId}>{t("wordImport.requirement")}</label>
        <select id={selectId} name={`requirement-${clause.key}`} defaultValue={clause.selected} aria-describedby={`${selectId}-hint`}>
          <option value="">{t("wordImport.requirement.none")}</option>
          {preview.requirements.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
        <p className="hint" id={`${selectId}-hint`}>
          {clause.suggestion
            ? t("wordImport.requirement.suggested", {
                title: preview.requirements.find((r) => r.id === clause.suggestion!.requirementId)?.title ?? clause.suggestion.requirementId,
                percent: Math.round(clause.suggestion.confidence * 100),
              })
            : t("wordImport.requirement.noSuggestion")}
        </p>
      </div>
    </article>
  );
}
