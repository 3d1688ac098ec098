import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaEditor } from "../components/sessions/AgendaEditor";
import { AgendaItems } from "../components/sessions/AgendaItems";
import { EndSession } from "../components/sessions/EndSession";
import { HandOver } from "../components/sessions/HandOver";
import { TakeOver } from "../components/sessions/TakeOver";
import { MinutesView } from "../components/sessions/MinutesView";
import { RecordOutcome } from "../components/sessions/RecordOutcome";
import { SessionStateBadge } from "../components/sessions/SessionStateBadge";
import { useSessionCommand } from "../components/sessions/useSessionCommand";
import { useRevalidateWhileLive } from "../components/sessions/useRevalidateWhileLive";
import { RefusalAlert } from "../components/RefusalAlert";
import { useFormatDateTime, useT } from "../i18n";
import sessionStyles from "../styles/sessions.css";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { loadPolicies } from "../utils/policy.server";
import { pageData } from "../utils/respond.server";
import { agreeableClauses, attendanceSoFar, moderatorPresent, requireSession, seenOnSessionPage, sessionChoices, sessionView } from "../utils/sessions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionStyles }];
export const meta: MetaFunction = () => [{ title: "Session — Common Ground" }];

/** One session: for its moderator the agenda to edit and the meeting to run; for everyone the agenda, the current item and the outcomes. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  return pageData(request, context, async () => {
    const { db } = context.services;
    const session = await sessionView(db, negotiation.id, params.sessionId ?? "");
    const policies = await loadPolicies(context, member);
    const now = Date.now();
    // Reading the live session's page is attending it (decision 036); the moderator attends by moderating.
    if (session.state === "live") await seenOnSessionPage(db, session.id, member.userId, now);
    const row = await requireSession(db, negotiation.id, session.id);
    return {
      negotiation: { id: negotiation.id, title: negotiation.title },
      session,
      moderating: policies.runSession && session.moderatorId === member.userId,
      // What the meeting agreed, for this member's party to agree itself (the advisor never does).
      agreeable: policies.agree && member.party ? await agreeableClauses(context.services, negotiation.id, member.party, session) : {},
      me: member.userId,
      // Overdue is a matter of the calendar day; the server's (UTC) keeps the page and its hydration the same.
      today: new Date().toISOString().slice(0, 10),
      ...(await sessionChoices(context.services, negotiation.id)),
      attendedMs: session.state === "live" ? Object.fromEntries(await attendanceSoFar(db, session.id, now)) : {},
      // Someone else who may run sessions can take over only while the moderator is away.
      mayTakeOver: policies.runSession && session.moderatorId !== member.userId && session.state === "live" && !(await moderatorPresent(context.services, row)),
    };
  });
}

export default function SessionPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const { negotiation, session, moderating, agreeable, members, clauses, today, me, attendedMs, mayTakeOver } = useLoaderData<typeof loader>();
  const { run, refusal, busy } = useSessionCommand(negotiation.id, session.id);
  useRevalidateWhileLive(session.state === "live" && !moderating);
  const current = session.agenda.find((i) => i.id === session.currentItemId) ?? null;
  return (
    <section className="session-page">
      <p>
        <Link to={`/negotiations/${negotiation.id}/sessions`}>← {t("sessions.backToList")}</Link>
      </p>
      <h1>{t("sessions.session.title", { date: formatTime(session.plannedAt) })}</h1>
      <p className="lead session-facts">
        <SessionStateBadge state={session.state} /> {t("sessions.session.moderatedBy", { name: session.moderatorName })}
        {session.startedAt && <> · {t("sessions.session.startedAt", { time: formatTime(session.startedAt) })}</>}
        {session.endedAt && <> · {t("sessions.session.endedAt", { time: formatTime(session.endedAt) })}</>}
      </p>
      {refusal && <RefusalAlert refusal={refusal} />}
      {mayTakeOver && <TakeOver moderatorName={session.moderatorName} run={run} busy={busy} />}
      {moderating && session.state === "planned" && (
        <p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run({ action: "start" })}>
            {t("sessions.run.start")}
          </button>
        </p>
      )}
      {session.state === "ended" ? (
        <MinutesView negotiationId={negotiation.id} session={session} moderating={moderating} me={me} today={today} run={run} busy={busy} />
      ) : (
        <div className="session-layout">
          {session.state === "live" && (
            <section aria-labelledby="current-heading" className="current-item">
              <h2 id="current-heading">{current ? t("sessions.run.current", { title: current.title }) : t("sessions.run.noCurrent")}</h2>
              {moderating && current && <RecordOutcome key={current.id} item={current} members={members} run={run} busy={busy} />}
              {moderating && (
                <p>
                  <button type="button" disabled={busy} onClick={() => void run({ action: "next" })}>
                    {t("sessions.run.next")}
                  </button>
                </p>
              )}
            </section>
          )}
          <section aria-labelledby="agenda-heading" className="agenda">
            <h2 id="agenda-heading">{t("sessions.agenda.title")}</h2>
            <AgendaItems
              negotiationId={negotiation.id}
              session={session}
              today={today}
              me={me}
              agreeable={agreeable}
              onGoto={moderating && session.state === "live" ? (itemId) => void run({ action: "goto", itemId }) : null}
              busy={busy}
            />
            {moderating && (
              <AgendaEditor key={session.agenda.map((i) => `${i.id}:${i.timeBoxMinutes}`).join()} session={session} clauses={clauses} run={run} busy={busy} />
            )}
          </section>
          {moderating && <HandOver members={members} moderatorId={session.moderatorId} run={run} busy={busy} />}
          {moderating && session.state === "live" && (
            <EndSession members={members} attendedMs={attendedMs} moderatorId={session.moderatorId} run={run} busy={busy} />
          )}
        </div>
      )}
    </section>
  );
}
