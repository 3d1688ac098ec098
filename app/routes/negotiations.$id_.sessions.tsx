import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SessionPlanning } from "../components/sessions/SessionPlanning";
import { ModerationSetting } from "../components/sessions/ModerationSetting";
import { SessionStateBadge } from "../components/sessions/SessionStateBadge";
import { useFormatDateTime, useT } from "../i18n";
import sessionStyles from "../styles/sessions.css";
import { getLocale } from "../utils/locale.server";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { loadPolicies } from "../utils/policy.server";
import { pageData } from "../utils/respond.server";
import { proposedAgenda, reviewAgenda, sessionSummaries } from "../utils/sessions.server";
import { useRevalidateOnFocus } from "../components/useRevalidateOnFocus";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionStyles }];
export const meta: MetaFunction = () => [{ title: "Sessions — Common Ground" }];

/**
 * A negotiation's sessions (decision 032): the list, and for those who may, planning one from the
 * proposed agenda or, with an agreement in force, the periodic review from its checklist (decision 035).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  return pageData(request, context, async () => {
    const policies = await loadPolicies(context, member);
    const locale = getLocale(request, context);
    return {
      negotiation: { id: negotiation.id, title: negotiation.title, sessionsByAdvisorsOnly: negotiation.sessions_advisors_only !== 0 },
      policies: { runSession: policies.runSession, setSessionModeration: policies.setSessionModeration },
      sessions: await sessionSummaries(context.services.db, negotiation.id),
      proposed: policies.runSession ? await proposedAgenda(context.services, negotiation.id, locale) : [],
      review: policies.runSession ? await reviewAgenda(context.services, negotiation.id, locale) : null,
    };
  });
}

export default function SessionsPage() {
  const t = useT();
  const formatTime = useFormatDateTime();
  const { negotiation, policies, sessions, proposed, review } = useLoaderData<typeof loader>();
  useRevalidateOnFocus();
  return (
    <section className="sessions-page">
      <p>
        <Link to={`/negotiations/${negotiation.id}`}>← {negotiation.title}</Link>
      </p>
      <h1>{t("sessions.title")}</h1>
      <p className="lead">{t("sessions.intro")}</p>
      {sessions.length === 0 ? (
        <p>{t("sessions.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("sessions.list.when")}</th>
                <th scope="col">{t("sessions.list.state")}</th>
                <th scope="col">{t("sessions.list.moderator")}</th>
                <th scope="col">{t("sessions.list.items")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={s.id} aria-label={t("sessions.list.open", { date: formatTime(s.plannedAt) })}>
                      {formatTime(s.plannedAt)}
                    </Link>
                  </td>
                  <td>
                    <SessionStateBadge state={s.state} />
                  </td>
                  <td>{s.moderatorName}</td>
                  <td>{s.items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {policies.runSession ? (
        <SessionPlanning negotiationId={negotiation.id} proposed={proposed} review={review} />
      ) : (
        <p className="hint">{t(negotiation.sessionsByAdvisorsOnly ? "sessions.plan.notAllowed" : "sessions.plan.notAllowedAnyone")}</p>
      )}
      {policies.setSessionModeration && <ModerationSetting negotiationId={negotiation.id} advisorsOnly={negotiation.sessionsByAdvisorsOnly} />}
    </section>
  );
}
