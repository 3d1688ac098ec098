import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isRole, partyOf, type Party } from "../../shared/roles";
import { DiffText } from "../components/schedule/DiffText";
import { StructureChangeList } from "../components/agreements/StructureChangeList";
import editorStyles from "../styles/editor.css";
import { useFormatDateTime, useT, type MessageKey } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { changesSince, listVersions } from "../utils/agreements.server";
import { openProposalsOutline } from "../utils/proposals.server";
import { OpenProposalsOutline } from "../components/proposals/OpenProposalsOutline";
import { DomainError, pageData, refuse } from "../utils/respond.server";
import { idSchema } from "../../shared/idSchema";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];
export const meta: MetaFunction = () => [{ title: "Changes — Common Ground" }];

const querySchema = z.object({ since: idSchema.optional() });

/** The redline: what changed in the structure and in each clause since a version, and who changed it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) refuse(request, context, new DomainError(400, "error.badQuery"), "page");
  const since = parsed.data.since ?? null;
  return pageData(request, context, async () => {
    const { base, clauses, sections, moves, people } = await changesSince(context.services, negotiation.id, since);
    const author = (by: string | null | undefined) => {
      const person = by ? people[by] : undefined;
      return person ? { name: person.name, party: isRole(person.role) ? partyOf(person.role) : null } : null;
    };
    return {
      negotiation: { id: negotiation.id, title: negotiation.title },
      base,
      versions: (await listVersions(context.services.db, negotiation.id)).map((v) => ({ id: v.id, number: v.number, name: v.name })),
      clauses: clauses
        .filter((c) => c.change !== "unchanged")
        .map((c) => ({
          id: c.id,
          number: c.number,
          heading: c.heading,
          change: c.change,
          pieces: c.segments.map((s) => ({ text: s.text, kind: s.kind, author: s.kind === "same" ? null : author(s.by) })),
        })),
      unchanged: clauses.filter((c) => c.change === "unchanged").length,
      structure: {
        sections: sections.map(({ segments, by, ...c }) => ({
          ...c,
          pieces: segments.map((s) => ({ text: s.text, kind: s.kind, author: s.kind === "same" ? null : author(s.by) })),
          authors: by.flatMap((id) => author(id) ?? []),
        })),
        moves: moves.map(({ by, ...m }) => ({ ...m, authors: by.flatMap((id) => author(id) ?? []) })),
      },
      proposals: await openProposalsOutline(context.services, negotiation.id),
    };
  });
}

export default function ChangesPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const { negotiation, base, versions, clauses, unchanged, structure, proposals } = useLoaderData<typeof loader>();
  const authors = (pieces: (typeof clauses)[number]["pieces"]) => {
    const names = new Map<string, Party | null>();
    for (const p of pieces) if (p.author) names.set(p.author.name, p.author.party);
    return [...names].map(([name, party]) => (party ? `${name} (${t(`role.${party}`)})` : name)).join(", ");
  };
  return (
    <section>
      <p>
        <Link to={`/negotiations/${negotiation.id}/agreement`}>← {t("agreement.page")}</Link>
      </p>
      <h1>{t("changes.title")}</h1>
      {!base ? (
        <p className="lead">{t("changes.noVersion")}</p>
      ) : (
        <>
          <p className="lead">{t("changes.since", { version: t("versions.label", base), time: formatTime(base.createdAt) })}</p>
          <Form method="get" className="inline-form">
            <label htmlFor="since">{t("changes.pick")}</label>
            <select id="since" name="since" defaultValue={base.id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("versions.label", v)}
                </option>
              ))}
            </select>
            <button type="submit">{t("changes.show")}</button>
          </Form>
          <p>
            {/* The server names the file (Content-Disposition); the browser downloads it as it is. */}
            <a href={`/negotiations/${negotiation.id}/versions/current/export?format=docx&since=${base.id}`} download>
              {t("changes.downloadWord")}
            </a>
          </p>
          <p>
            {t("changes.summary", { changed: clauses.length, unchanged })}{" "}
            {proposals.length > 0 && <span className="hint">{t("changes.proposalsLeftOut")}</span>}
          </p>
          <StructureChangeList changes={structure} />
          <div className="schedule-readonly">
            {clauses.length === 0 && structure.sections.length === 0 && structure.moves.length === 0 && <p>{t("changes.none")}</p>}
            {clauses.map((c) => (
              <div key={c.id} className={`clause change-${c.change}`}>
                <h2 className="clause-heading-plain">
                  {c.number} {c.heading} <span className="change-label">{t(`changes.kind.${c.change}` as MessageKey)}</span>
                </h2>
                <DiffText pieces={c.pieces} />
                <p className="clause-authors">{t("changes.by", { names: authors(c.pieces) })}</p>
              </div>
            ))}
          </div>
          <OpenProposalsOutline negotiationId={negotiation.id} proposals={proposals} />
        </>
      )}
    </section>
  );
}
