import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { progressOf } from "../../shared/agreements/clauseStatus";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { structureUnitId } from "../../shared/agreements/scheduleStructure";
import { calendarDate, type AgreementSnapshot } from "../../shared/agreements/snapshot";
import { labelList } from "../../shared/editor/placeholders";
import { ConfirmButton } from "../components/ConfirmButton";
import { RefusalAlert } from "../components/RefusalAlert";
import { useNegotiationMutation } from "../components/negotiationApi";
import { useRevalidateOnFocus } from "../components/useRevalidateOnFocus";
import { VersionList } from "../components/agreements/VersionList";
import { useStructureSentences } from "../components/agreements/StructureChangeList";
import editorStyles from "../styles/editor.css";
import { useFormatCalendarDate, useFormatDateTime, useT, type MessageKey } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { loadPolicies } from "../utils/policy.server";
import { compareVersions, effectiveHistory, listVersions, loadAgreementSnapshot, readSchedule, recordStatuses } from "../utils/agreements.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.negotiation.title ?? ""} — Common Ground` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  const { db } = context.services;
  const doc = readSchedule(context.services, negotiation.id);
  const clauses = await recordStatuses(db, negotiation.id, doc);
  const snapshot = await loadAgreementSnapshot(context.services, negotiation.id);
  const currentHash = scheduleHash(doc);
  const history = await effectiveHistory(db, negotiation.id);
  return {
    negotiation: { id: negotiation.id, title: negotiation.title, buyerOrg: negotiation.buyer_org, supplierOrg: negotiation.supplier_org },
    me: { party: member.party },
    policies: await loadPolicies(context, member, currentHash),
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
async function changesSinceInForce(
  services: Parameters<typeof compareVersions>[0],
  negotiationId: string,
  inForce: { id: string; number: number; name: string },
) {
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

export default function AgreementPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const formatCalendarDate = useFormatCalendarDate();
  const data = useLoaderData<typeof loader>();
  const { negotiation, me, policies, progress, waiting, signoffs, history, frozenAt, round, reviewDueAt, sinceInForce } = data;
  const sentences = useStructureSentences();
  // Every change goes through the JSON API, as from the editor (decision 009).
  const { post, outcome, busy } = useNegotiationMutation(negotiation.id);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const change = async (path: string, body: unknown, success: (data: AgreementSnapshot & { effective?: boolean }) => MessageKey) => {
    setNotice(null);
    const result = await post<AgreementSnapshot & { effective?: boolean }>(path, body);
    if (result.ok) setNotice(success(result.data));
  };
  const setReview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void change("review-date", { date: new FormData(event.currentTarget).get("date") }, () => "agreement.review.saved");
  };
  const saveVersion = (name: string) => change("versions", { name }, () => "versions.saved");
  useRevalidateOnFocus(); // the other party may have agreed or signed meanwhile
  const org = (party: "buyer" | "supplier") => (party === "buyer" ? negotiation.buyerOrg : negotiation.supplierOrg);
  // The structure has no clause to open: its link opens the schedule, whose headings it covers.
  const clauseLink = (clauseId: string) => `/negotiations/${negotiation.id}${clauseId === structureUnitId ? "" : `?clause=${clauseId}`}`;
  const unitName = (c: { clauseId: string; number: string; heading: string }) =>
    c.clauseId === structureUnitId ? t("agreement.structure.name") : `${c.number} ${c.heading || t("agreement.untitled")}`;
  const refusal = outcome && !outcome.ok ? (outcome.refusal ?? { error: t("agreement.error.network") }) : null;
  const blocking =
    (refusal && "blocking" in refusal
      ? (refusal.blocking as { clauseId: string; number: string; heading: string; status: string; placeholders?: string[] }[])
      : null) ?? [];
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
      {notice && (
        <div role="status" className="form-success">
          <p>{t(notice)}</p>
        </div>
      )}
      {refusal && (
        <RefusalAlert refusal={refusal}>
          {blocking.length > 0 && (
            <ul>
              {blocking.map((b) => (
                <li key={b.clauseId}>
                  <Link to={clauseLink(b.clauseId)}>{unitName(b)}</Link> — {t(`agreement.status.${b.status}` as MessageKey)}
                  {b.placeholders?.length ? `; ${t("agreement.signoff.toFillIn", { labels: labelList(b.placeholders) })}` : ""}
                </li>
              ))}
            </ul>
          )}
        </RefusalAlert>
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
                        <Link to={clauseLink(c.id)}>
                          {t("agreement.since.clause", { number: c.number, heading: c.heading, change: t(`compare.kind.${c.kind}`) })}
                        </Link>
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
        {policies.signOff && me.party && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void change("signoff", {}, (r) => (r.effective ? "agreement.signoff.effective" : "agreement.signoff.recorded"))}
          >
            {t("agreement.signoff.button", { org: org(me.party) })}
          </button>
        )}
        {!frozenAt && me.party && signoffs.some((s) => s.party === me.party && s.current) && (
          <p className="signoff-done">{t("agreement.signoff.youSigned", { org: org(me.party) })}</p>
        )}
        {policies.openRound && (
          <ConfirmButton
            label={t(me.party ? "agreement.openRound" : "agreement.openReview")}
            title={t("agreement.round.confirmTitle")}
            text={t("agreement.round.confirmText")}
            confirm={t("agreement.round.confirm")}
            cancel={t("agreement.round.cancel")}
            busy={busy}
            onConfirm={() => void change("rounds", {}, () => "agreement.round.opened")}
          />
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
            <p>{reviewDueAt ? t("agreement.review.due", { date: formatCalendarDate(reviewDueAt) }) : t("agreement.review.none")}</p>
            {policies.setReviewDate && (
              <form className="inline-form" onSubmit={setReview}>
                <label htmlFor="review-date">{t("agreement.review.label")}</label>
                <input id="review-date" name="date" type="date" required defaultValue={reviewDueAt ? calendarDate(reviewDueAt) : undefined} />
                <button type="submit" disabled={busy}>
                  {t("agreement.review.save")}
                </button>
              </form>
            )}
          </>
        )}
      </section>

      <VersionList negotiationId={negotiation.id} versions={data.versions} busy={busy} canSave={policies.saveVersion} onSave={saveVersion} />

      <p>
        <Link to={`/negotiations/${negotiation.id}/audit`}>{t("audit.title")}</Link>
      </p>
    </section>
  );
}
