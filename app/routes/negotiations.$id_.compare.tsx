import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clauseText } from "../../shared/editor/scheduleModel";
import { DiffText } from "../components/schedule/DiffText";
import { StructureChangeList } from "../components/agreements/StructureChangeList";
import editorStyles from "../styles/editor.css";
import { useT } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { compareVersions } from "../utils/agreements.server";
import { openProposalsOutline } from "../utils/proposals.server";
import { OpenProposalsOutline } from "../components/proposals/OpenProposalsOutline";
import { DomainError, pageData, refuse } from "../utils/respond.server";
import { idSchema } from "../../shared/idSchema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const meta: MetaFunction = () => [{ title: "Compare versions — Common Ground" }];

const side = z.union([z.literal("current"), idSchema]);
const querySchema = z.object({ from: side, to: side.default("current") });

/**
 * Two versions side by side: the structure (headings, sections and clauses moved), then clause by
 * clause: added, removed, moved, changed (word by word).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) refuse(request, context, new DomainError(400, "error.badQuery"), "page");
  const query = parsed.data;
  return pageData(request, context, async () => {
    const { from, to, clauses, structure } = await compareVersions(context.services, negotiation.id, query.from, query.to);
    const rows = clauses.map((c) => {
      if (c.kind === "added")
        return {
          id: c.to.id,
          number: c.to.number,
          heading: c.to.heading,
          kind: c.kind,
          moved: null,
          pieces: [{ text: clauseText(c.to), kind: "inserted" as const }],
        };
      if (c.kind === "removed")
        return {
          id: c.from.id,
          number: c.from.number,
          heading: c.from.heading,
          kind: c.kind,
          moved: null,
          pieces: [{ text: clauseText(c.from), kind: "deleted" as const }],
        };
      return {
        id: c.to.id,
        number: c.to.number,
        heading: c.to.heading,
        kind: c.kind,
        moved: c.moved ? { from: c.from.number, to: c.to.number } : null,
        pieces: c.parts,
      };
    });
    const sections = structure.sections.map((c) => ({ ...c, pieces: c.kind === "changed" ? c.parts : undefined }));
    // A saved version holds its open proposals as they were; only the current draft's are still open.
    const proposals = query.from === "current" || query.to === "current" ? await openProposalsOutline(context.services, negotiation.id) : [];
    return { negotiation: { id: negotiation.id, title: negotiation.title }, from, to, rows, structure: { sections, moves: structure.moves }, proposals };
  });
}

export default function ComparePage() {
  const t = useT();
  const { negotiation, from, to, rows, structure, proposals } = useLoaderData<typeof loader>();
  const label = (s: typeof from) => (s.label ? t("versions.label", s.label) : t("versions.current"));
  const differing = rows.filter((c) => c.kind !== "unchanged" || c.moved);
  return (
    <section>
      <p>
        <Link to={`/negotiations/${negotiation.id}/agreement`}>← {t("agreement.page")}</Link>
      </p>
      <h1>{t("compare.title", { from: label(from), to: label(to) })}</h1>
      <p className="lead">
        {t("compare.summary", { changed: differing.length, unchanged: rows.length - differing.length })}{" "}
        {proposals.length > 0 && <span className="hint">{t("compare.proposalsLeftOut")}</span>}
      </p>
      <StructureChangeList changes={structure} />
      <div className="schedule-readonly">
        {differing.length === 0 && structure.sections.length === 0 && structure.moves.length === 0 && <p>{t("compare.same")}</p>}
        {differing.map((c) => {
          const tags = [t(`compare.kind.${c.kind}`), ...(c.moved ? [t("compare.moved", c.moved)] : [])];
          return (
            <div key={`${c.kind}-${c.id}`} className={`clause change-${c.kind}`}>
              <h2 className="clause-heading-plain">
                {c.number} {c.heading} <span className="change-label">{tags.join(" · ")}</span>
              </h2>
              <DiffText pieces={c.pieces} />
            </div>
          );
        })}
      </div>
      <OpenProposalsOutline negotiationId={negotiation.id} proposals={proposals} />
    </section>
  );
}
