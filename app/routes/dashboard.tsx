import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RefusalAlert } from "../components/RefusalAlert";
import { isRefusalBody } from "../../shared/refusal";
import { acceptInvitationFor, invitationsForUser } from "../utils/members.server";
import { PostButton } from "../components/PostButton";
import { z } from "zod";
import { counterparty, partyOf } from "../../shared/roles";
import { WaitingForSummary } from "../components/dashboard/WaitingForSummary";
import { useFormatCalendarDate, useFormatDateTime, useT } from "../i18n";
import { requireMember, requireUser } from "../utils/member.server";
import { listNegotiationsForUser, setArchived } from "../utils/negotiations.server";
import { DomainError, pageAction, refuse } from "../utils/respond.server";
import { unreadCounts } from "../utils/notifications.server";
import { agreementProgress, reviewWarningMs, waitingForParty } from "../utils/agreements.server";
import { myActions } from "../utils/sessions.server";
import { MyActions } from "../components/dashboard/MyActions";
import sessionStyles from "../styles/sessions.css";

export const meta: MetaFunction = () => [{ title: "Dashboard — Common Ground" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: sessionStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const show = new URL(request.url).searchParams.get("show");
  const view = show === "archived" || show === "review" ? show : "active";
  const all = await listNegotiationsForUser(context.services.db, user.id);
  const unread = await unreadCounts(context.services.db, user.id);
  const now = Date.now();
  const dueForReview = (n: (typeof all)[number]) => n.reviewDueAt !== null && n.reviewDueAt <= now + reviewWarningMs;
  const shown = all.filter((n) => (view === "archived" ? n.archived : view === "review" ? !n.archived && dueForReview(n) : !n.archived));
  const negotiations = [];
  for (const n of shown) {
    const party = partyOf(n.role);
    negotiations.push({
      ...n,
      unread: unread.get(n.id) ?? 0,
      dueForReview: dueForReview(n),
      progress: await agreementProgress(context.services, n.id),
      waiting: party ? await waitingForParty(context.services, n.id, party) : null,
    });
  }
  return {
    view,
    email: user.email,
    invitations: await invitationsForUser(context.services, user),
    actions: await myActions(context.services, user.id),
    // Overdue is a matter of the calendar day: the server's (UTC), the same on the page and after hydration.
    today: new Date(now).toISOString().slice(0, 10),
    negotiations,
    counts: {
      active: all.filter((n) => !n.archived).length,
      archived: all.filter((n) => n.archived).length,
      review: all.filter((n) => !n.archived && dueForReview(n)).length,
    },
  };
}

const archiveForm = z.object({ negotiationId: z.string().max(64), archived: z.enum(["0", "1"]) });
const acceptForm = z.object({ intent: z.literal("accept"), invitationId: z.string().max(64) });

export async function action({ request, context }: ActionFunctionArgs) {
  const fields = Object.fromEntries(await request.formData());
  if (fields.intent === "accept") {
    // Accepting an invitation addressed to this account's email: the same checks as the mailed link.
    const { user } = requireUser(request, context, { api: false });
    const accept = acceptForm.safeParse(fields);
    return pageAction(request, context, async () => {
      if (!accept.success) throw new DomainError(400, "error.invalidRequest");
      return redirect(`/negotiations/${await acceptInvitationFor(context.services, accept.data.invitationId, user)}`);
    });
  }
  const parsed = archiveForm.safeParse(fields);
  if (!parsed.success) refuse(request, context, new DomainError(400, "error.invalidRequest"), "page");
  const member = await requireMember(request, context, { id: parsed.data.negotiationId }, { api: false });
  await setArchived(context.services.db, member.negotiationId, member.userId, parsed.data.archived === "1");
  return json({ error: null });
}

export default function Dashboard() {
  const { negotiations, view, counts, invitations, email, actions, today } = useLoaderData<typeof loader>();
  const failed = useActionData<unknown>();
  const archived = view === "archived";
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const formatCalendarDate = useFormatCalendarDate();
  return (
    <section>
      <div className="page-heading">
        <h1>{t("dashboard.title")}</h1>
        <Link className="button primary" to="/negotiations/new">
          {t("dashboard.new")}
        </Link>
        <Link className="button" to="/negotiations/import">
          {t("dashboard.import")}
        </Link>
      </div>
      {isRefusalBody(failed) && <RefusalAlert refusal={failed} />}
      {invitations.length > 0 && (
        <section aria-labelledby="pending-invitations" className="pending-invitations">
          <h2 id="pending-invitations">{t("dashboard.invitations.title")}</h2>
          <p className="hint">{t("dashboard.invitations.explain", { email })}</p>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                <div>
                  <strong>{i.title}</strong>
                  <br />
                  <span>{t("dashboard.invitations.detail", { inviter: i.inviterName, role: t(`role.${i.role}`), when: formatDateTime(i.expiresAt) })}</span>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="accept" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" className="primary">
                    {t("dashboard.invitations.accept")}
                    <span className="visually-hidden"> {i.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
      {actions.length > 0 && <MyActions actions={actions} today={today} />}
      <nav aria-label={t("dashboard.filter")} className="tabs">
        <Link to="/dashboard" aria-current={view === "active" ? "page" : undefined}>
          {t("dashboard.filter.active", { count: counts.active })}
        </Link>
        <Link to="/dashboard?show=review" aria-current={view === "review" ? "page" : undefined}>
          {t("dashboard.filter.review", { count: counts.review })}
        </Link>
        <Link to="/dashboard?show=archived" aria-current={archived ? "page" : undefined}>
          {t("dashboard.filter.archived", { count: counts.archived })}
        </Link>
      </nav>
      {negotiations.length === 0 ? (
        <p>
          {archived
            ? t("dashboard.emptyArchived")
            : view === "review"
              ? t("dashboard.emptyReview")
              : invitations.length > 0
                ? t("dashboard.emptyUntilAccepted")
                : t("dashboard.empty")}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("dashboard.col.title")}</th>
                <th scope="col">{t("dashboard.col.role")}</th>
                <th scope="col">{t("dashboard.col.counterparty")}</th>
                <th scope="col">{t("dashboard.col.agreement")}</th>
                <th scope="col">{t("dashboard.col.lastActivity")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("dashboard.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {negotiations.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/negotiations/${n.id}`}>{n.title}</Link>
                    {n.unread > 0 && (
                      <>
                        {" "}
                        <Link to="/notifications" className="unread-badge">
                          {t("dashboard.unread", { count: n.unread })}
                        </Link>
                      </>
                    )}
                  </td>
                  <td data-label={t("dashboard.col.role")}>
                    <span className={`role-badge role-${n.role}`}>{t(`role.${n.role}`)}</span>
                  </td>
                  <td data-label={t("dashboard.col.counterparty")}>{counterparty(n.role, n)}</td>
                  <td data-label={t("dashboard.col.agreement")}>
                    {n.frozenAt ? t("dashboard.inForce") : t("agreement.progress.count", n.progress)}
                    {n.waiting && <WaitingForSummary waiting={n.waiting} />}
                    {n.dueForReview && n.reviewDueAt && (
                      <>
                        {" "}
                        <Link to={`/negotiations/${n.id}/agreement`} className="unread-badge">
                          {t("dashboard.reviewDue", { date: formatCalendarDate(n.reviewDueAt) })}
                        </Link>
                      </>
                    )}
                  </td>
                  <td data-label={t("dashboard.col.lastActivity")}>{formatDateTime(n.lastActivityAt)}</td>
                  <td>
                    <PostButton
                      fields={{ negotiationId: n.id, archived: archived ? "0" : "1" }}
                      label={archived ? t("dashboard.unarchive") : t("dashboard.archive")}
                      subject={n.title}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
