import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import type { EditorView } from "prosemirror-view";
import { numberClauses } from "../../../shared/editor/numbering";
import type { ProposalDecision, ProposalView } from "../../../shared/proposals/proposals";
import { partyOf, type Role } from "../../../shared/roles";
import { useFormatDateTime, useT } from "../../i18n";
import { postToNegotiationApi, type ApiOutcome } from "../negotiationApi";
import { RefusalAlert } from "../RefusalAlert";
import { BulkDecisions } from "./BulkDecisions";
import { ProposalSummary } from "./ProposalSummary";
import { proposalMarksState } from "./proposalDecorations";

interface Props {
  negotiationId: string;
  view: EditorView;
  /** The server's list; null while it is read for the first time. */
  proposals: ProposalView[] | null;
  failed: boolean;
  me: { id: string; role: Role };
  /** Only this clause's proposals (the Clause tab), or all of them (the Proposals tab). */
  clauseId: string | null;
  onChanged: () => void;
  onOpenClause: (clauseId: string) => void;
  /** Each proposal's thread: how many comments it has, and "Discuss" to open (or start) it. */
  discussion: ProposalDiscussion;
  /** A proposal to scroll to and focus once it is shown (a deep link); `onFocused` when done. */
  focusProposalId: string | null;
  onFocused: () => void;
  /** What the last "accept all" or "reject all" here came to, until the next decision. */
  notice: string | null;
  onNotice: (notice: string | null) => void;
}

export interface ProposalDiscussion {
  comments: (proposalId: string) => number;
  canStart: boolean;
  onDiscuss: (proposal: ProposalView) => void;
}

/**
 * The open proposals in document order, with their text and clause as the document on this screen
 * has them: the server's list is re-read when a proposal appears or goes, not at every letter typed on.
 */
export function openProposals(view: EditorView, proposals: ProposalView[] | null): ProposalView[] {
  const inDoc = proposalMarksState(view.state).inDoc;
  const order = [...inDoc.keys()];
  const rank = (p: ProposalView) => {
    const index = order.indexOf(p.id);
    return index < 0 ? order.length : index;
  };
  return (proposals ?? [])
    .filter((p) => p.status === "open")
    .map((p) => {
      const here = inDoc.get(p.id);
      return here ? { ...p, text: here.text, clauseId: here.clauseId } : p;
    })
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}

/**
 * Open proposals with who made them, for which party and when, what they insert or delete and why;
 * a member of the other party accepts or rejects one, its author withdraws it. The server applies
 * the decision to the shared document, so everyone sees its outcome in the text.
 */
export function ProposalList(props: Props) {
  const { negotiationId, view, proposals, failed, me, clauseId, onChanged, onOpenClause, focusProposalId, onFocused } = props;
  const t = useT();
  const headingId = useId();
  const [outcome, setOutcome] = useState<ApiOutcome<unknown> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const clauses = useMemo(() => new Map(numberClauses(view.state.doc).map((c) => [c.id, c])), [view.state.doc]);
  const shown = openProposals(view, proposals).filter((p) => clauseId === null || p.clauseId === clauseId);
  const myParty = partyOf(me.role);
  const decidable = shown.filter((p) => mayDecide(myParty, p));
  const clause = clauseId ? (clauses.get(clauseId) ?? null) : null;
  const focusShown = shown.some((p) => p.id === focusProposalId);
  useEffect(() => {
    if (!focusShown || !focusProposalId) return;
    const item = document.querySelector<HTMLElement>(`[data-proposal-id="${CSS.escape(focusProposalId)}"]`);
    item?.scrollIntoView({ block: "nearest" });
    item?.focus();
    onFocused();
  }, [focusShown, focusProposalId, onFocused]);

  const post = async (proposal: ProposalView, body: { action: ProposalDecision } | { action: "reason"; reason: string }) => {
    setBusy(proposal.id);
    props.onNotice(null);
    const result = await postToNegotiationApi(negotiationId, `proposals/${proposal.id}`, body);
    setBusy(null);
    setOutcome(result);
    if (result.ok) onChanged();
    return result.ok;
  };

  return (
    <section className="proposal-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{clauseId ? t("proposals.onClause") : t("proposals.title")}</h2>
      {outcome &&
        !outcome.ok &&
        (outcome.refusal ? (
          <RefusalAlert refusal={outcome.refusal} />
        ) : (
          <p className="form-error" role="alert">
            {t("proposals.unreachable")}
          </p>
        ))}
      {props.notice && (
        <p className="proposal-bulk-done" role="status">
          {props.notice}
        </p>
      )}
      {failed && proposals === null && <p className="hint">{t("proposals.loadFailed")}</p>}
      {proposals !== null && shown.length === 0 && <p className="hint">{t("proposals.none")}</p>}
      <BulkDecisions
        negotiationId={negotiationId}
        decidable={decidable}
        clause={clauseId ? { id: clauseId, number: clause?.number ?? "" } : null}
        onDone={(action, result) => {
          setOutcome(result);
          if (!result.ok) return;
          props.onNotice(t(`proposals.bulk.${action}.done`, { count: result.data.length }));
          onChanged();
        }}
      />
      {shown.length > 0 && (
        <ul className="proposals">
          {shown.map((proposal) => (
            <ProposalItem
              key={proposal.id}
              proposal={proposal}
              clause={proposal.clauseId ? (clauses.get(proposal.clauseId) ?? null) : null}
              showClause={clauseId === null}
              me={me}
              busy={busy === proposal.id}
              onPost={(body) => post(proposal, body)}
              onOpenClause={onOpenClause}
              discussion={props.discussion}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  proposal: ProposalView;
  clause: { id: string; number: string; heading: string } | null;
  showClause: boolean;
  me: { id: string; role: Role };
  busy: boolean;
  onPost: (body: { action: ProposalDecision } | { action: "reason"; reason: string }) => Promise<boolean>;
  onOpenClause: (clauseId: string) => void;
  discussion: ProposalDiscussion;
}

/** The server decides (decideProposal); the buttons show where it would agree. */
const mayDecide = (myParty: ReturnType<typeof partyOf>, proposal: ProposalView) => {
  const party = partyOf(proposal.author.party);
  return !!myParty && !!party && myParty !== party;
};

function ProposalItem({ proposal, clause, showClause, me, busy, onPost, onOpenClause, discussion }: ItemProps) {
  const t = useT();
  const formatTime = useFormatDateTime();
  const summaryId = useId();
  const myParty = partyOf(me.role);
  const mine = proposal.author.id === me.id;
  const party = partyOf(proposal.author.party);
  const canDecide = mayDecide(myParty, proposal);
  const comments = discussion.comments(proposal.id);
  // A proposal in a section heading has no clause to hold its thread.
  const canDiscuss = !!proposal.clauseId && (discussion.canStart || comments > 0);
  return (
    <li className={`proposal proposal-by-${party ?? "unknown"}`} data-proposal-id={proposal.id} tabIndex={-1}>
      <div id={summaryId}>
        {showClause && (
          <p className="proposal-clause">
            {clause ? (
              <button type="button" className="link-button" onClick={() => onOpenClause(clause.id)}>
                {t("threads.clause", { number: clause.number })} {clause.heading}
              </button>
            ) : (
              t(
                proposal.scope === "section"
                  ? "proposals.where.newSection"
                  : proposal.clauseId === null
                    ? "proposals.outline.heading"
                    : "threads.clauseRemoved",
              )
            )}
          </p>
        )}
        <p className="proposal-meta">
          <strong>{proposal.author.name}</strong>
          <span className={`role-badge role-${proposal.author.party}`}>{t(`role.${proposal.author.party}`)}</span> ·{" "}
          {proposal.author.importedBy && <>{t("proposals.importedBy", { name: proposal.author.importedBy })} · </>}
          <time dateTime={new Date(proposal.createdAt).toISOString()}>{formatTime(proposal.createdAt)}</time>
        </p>
        <ProposalSummary proposal={proposal} />
        {proposal.reason && <p className="proposal-reason">{t("proposals.reason", { reason: proposal.reason })}</p>}
      </div>
      <div className="proposal-actions">
        {canDecide && (
          <>
            <button type="button" className="primary" disabled={busy} aria-describedby={summaryId} onClick={() => void onPost({ action: "accept" })}>
              {t("proposals.accept")}
            </button>
            <button type="button" disabled={busy} aria-describedby={summaryId} onClick={() => void onPost({ action: "reject" })}>
              {t("proposals.reject")}
            </button>
          </>
        )}
        {mine && (
          <button type="button" disabled={busy} aria-describedby={summaryId} onClick={() => void onPost({ action: "withdraw" })}>
            {t("proposals.withdraw")}
          </button>
        )}
        {canDiscuss && (
          <button type="button" aria-describedby={summaryId} onClick={() => discussion.onDiscuss(proposal)}>
            {comments > 0 ? t("proposals.discussCount", { count: comments }) : t("proposals.discuss")}
          </button>
        )}
      </div>
      {mine && <ReasonForm initial={proposal.reason ?? ""} busy={busy} onSave={(reason) => onPost({ action: "reason", reason })} />}
    </li>
  );
}

function ReasonForm({ initial, busy, onSave }: { initial: string; busy: boolean; onSave: (reason: string) => Promise<boolean> }) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(reason.trim());
  };
  return (
    <details className="proposal-reason-form">
      <summary>{t(initial ? "proposals.editReason" : "proposals.addReason")}</summary>
      <form onSubmit={submit}>
        <label htmlFor={id}>{t("proposals.reasonLabel")}</label>
        <textarea id={id} value={reason} maxLength={2000} rows={2} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={busy || reason.trim() === initial}>
          {t("proposals.saveReason")}
        </button>
      </form>
    </details>
  );
}
