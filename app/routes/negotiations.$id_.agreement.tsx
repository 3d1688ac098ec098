import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { progressOf } from "../../shared/agreements/clauseStatus";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { structureUnitId } from "../../shared/agreements/scheduleStructure";
import { calendarDate, reviewDateMs, reviewDateSchema, versionNameSchema } from "../../shared/agreements/snapshot";
import { can } from "../../shared/permissions";
import { partyOf } from "../../shared/roles";
import { PostButton } from "../components/PostButton";
import { useRevalidateOnFocus } from "../components/useRevalidateOnFocus";
import { VersionList } from "../components/agreements/VersionList";
import { useStructureSentences } from "../components/agreements/StructureChangeList";
import editorStyles from "../styles/editor.css";
import { useFormatDateTime, useT, type MessageKey } from "../i18n";
import { requireAuth } from "../utils/auth.server";
import { requireMembership } from "../utils/negotiations.server";
import { NegotiationError } from "../utils/negotiationForms.server";
import { getLocale } from "../utils/locale.server";
import {
  compareVersions,
  effectiveHistory,
  listVersions,
  loadAgreementSnapshot,
  openRound,
  readSchedule,
  recordStatuses,
  saveVersion,
  setReviewDate,
  signOff,
} from "../utils/agreements.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.negotiation.title ?? ""} — Common Ground` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireAuth(request, context);
  const { negotiation, role, isOwner } = await requireMembership(context, params.id ?? "", user.id);
  const { db } = context.services;
  const doc = readSchedule(context.services, negotiation.id);
  const clauses = await recordStatuses(db, negotiation.id, doc);
  const snapshot = await loadAgreementSnapshot(context.services, negotiation.id);
  const currentHash = scheduleHash(doc);
  const party = partyOf(role);
  const history = await effectiveHistory(db, negotiation.id);
  return {
    negotiation: { id: negotiation.id, title: negotiation.title, buyerOrg: negotiation.buyer_org, supplierOrg: negotiation.supplier_org },
    me: { party, canSign: !!party && isOwner, canOpenRound: can(role, "agree") || can(role, "moderate"), canSetReview: (!!party && isOwner) || can(role, "moderate") },
    round: snapshot.round,
    frozenAt: snapshot.frozenAt,
    reviewDueAt: snapshot.reviewDueAt,
    progress: progressOf(clauses),
    waiting: clauses.filter((c) => c.status !== "agreed"),
    signoffs: snapshot.signoffs.map((s) => ({ ...s, current: s.hash === currentHash })),
    history,
    sinceInForce: snapshot.frozenAt || !history[0] ? null : await changesSinceInForce(context.services, negotiation.id, history[0]),
    versions: await listVersions(db, negotiation.id),
  };
}

/** What a sign-off in an amendment round would sign beyond the agreement in force. */
async function changesSinceInForce(services: Parameters<typeof compareVersions>[0], negotiationId: string, inForce: { id: string; number: number; name: string }) {
  const { clauses, structure } = await compareVersions(services, negotiationId, inForce.id, "current");
  return {
    version: { number: inForce.number, name: inForce.name },
    clauses: clauses.flatMap((c) => {
      if (c.kind === "unchanged") return [];
      const clause = c.kind === "removed" ? c.from : c.to;
      return [{ id: clause.id, number: clause.number, heading: clause.heading, kind: c.kind }];
    }),
    structure,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("signoff") }),
  z.object({ intent: z.literal("round") }),
  versionNameSchema.extend({ intent: z.literal("version") }),
  reviewDateSchema.extend({ intent: z.literal("review") }),
]);

type ActionResult = { ok: boolean; message: MessageKey; blocking?: { clauseId: string; number: string; heading: string; status: string }[] };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireAuth(request, context);
  const { negotiation, role, isOwner } = await requireMembership(context, params.id ?? "", user.id);
  const actor = { userId: user.id, name: user.name, role, isOwner };
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json<ActionResult>({ ok: false, message: "agreement.error.invalid" }, { status: 400 });
  const input = parsed.data;
  const services = context.services;
  try {
    switch (input.intent) {
      case "signoff": {
        const result = await signOff(services, negotiation.id, actor, getLocale(request, context));
        return json<ActionResult>({ ok: true, message: result.effective ? "agreement.signoff.effective" : "agreement.signoff.recorded" });
      }
      case "round":
        await openRound(services, negotiation.id, actor);
        return json<ActionResult>({ ok: true, message: "agreement.round.opened" });
      case "version":
        await saveVersion(services, negotiation.id, user.id, input.name);
        return json<ActionResult>({ ok: true, message: "versions.saved" });
      case "review":
        await setReviewDate(services, negotiation.id, actor, reviewDateMs(input.date));
        return json<ActionResult>({ ok: true, message: "agreement.review.saved" });
    }
  } catch (error) {
    if (error instanceof NegotiationError) {
      return json<ActionResult>({ ok: false, message: error.messageKey, blocking: error.details?.blocking as ActionResult["blocking"] }, { status: error.status });
    }
    throw error;
  }
}

export default function AgreementPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const data = useLoaderData<typeof loader>();
  const { negotiation, me, progress, waiting, signoffs, history, frozenAt, round, reviewDueAt, sinceInForce } = data;
  const sentences = useStructureSentences();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  useRevalidateOnFocus(); // the other party may have agreed or signed meanwhile
  const org = (party: "buyer" | "supplier") => (party === "buyer" ? negotiation.buyerOrg : negotiation.supplierOrg);
  // The structure has no clause to open: its link opens the schedule, whose headings it covers.
  const clauseLink = (clauseId: string) => `/negotiations/${negotiation.id}${clauseId === structureUnitId ? "" : `?clause=${clauseId}`}`;
  const unitName = (c: { clauseId: string; number: string; heading: string }) =>
    c.clauseId === structureUnitId ? t("agreement.structure.name") : `${c.number} ${c.heading || t("agreement.untitled")}`;
  const blocking = result?.blocking ?? [];
  return (
    <section className="agreement-page">
      <p>
        <Link to={`/negotiations/${negotiation.id}`}>← {negotiation.title}</Link>
      </p>
      <h1>{t("agreement.page")}</h1>
      <p className="lead">
        {frozenAt
          ? t("agreement.state.inForce", { time: formatTime(frozenAt) })
          : history.length > 0
            ? t("agreement.state.amending", { round, version: history[0]!.number })
            : t("agreement.state.draft")}
      </p>
      {result && (
        <div role={result.ok ? "status" : "alert"} className={result.ok ? "form-success" : "form-error"}>
          <p>{t(result.message)}</p>
          {blocking.length > 0 && (
            <ul>
              {blocking.map((b) => (
                <li key={b.clauseId}>
                  <Link to={clauseLink(b.clauseId)}>{unitName(b)}</Link>{" "}
                  — {t(`agreement.status.${b.status}` as MessageKey)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("agreement.progress.title")}</h2>
        <p id="progress-count">{t("agreement.progress.count", progress)}</p>
        <progress value={progress.agreed} max={Math.max(progress.total, 1)} aria-labelledby="progress-count" />
        {waiting.length > 0 && (
          <details>
            <summary>{t("agreement.waiting", { count: waiting.length })}</summary>
            <ul>
              {waiting.map((c) => (
                <li key={c.clauseId}>
                  <Link to={clauseLink(c.clauseId)}>{unitName(c)}</Link>{" "}
                  <span className={`agreement-badge status-${c.status}`}>{t(`agreement.status.${c.status}` as MessageKey)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="signoff-heading">
        <h2 id="signoff-heading">{t("agreement.signoff.title")}</h2>
        <p className="hint">{t("agreement.signoff.notEsignature")}</p>
        {sinceInForce && (
          <section className="since-in-force" aria-labelledby="since-heading">
            <h3 id="since-heading">{t("agreement.since.title")}</h3>
            {sinceInForce.clauses.length === 0 && sinceInForce.structure.sections.length === 0 && sinceInForce.structure.moves.length === 0 ? (
              <p>{t("agreement.since.none", { version: t("versions.label", sinceInForce.version) })}</p>
            ) : (
              <>
                <p>{t("agreement.since.intro", { version: t("versions.label", sinceInForce.version) })}</p>
                <ul>
                  {sinceInForce.structure.sections.flatMap((c) => sentences.section(c).map((line) => <li key={`${c.key}-${line}`}>{line}</li>))}
                  {sinceInForce.structure.moves.map((m) => (
                    <li key={`move-${m.clauseId}`}>{sentences.move(m)}</li>
                  ))}
                  {sinceInForce.clauses.map((c) => (
                    <li key={`${c.kind}-${c.id}`}>
                      {c.kind === "removed" ? (
                        t("agreement.since.clause", { number: c.number, heading: c.heading, change: t(`compare.kind.${c.kind}`) })
                      ) : (
                        <Link to={clauseLink(c.id)}>{t("agreement.since.clause", { number: c.number, heading: c.heading, change: t(`compare.kind.${c.kind}`) })}</Link>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <p>
              <Link to={`/negotiations/${negotiation.id}/changes`}>{t("agreement.since.redline")}</Link>
            </p>
          </section>
        )}
        {!frozenAt && (
          <ul>
            {(["buyer", "supplier"] as const).map((party) => {
              const s = signoffs.find((x) => x.party === party);
              return (
                <li key={party}>
                  {!s
                    ? t("agreement.signoff.none", { org: org(party) })
                    : t(s.current ? "agreement.signoff.signed" : "agreement.signoff.stale", { org: org(party), name: s.userName, time: formatTime(s.at) })}
                </li>
              );
            })}
          </ul>
        )}
        {!frozenAt && me.canSign && me.party && (
          <PostButton fields={{ intent: "signoff" }} label={t("agreement.signoff.button", { org: org(me.party) })} disabled={busy} />
        )}
        {frozenAt && me.canOpenRound && (
          <PostButton fields={{ intent: "round" }} label={t(me.party ? "agreement.openRound" : "agreement.openReview")} disabled={busy} />
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("agreement.history.title")}</h2>
        {history.length === 0 ? (
          <p className="hint">{t("agreement.history.none")}</p>
        ) : (
          <ol className="effective-history">
            {history.map((v, i) => (
              <li key={v.id}>
                <Link to={`/negotiations/${negotiation.id}/versions/${v.id}`}>{t("versions.label", { number: v.number, name: v.name })}</Link>
                {i === 0 && <strong> — {t("agreement.history.inForce")}</strong>}
                <br />
                {v.signoffs.map((s) => t("agreement.history.signoff", { org: org(s.party), name: s.userName, time: formatTime(s.at) })).join("; ")}
              </li>
            ))}
          </ol>
        )}
        {history.length > 0 && (
          <>
            <p>{reviewDueAt ? t("agreement.review.due", { time: formatTime(reviewDueAt) }) : t("agreement.review.none")}</p>
            {me.canSetReview && (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="review" />
                <label htmlFor="review-date">{t("agreement.review.label")}</label>
                <input id="review-date" name="date" type="date" required defaultValue={reviewDueAt ? calendarDate(reviewDueAt) : undefined} />
                <button type="submit" disabled={busy}>
                  {t("agreement.review.save")}
                </button>
              </Form>
            )}
          </>
        )}
      </section>

      <VersionList negotiationId={negotiation.id} versions={data.versions} busy={busy} />

      <p>
        <Link to={`/negotiations/${negotiation.id}/audit`}>{t("audit.title")}</Link>
      </p>
    </section>
  );
}
