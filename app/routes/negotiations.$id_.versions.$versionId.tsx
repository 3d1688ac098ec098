import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { shortHash } from "../../shared/agreements/contentHash";
import { ScheduleBlocks, ScheduleRuns } from "../components/schedule/ScheduleBlocks";
import editorStyles from "../styles/editor.css";
import { useFormatDateTime, useT, type MessageKey } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { getVersion, versionSections } from "../utils/agreements.server";
import { serverT } from "../utils/locale.server";
import { pageData } from "../utils/respond.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.version.name ?? ""} — Common Ground` }];

/** One saved version, read-only, with each clause's agreement status as it was when saved. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  const version = await pageData(request, context, () => getVersion(context.services.db, negotiation.id, params.versionId ?? ""));
  const statuses = new Map(version.statuses.map((s) => [s.clauseId, s.status]));
  return {
    negotiation: { id: negotiation.id, title: negotiation.title },
    version: { id: version.id, number: version.number, name: version.name, kind: version.kind, createdAt: version.createdAt, hash: version.hash },
    sections: (await versionSections(context.services, negotiation.id, version.content, serverT(request, context))).map((s) => ({
      ...s,
      clauses: s.clauses.map((c) => ({ ...c, status: statuses.get(c.id) ?? "open" })),
    })),
  };
}

export default function VersionPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const { negotiation, version, sections } = useLoaderData<typeof loader>();
  return (
    <section className="version-view">
      <p>
        <Link to={`/negotiations/${negotiation.id}/agreement`}>← {t("agreement.page")}</Link>
      </p>
      <h1>{t("versions.label", { number: version.number, name: version.name })}</h1>
      <p className="lead">
        {t(version.kind === "effective" ? "versions.effectiveSaved" : "versions.savedAt", { time: formatTime(version.createdAt) })}{" "}
        <span className="hint">{t("versions.hash", { hash: shortHash(version.hash) })}</span>
      </p>
      <div className="schedule-readonly">
        {sections.map((section) => (
          <section key={section.number} className="schedule-section">
            <h2 className="section-heading">{section.headingRuns ? <ScheduleRuns runs={section.headingRuns} /> : section.heading}</h2>
            {section.clauses.map((clause) => (
              <div key={clause.id} className="clause">
                <h3 className="clause-heading">
                  {clause.headingRuns ? <ScheduleRuns runs={clause.headingRuns} /> : clause.heading}{" "}
                  <span className={`agreement-badge status-${clause.status}`}>{t(`agreement.status.${clause.status}` as MessageKey)}</span>
                </h3>
                <ScheduleBlocks blocks={clause.blocks} />
              </div>
            ))}
          </section>
        ))}
      </div>
    </section>
  );
}
