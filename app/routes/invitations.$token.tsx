import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Role } from "../../shared/roles";
import { useT, type MessageKey } from "../i18n";
import { acceptInvitation, findInvitation, isMember } from "../utils/members.server";
import { requireUser } from "../utils/member.server";
import { pageAction } from "../utils/respond.server";
import { isRefusalBody } from "../../shared/refusal";

export const meta: MetaFunction = () => [{ title: "Invitation — Common Ground" }];

const statusMessages: Record<string, MessageKey> = {
  revoked: "invitation.revoked",
  expired: "invitation.expired",
  used: "invitation.used",
  void: "invitation.noLongerAllowed",
};

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const found = await findInvitation(context.services, params.token ?? "");
  if (!found) return json({ state: "notFound" as const }, { status: 404 });
  const { invitation, negotiation, inviterName, status } = found;
  const here = new URL(request.url).pathname;
  const summary = { title: negotiation.title, role: invitation.role as Role, inviterName, email: invitation.email, here };
  const user = context.auth?.user ?? null;
  // A member who opens a used (revoked, expired) link, or one addressed to them, is told they are in
  // already and sent there; a member opening someone else's open link still sees whom it is for.
  const forThem = status !== "valid" || user?.email === invitation.email;
  if (user && forThem && (await isMember(context.services, negotiation.id, user.id))) {
    return json({ state: "member" as const, summary, negotiationId: negotiation.id });
  }
  if (status !== "valid") {
    const message = status === "used" && user ? "invitation.usedSignedIn" : statusMessages[status]!;
    return json({ state: "unusable" as const, message, summary }, { status: 410 });
  }
  if (!user) return json({ state: "signIn" as const, summary });
  if (user.email !== invitation.email) return json({ state: "wrongUser" as const, summary, current: user.email });
  return json({ state: "ready" as const, summary });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  return pageAction(request, context, async () => redirect(`/negotiations/${await acceptInvitation(context.services, params.token ?? "", user)}`));
}

export default function InvitationPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<unknown>();
  if (data.state === "notFound") {
    return (
      <section className="narrow">
        <h1>{t("invitation.title")}</h1>
        <p role="alert">{t("invitation.notFound")}</p>
      </section>
    );
  }
  const { summary } = data;
  const query = (path: string) => `${path}?${new URLSearchParams({ redirectTo: summary.here, email: summary.email })}`;
  return (
    <section className="narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.summary", { inviter: summary.inviterName, title: summary.title, role: t(`role.${summary.role}`) })}</p>
      {data.state === "unusable" && (
        <p role="alert" className="form-error">
          {t(data.message)}
        </p>
      )}
      {isRefusalBody(failed) && (
        <p role="alert" className="form-error">
          {failed.error}
        </p>
      )}
      {data.state === "signIn" && (
        <>
          <p>{t("invitation.signIn", { email: summary.email })}</p>
          <p className="actions">
            <Link className="button primary" to={query("/signup")}>
              {t("nav.signup")}
            </Link>
            <Link className="button" to={query("/login")}>
              {t("nav.login")}
            </Link>
          </p>
        </>
      )}
      {data.state === "wrongUser" && (
        <p role="alert" className="form-error">
          {t("invitation.wrongEmail.detail", { email: summary.email, current: data.current })}
        </p>
      )}
      {data.state === "member" && (
        <>
          <p role="status">{t("invitation.alreadyMember")}</p>
          <p className="actions">
            <Link className="button primary" to={`/negotiations/${data.negotiationId}`}>
              {t("invitation.openNegotiation")}
            </Link>
          </p>
        </>
      )}
      {data.state === "ready" && (
        <Form method="post">
          <button type="submit" className="primary">
            {t("invitation.accept")}
          </button>
        </Form>
      )}
    </section>
  );
}
