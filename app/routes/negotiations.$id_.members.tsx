import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { assignableRoles, canBeOwner } from "../../shared/membership";
import { may } from "../../shared/policy";
import { isRefusalBody, type RefusalBody } from "../../shared/refusal";
import { partyOf, roles, type Role } from "../../shared/roles";
import { ConfirmButton } from "../components/ConfirmButton";
import { Field } from "../components/Field";
import { PostButton } from "../components/PostButton";
import { RefusalAlert } from "../components/RefusalAlert";
import { useFormatDateTime, useT, type MessageKey } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { listMembers } from "../utils/negotiations.server";
import { DomainError, pageAction } from "../utils/respond.server";
import {
  changeRole,
  emailSchema,
  invite,
  pendingInvitations,
  publicOrigin,
  removeFromNegotiation,
  resendInvitation,
  revokeInvitation,
  setOwner,
  type Delivery,
} from "../utils/members.server";

export const meta: MetaFunction = () => [{ title: "Members — Common Ground" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const me = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, me);
  const members = await listMembers(context.services.db, negotiation.id);
  const online = context.services.collaboration.onlineUserIds(negotiation.id);
  const otherPartyHasMembers = members.some((m) => partyOf(m.role) && partyOf(m.role) !== me.party);
  const invitations = await pendingInvitations(context.services.db, negotiation.id);
  return {
    negotiation: { id: negotiation.id, title: negotiation.title },
    me: { userId: me.userId, role: me.role },
    policies: { manageMembers: may(me, "manageMembers") },
    assignable: assignableRoles(me, otherPartyHasMembers),
    members: members.map((m) => ({ ...m, online: online.has(m.userId) })),
    // Only what the caller may manage: an owner sees their party's and the neutral invitations.
    invitations: invitations
      .filter((i) => may(me, "manageMembers", undefined, { role: i.role as Role, otherPartyHasMembers }))
      .map((i) => ({ id: i.id, email: i.email, role: i.role as Role, expiresAt: i.expires_at, expired: i.expires_at <= Date.now() })),
  };
}

const roleSchema = z.enum(roles);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: emailSchema, role: roleSchema }),
  z.object({ intent: z.literal("resend"), invitationId: z.string().max(64) }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().max(64) }),
  z.object({ intent: z.literal("role"), userId: z.string().max(64), role: roleSchema }),
  z.object({ intent: z.literal("owner"), userId: z.string().max(64), owner: z.enum(["0", "1"]) }),
  z.object({ intent: z.literal("remove"), userId: z.string().max(64) }),
]);

type ActionResult = { ok: true; message: MessageKey; params?: Record<string, string>; link?: string; delivery?: Delivery; email?: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  const services = context.services;
  const id = member.negotiationId;
  // What was typed into the invitation form goes back with a refusal, so it can be corrected.
  const typed = parsed.success && parsed.data.intent === "invite" ? { values: { email: parsed.data.email, role: parsed.data.role } } : undefined;
  return pageAction(
    request,
    context,
    async (): Promise<ActionResult | Response> => {
      if (!parsed.success) {
        const emailProblem = parsed.error.issues.some((i) => i.path[0] === "email");
        throw new DomainError(400, emailProblem ? "signup.error.email" : "members.error.invalid");
      }
      const input = parsed.data;
      switch (input.intent) {
        case "invite": {
          const { link, delivery } = await invite(services, id, member, input, publicOrigin(request, context));
          return { ok: true, message: "members.invited", params: { email: input.email }, link, delivery, email: input.email };
        }
        case "resend": {
          const { link, delivery, email } = await resendInvitation(services, id, member, input.invitationId, publicOrigin(request, context));
          return { ok: true, message: "members.resent", link, delivery, email };
        }
        case "revoke":
          await revokeInvitation(services, id, member, input.invitationId);
          return { ok: true, message: "members.revoked" };
        case "role":
          await changeRole(services, id, member, input.userId, input.role);
          return { ok: true, message: "members.roleChanged" };
        case "owner":
          await setOwner(services, id, member, input.userId, input.owner === "1");
          return { ok: true, message: "members.ownerChanged" };
        case "remove":
          await removeFromNegotiation(services, id, member, input.userId);
          if (input.userId === member.userId) return redirect("/dashboard");
          return { ok: true, message: "members.removed" };
      }
    },
    typed,
  );
}

/** A refusal of the invitation form: shown at the email field when it is about the address. */
type InviteRefusal = RefusalBody & { field?: "email"; values?: { email: string; role: Role } };

export default function Members() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { negotiation, me, policies, assignable, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult | InviteRefusal>();
  const refusal = result && isRefusalBody(result) ? (result as InviteRefusal) : null;
  const busy = useNavigation().state !== "idle";
  const submit = useSubmit();
  const manages = (role: Role) => assignable.includes(role);
  return (
    <section>
      <p>
        <Link to={`/negotiations/${negotiation.id}`}>← {negotiation.title}</Link>
      </p>
      <h1>{t("members.title")}</h1>
      {refusal && refusal.field !== "email" && <RefusalAlert refusal={refusal} />}
      {result && !isRefusalBody(result) && (
        <div role="status" className="form-success">
          <p>{t(result.message, result.params)}</p>
          {result.delivery === "failed" && (
            <p role="alert">
              <strong>{t("members.mailFailed")}</strong>
            </p>
          )}
          {result.delivery === "sent" && <p>{t("members.delivery.sent", { email: result.email ?? "" })}</p>}
          {result.delivery === "outbox" && <p>{t("members.delivery.outbox")}</p>}
          {result.link && (
            <p className="invite-link">
              <label htmlFor="invite-link">{t("members.linkLabel")}</label>
              <input id="invite-link" readOnly value={result.link} onFocus={(e) => e.currentTarget.select()} />
            </p>
          )}
        </div>
      )}

      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t("members.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.col.name")}</th>
              <th scope="col">{t("members.col.role")}</th>
              <th scope="col">{t("members.col.status")}</th>
              <th scope="col">{t("members.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  <br />
                  <span className="hint">{m.email}</span>
                </td>
                <td data-label={t("members.col.role")}>
                  <span className={`role-badge role-${m.role}`}>{t(`role.${m.role}`)}</span>{" "}
                  {m.isOwner && <span className="owner-badge">{t("members.owner")}</span>}
                </td>
                <td data-label={t("members.col.status")}>
                  {m.online ? <span className="online">{t("members.online")}</span> : <span className="hint">{t("members.offline")}</span>}
                </td>
                <td className="row-actions">
                  {manages(m.role) && (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                        {t("members.changeRoleOf", { name: m.name })}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        {assignable.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" disabled={busy}>
                        {t("members.changeRole")}
                      </button>
                    </Form>
                  )}
                  {manages(m.role) && canBeOwner(m.role) && (
                    <PostButton
                      fields={{ intent: "owner", userId: m.userId, owner: m.isOwner ? "0" : "1" }}
                      label={m.isOwner ? t("members.unmakeOwner") : t("members.makeOwner")}
                      subject={m.name}
                      disabled={busy}
                    />
                  )}
                  {m.userId === me.userId ? (
                    <ConfirmButton
                      label={t("members.leave")}
                      title={t("members.leave.confirmTitle")}
                      text={t("members.leave.confirmText", { title: negotiation.title })}
                      confirm={t("members.leave.confirm")}
                      cancel={t("members.leave.cancel")}
                      busy={busy}
                      onConfirm={() => submit({ intent: "remove", userId: m.userId }, { method: "post" })}
                    />
                  ) : (
                    manages(m.role) && (
                      <PostButton fields={{ intent: "remove", userId: m.userId }} label={t("members.remove")} subject={m.name} disabled={busy} />
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {policies.manageMembers && (
        <>
          <h2>{t("members.invite.title")}</h2>
          <p>{t("members.invite.explain")}</p>
          <Form method="post" className="invite-form">
            <input type="hidden" name="intent" value="invite" />
            <Field
              // A new key empties the field after an invitation and refills it after a refusal.
              key={refusal?.values?.email ?? (result && !refusal ? (result as ActionResult).link : "")}
              label={t("members.invite.email")}
              name="email"
              type="email"
              required
              autoComplete="off"
              defaultValue={refusal?.values?.email}
              error={refusal?.field === "email" ? refusal.error : undefined}
            />
            <div className="field">
              <label htmlFor="invite-role">{t("members.invite.role")}</label>
              <select
                key={refusal?.values?.role ?? ""}
                id="invite-role"
                name="role"
                defaultValue={refusal?.values?.role ?? assignable.find((r) => partyOf(r) && partyOf(r) !== partyOf(me.role)) ?? assignable[0]}
              >
                {assignable.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="primary" disabled={busy}>
              {t("members.invite.submit")}
            </button>
          </Form>

          <h2>{t("members.pending.title")}</h2>
          {invitations.length === 0 ? (
            <p>{t("members.pending.none")}</p>
          ) : (
            <ul className="invitation-list">
              {invitations.map((i) => (
                <li key={i.id}>
                  {i.email} — {t(`role.${i.role}`)} —{" "}
                  {i.expired ? t("members.pending.expired") : t("members.pending.expires", { when: formatDateTime(i.expiresAt) })}
                  <PostButton fields={{ intent: "resend", invitationId: i.id }} label={t("members.pending.resend")} subject={i.email} disabled={busy} />
                  <PostButton fields={{ intent: "revoke", invitationId: i.id }} label={t("members.pending.revoke")} subject={i.email} disabled={busy} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
