import { useState } from "react";
import { Form, Link } from "@remix-run/react";
import type { VersionSummary } from "../../../shared/agreements/versionSummary";
import { useFormatDateTime, useT } from "../../i18n";
import { ExportLinks } from "./ExportLinks";

/** Save a version, list them (open, export, changes since), and pick two to compare. */
export function VersionList({
  negotiationId,
  versions,
  busy,
  canSave,
  onSave,
}: {
  negotiationId: string;
  versions: VersionSummary[];
  busy: boolean;
  /** The policy's saveVersion for this member (observers may not). */
  canSave: boolean;
  onSave: (name: string) => void;
}) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const base = `/negotiations/${negotiationId}`;
  const [threads, setThreads] = useState(false);
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("versions.title")}</h2>
      {canSave && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSave(String(new FormData(event.currentTarget).get("name") ?? ""));
          }}
        >
          <label htmlFor="version-name">{t("versions.name")}</label>
          <input id="version-name" name="name" required maxLength={200} placeholder={t("versions.namePlaceholder")} />
          <button type="submit" disabled={busy}>
            {t("versions.save")}
          </button>
        </form>
      )}
      <h3>{t("export.title")}</h3>
      <p>
        <label>
          <input type="checkbox" checked={threads} onChange={(e) => setThreads(e.target.checked)} /> {t("export.withThreads")}
        </label>
      </p>
      <p>
        {t("versions.current")}: <ExportLinks href={`${base}/versions/current/export`} label={t("versions.current")} threads={threads} />
      </p>
      {versions.length === 0 ? (
        <p className="hint">{t("versions.none")}</p>
      ) : (
        <>
          <table className="data-table">
            <caption className="visually-hidden">{t("versions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("versions.col.version")}</th>
                <th scope="col">{t("versions.col.saved")}</th>
                <th scope="col">{t("versions.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`${base}/versions/${v.id}`}>{t("versions.label", { number: v.number, name: v.name })}</Link>
                    {v.kind === "effective" && <span className="owner-badge"> {t("versions.effective")}</span>}
                  </td>
                  <td data-label={t("versions.col.saved")}>
                    {v.createdBy}, {formatTime(v.createdAt)}
                  </td>
                  <td className="row-actions">
                    <Link to={`${base}/changes?since=${v.id}`}>
                      {t("versions.changesSince")}
                      <span className="visually-hidden"> {t("versions.label", { number: v.number, name: v.name })}</span>
                    </Link>{" "}
                    <ExportLinks href={`${base}/versions/${v.id}/export`} label={t("versions.label", { number: v.number, name: v.name })} threads={threads} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Form method="get" action={`${base}/compare`} className="inline-form">
            <label htmlFor="compare-from">{t("versions.compareFrom")}</label>
            <select id="compare-from" name="from" defaultValue={versions[versions.length > 1 ? 1 : 0]!.id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("versions.label", { number: v.number, name: v.name })}
                </option>
              ))}
            </select>
            <label htmlFor="compare-to">{t("versions.compareTo")}</label>
            <select id="compare-to" name="to" defaultValue="current">
              <option value="current">{t("versions.current")}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("versions.label", { number: v.number, name: v.name })}
                </option>
              ))}
            </select>
            <button type="submit">{t("versions.compare")}</button>
          </Form>
        </>
      )}
    </section>
  );
}
