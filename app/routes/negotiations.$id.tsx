import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import editorStyles from "../styles/editor.css";
import { ClientOnly } from "../components/ClientOnly";
import { nextSession } from "../utils/sessions.server";
import { NegotiationHeader } from "../components/workspace/NegotiationHeader";
import { useT } from "../i18n";
import { memberNegotiation, requireMember } from "../utils/member.server";
import { listMembers, negotiationSetup } from "../utils/negotiations.server";
import { loadPolicies } from "../utils/policy.server";
import { coverageRegimes, glossaryFor } from "../../shared/knowledge/localize";
import { getLocale } from "../utils/locale.server";
import { openAt } from "../utils/openAt.server";
import { loadAgreementSnapshot } from "../utils/agreements.server";
import { changesModeOf, isChangesMode, type ChangesMode } from "../../shared/proposals/changesMode";

// ProseMirror, Yjs and the socket load only in the browser, after the page is interactive.
const ScheduleEditor = lazy(() => import("../components/editor/ScheduleEditor.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.negotiation.title ?? ""} — Common Ground` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, context, params, { api: false });
  const negotiation = await memberNegotiation(context, member);
  const members = await listMembers(context.services.db, negotiation.id);
  const online = context.services.collaboration.onlineUserIds(negotiation.id);
  const { openClause, openThread, openProposal } = await openAt(request, context.services, member);
  const locale = getLocale(request, context);
  const setup = negotiationSetup(negotiation.setup_json);
  const agreement = await loadAgreementSnapshot(context.services, negotiation.id);
  return {
    agreement,
    policies: await loadPolicies(context, member),
    knowledge: {
      glossary: glossaryFor(context.services.catalogue, locale),
      coverage: { regimes: coverageRegimes(context.services.catalogue, locale), applicable: setup.regimes, level: setup.level },
    },
    openClause,
    openThread,
    openProposal,
    me: { id: member.userId, name: member.name, role: member.role, owner: member.owner },
    negotiation: { id: negotiation.id, title: negotiation.title, buyerOrg: negotiation.buyer_org, supplierOrg: negotiation.supplier_org },
    changes: changesModeOf(negotiation),
    nextSession: await nextSession(context.services.db, negotiation.id),
    members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, online: online.has(m.userId) })),
  };
}

export default function NegotiationPage() {
  const { negotiation, me, policies, members, openClause, openThread, openProposal, knowledge, agreement, changes, nextSession } =
    useLoaderData<typeof loader>();
  const t = useT();
  const revalidator = useRevalidator();
  const [mode, refreshMode, setMode] = useChangesMode(negotiation.id, changes);
  // Opening the page at a clause (a notification's link) reads what was said there; a POST,
  // because a GET (a prefetch, a crawler, a link preview) must change nothing. Should it fail, the
  // mention merely stays unread.
  useEffect(() => {
    if (!openClause) return;
    void fetch(`/api/negotiations/${negotiation.id}/notifications/read`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clauseId: openClause }),
    }).catch(() => undefined);
  }, [negotiation.id, openClause]);
  const loading = <p className="editor-loading">{t("editor.loading")}</p>;
  return (
    <div className="negotiation-layout">
      <NegotiationHeader
        negotiation={negotiation}
        me={me}
        policies={policies}
        agreement={agreement}
        members={members}
        nextSession={nextSession}
        changes={{ mode, canSwitch: policies.setChanges && policies.edit, onSwitched: setMode }}
      />
      <section className="negotiation-main" aria-labelledby="schedule-heading">
        <h2 id="schedule-heading" className="visually-hidden">
          {t("negotiation.schedule")}
        </h2>
        <ClientOnly fallback={loading}>
          <Suspense fallback={loading}>
            <ScheduleEditor
              negotiationId={negotiation.id}
              user={me}
              policies={policies}
              initialClause={openClause}
              initialThread={openThread}
              initialProposal={openProposal}
              onRightsChanged={() => revalidator.revalidate()}
              knowledge={knowledge}
              agreement={agreement}
              changes={mode}
              onChangesPushed={setMode}
              onResynced={refreshMode}
              onSessionChanged={() => revalidator.revalidate()}
            />
          </Suspense>
        </ClientOnly>
      </section>
    </div>
  );
}

/**
 * The negotiation's way of working: as loaded, then as the socket pushes it when an owner switches
 * it, and as the API says after a reconnection (a switch while away was not pushed).
 */
function useChangesMode(negotiationId: string, loaded: ChangesMode) {
  const [mode, setMode] = useState(loaded);
  // A revalidation brought a newer answer: it wins over what was fetched before.
  const [seen, setSeen] = useState(loaded);
  if (seen !== loaded) {
    setSeen(loaded);
    setMode(loaded);
  }
  const refresh = useCallback(() => {
    void fetch(`/api/negotiations/${negotiationId}`, { headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        const changes = (body as { changes?: unknown } | null)?.changes;
        if (isChangesMode(changes)) setMode(changes);
      })
      .catch(() => undefined);
  }, [negotiationId]);
  return [mode, refresh, setMode] as const;
}
