import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useFormatDateTime, useT } from "../i18n";
import { requireUser } from "../utils/member.server";
import { publicOrigin } from "../utils/members.server";
import { outboxFor } from "../utils/outbox.server";
import { DomainError, refuse } from "../utils/respond.server";

export const meta: MetaFunction = () => [{ title: "Outbox — Common Ground" }];

/**
 * Demo mode only: the mail that would have been sent to you, had SMTP_URL been configured. Only
 * your own: other people's invitations name negotiations you may not know about.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, { api: false });
  const { config, db } = context.services;
  // Outside demo mode the page does not exist, so it answers like any unknown address.
  if (!config.seedDemo || config.smtpUrl) refuse(request, context, new DomainError(404, "error.notFound"), "page");
  const messages = await outboxFor(db, user.email);
  return {
    origin: publicOrigin(request, context),
    messages: messages.map((m) => ({ id: m.id, to: m.to_email, subject: m.subject, body: m.body, at: m.created_at })),
  };
}

export default function Outbox() {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const { messages, origin } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.explain")}</p>
      {messages.length === 0 && <p>{t("outbox.empty")}</p>}
      {messages.map((m) => (
        <article key={m.id} className="outbox-message">
          <h2>{m.subject}</h2>
          <p className="hint">{t("outbox.meta", { to: m.to, when: formatDateTime(m.at) })}</p>
          <pre>
            <Linked text={m.body} origin={origin} />
          </pre>
        </article>
      ))}
    </section>
  );
}

/**
 * The mail's text with its links to us clickable. React escapes every piece, and only an http(s)
 * URL on our own origin becomes a link: anything else in a mail body stays text.
 */
function Linked({ text, origin }: { text: string; origin: string }) {
  // A URL ends before whitespace, and before the punctuation that ends a sentence after it.
  const parts = text.split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)'])/);
  return (
    <>
      {parts.map((part, i) => {
        const url = i % 2 === 1 ? ownUrl(part, origin) : null;
        return url ? (
          <a key={i} href={url}>
            {part}
          </a>
        ) : (
          part
        );
      })}
    </>
  );
}

function ownUrl(candidate: string, origin: string): string | null {
  try {
    const url = new URL(candidate);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}
