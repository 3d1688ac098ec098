import { useEffect, useId, useState } from "react";
import type { NumberedClause } from "../../../shared/editor/numbering";
import type { ProposalView } from "../../../shared/proposals/proposals";
import type { Role } from "../../../shared/roles";
import { canSeeThread, maxCommentLength, type ThreadProposal, type ThreadView } from "../../../shared/threads";
import { partyOf } from "../../../shared/roles";
import { MentionTextarea } from "./MentionTextarea";
import type { MentionCandidate } from "./mentionQuery";
import { useFormatDateTime, useT } from "../../i18n";
import { Markdown } from "../Markdown";
import type { ThreadRequest } from "./useThreads";

export type ThreadFilter = "open" | "resolved" | "mine" | "mentions" | "internal";
const filters: ThreadFilter[] = ["open", "resolved", "mine", "mentions", "internal"];

interface ThreadPanelProps {
  threads: ThreadView[];
  clauses: NumberedClause[];
  selectedClauseId: string | null;
  onSelectClause: (clauseId: string | null) => void;
  me: { id: string; role: Role };
  /** Everyone in the negotiation: who may be mentioned where, and their current names. */
  members: (MentionCandidate & { role: Role })[];
  canComment: boolean;
  canKeepInternal: boolean;
  /** The text selected in the editor, if it lies inside the selected clause: quoted by a new thread. */
  pendingQuote: string | null;
  send: (request: ThreadRequest) => Promise<ThreadView | null>;
  /** With `proposalId`, the thread on that proposal (the server puts it on the proposal's clause). */
  startThread: (input: { clauseId: string; visibility: "shared" | "internal"; body: string; proposalId?: string }) => Promise<ThreadView | null>;
  error: string | null;
  /** A thread to scroll to and focus once it is shown (a deep link, "Discuss"); `onFocused` when done. */
  focusThreadId?: string | null;
  onFocused?: () => void;
  /** A proposal whose first thread is being written ("Discuss"): the composer starts that one instead. */
  proposalDraft?: ProposalDraft | null;
}

export interface ProposalDraft {
  proposal: ProposalView;
  onCancel: () => void;
  onStarted: (thread: ThreadView) => void;
}

function matches(filter: ThreadFilter, thread: ThreadView, me: string): boolean {
  if (filter === "open") return !thread.resolved;
  if (filter === "resolved") return !!thread.resolved;
  if (filter === "mine") return thread.comments.some((c) => c.author.id === me);
  if (filter === "mentions") return thread.comments.some((c) => c.mentions.includes(me));
  return thread.visibility === "internal";
}

export function ThreadPanel(props: ThreadPanelProps) {
  const t = useT();
  const clause = props.clauses.find((c) => c.id === props.selectedClauseId) ?? null;
  // Only one this panel shows: the clause's own, or any in the list of all.
  const focusThread = props.threads.find((th) => th.id === props.focusThreadId && (!clause || th.clauseId === clause.id));
  const [filter, setFilter] = useState<ThreadFilter>(focusThread?.resolved ? "resolved" : "open");
  const { onFocused } = props;
  const me = props.me.id;
  // The thread to focus must be in the list: its filter is chosen before it is shown.
  if (focusThread && !matches(filter, focusThread, me)) setFilter(focusThread.resolved ? "resolved" : "open");
  // Once (the request is then cleared): later pushes of the thread must not steal focus.
  useEffect(() => {
    if (!focusThread) return;
    const article = document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(focusThread.id)}"]`);
    if (!article) return;
    article.scrollIntoView({ block: "nearest" });
    article.focus();
    onFocused?.();
  }, [focusThread, filter, onFocused]);
  const present = new Set(props.clauses.map((c) => c.id));
  const shown = props.threads
    .filter((th) => (clause ? th.clauseId === clause.id : true))
    .filter((th) => matches(filter, th, props.me.id))
    .sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="thread-panel" aria-labelledby="threads-heading">
      <h2 id="threads-heading">
        {clause ? t("threads.onClause", { number: clause.number, heading: clause.heading || t("editor.untitledClause") }) : t("threads.all")}
      </h2>
      {clause && (
        <button type="button" className="link-button" onClick={() => props.onSelectClause(null)}>
          {t("threads.showAll")}
        </button>
      )}
      <div className="thread-filters" role="group" aria-label={t("threads.filter")}>
        {filters.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`threads.filter.${f}`)}
          </button>
        ))}
      </div>
      {props.error && (
        <p role="alert" className="form-error">
          {props.error}
        </p>
      )}
      {clause &&
        props.canComment &&
        (props.proposalDraft?.proposal.clauseId === clause.id ? (
          <NewThread key={props.proposalDraft.proposal.id} {...props} clauseId={clause.id} draft={props.proposalDraft} />
        ) : (
          <NewThread key="clause" {...props} clauseId={clause.id} />
        ))}
      {shown.length === 0 ? (
        <p className="hint">{t("threads.none")}</p>
      ) : (
        <ol className="thread-list">
          {shown.map((thread) => (
            <li key={thread.id}>
              <Thread thread={thread} clause={props.clauses.find((c) => c.id === thread.clauseId) ?? null} removed={!present.has(thread.clauseId)} {...props} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The clause's composer; with `draft`, the one that starts the thread on a proposal. */
function NewThread(props: ThreadPanelProps & { clauseId: string; draft?: ProposalDraft }) {
  const t = useT();
  const id = useId();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<"shared" | "internal">("shared");
  const tooLong = body.length > maxCommentLength;
  const { draft } = props;
  const quote = draft ? draft.proposal.text : props.pendingQuote;
  useEffect(() => {
    if (draft) document.getElementById(`${id}-body`)?.focus();
  }, [draft, id]);
  return (
    <form
      className={`new-thread${draft ? " new-proposal-thread" : ""}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (tooLong || !body.trim()) return;
        const thread = await props.startThread({ clauseId: props.clauseId, visibility, body, ...(draft ? { proposalId: draft.proposal.id } : {}) });
        if (!thread) return;
        setBody("");
        draft?.onStarted(thread);
      }}
    >
      <label htmlFor={`${id}-body`}>{draft ? t("threads.newOnProposal", { name: draft.proposal.author.name }) : t("threads.new")}</label>
      {quote && <blockquote className="thread-quote-preview">{t("threads.quoting", { quote })}</blockquote>}
      <CommentBox
        id={`${id}-body`}
        value={body}
        onChange={setBody}
        candidates={mentionable(props, { visibility, party: visibility === "internal" ? partyOf(props.me.role) : null })}
      />
      {props.canKeepInternal && (
        <fieldset className="visibility">
          <legend>{t("threads.visibility")}</legend>
          {(["shared", "internal"] as const).map((v) => (
            <label key={v}>
              <input type="radio" name={`${id}-visibility`} value={v} checked={visibility === v} onChange={() => setVisibility(v)} />{" "}
              {t(`threads.visibility.${v}`)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="primary" disabled={tooLong || !body.trim()}>
        {t("threads.start")}
      </button>
      {draft && (
        <>
          {" "}
          <button type="button" onClick={draft.onCancel}>
            {t("threads.cancel")}
          </button>
        </>
      )}
    </form>
  );
}

/** Who may be mentioned in a thread of this visibility: those who can see it, but not oneself. */
function mentionable(props: ThreadPanelProps, thread: { visibility: string; party: string | null }): MentionCandidate[] {
  return props.members.filter((m) => m.userId !== props.me.id && canSeeThread(m.role, thread));
}

function CommentBox({ id, value, onChange, candidates }: { id: string; value: string; onChange: (v: string) => void; candidates: MentionCandidate[] }) {
  const t = useT();
  const tooLong = value.length > maxCommentLength;
  return (
    <>
      <MentionTextarea id={id} value={value} onChange={onChange} candidates={candidates} describedBy={`${id}-hint`} invalid={tooLong} />
      <p id={`${id}-hint`} className={tooLong ? "field-error" : "hint"}>
        {tooLong ? t("threads.tooLong", { max: maxCommentLength, count: value.length }) : t("threads.formatHint")}
      </p>
    </>
  );
}

function Thread(props: ThreadPanelProps & { thread: ThreadView; clause: NumberedClause | null; removed: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const id = useId();
  const { thread, send } = props;
  const names = new Map(props.members.map((m) => [m.userId, m.name]));
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [reattachTo, setReattachTo] = useState(props.clauses[0]?.id ?? "");
  return (
    <article
      className={`thread${thread.resolved ? " resolved" : ""}${thread.visibility === "internal" ? " internal" : ""}`}
      aria-labelledby={`${id}-title`}
      data-thread-id={thread.id}
      tabIndex={-1}
    >
      <h3 id={`${id}-title`} className="thread-title">
        <button type="button" className="link-button" onClick={() => props.onSelectClause(thread.clauseId)} disabled={props.removed}>
          {props.clause ? t("threads.clause", { number: props.clause.number }) : t("threads.clauseRemoved")}
        </button>{" "}
        {thread.visibility === "internal" && <span className="internal-badge">{t("threads.internalBadge")}</span>}{" "}
        {thread.resolved && (
          <span className="resolved-badge">{t("threads.resolvedBy", { name: thread.resolved.by, when: formatDateTime(thread.resolved.at) })}</span>
        )}
      </h3>
      {thread.proposal && <ProposalTopic proposal={thread.proposal} />}
      {thread.quote && <blockquote className="thread-quote-preview">{thread.quote}</blockquote>}
      <ol className="comments">
        {thread.comments.map((c) => (
          <li key={c.id} className="comment">
            <p className="comment-meta">
              <strong>{c.author.name}</strong> {c.author.role && <span className={`role-badge role-${c.author.role}`}>{t(`role.${c.author.role}`)}</span>}{" "}
              <span className="hint">
                {formatDateTime(c.createdAt)}
                {c.editedAt ? ` · ${t("threads.edited")}` : ""}
              </span>
            </p>
            {c.body === null ? (
              <p className="hint">{t("threads.deleted")}</p>
            ) : editing?.id === c.id ? (
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await send({ kind: "comment", commentId: c.id, body: { action: "edit", body: editing.body } })) setEditing(null);
                }}
              >
                <label htmlFor={`${id}-edit-${c.id}`} className="visually-hidden">
                  {t("threads.edit")}
                </label>
                <CommentBox
                  id={`${id}-edit-${c.id}`}
                  value={editing.body}
                  onChange={(body) => setEditing({ id: c.id, body })}
                  candidates={mentionable(props, thread)}
                />
                <button type="submit">{t("threads.save")}</button>{" "}
                <button type="button" onClick={() => setEditing(null)}>
                  {t("threads.cancel")}
                </button>
              </form>
            ) : (
              <Markdown text={c.body} names={names} />
            )}
            {c.body !== null && c.author.id === props.me.id && editing?.id !== c.id && (
              <p className="comment-actions">
                <button type="button" onClick={() => setEditing({ id: c.id, body: c.body! })}>
                  {t("threads.edit")}
                </button>{" "}
                <button type="button" onClick={() => void send({ kind: "comment", commentId: c.id, body: { action: "delete" } })}>
                  {t("threads.delete")}
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {props.canComment && (
        <>
          {props.removed && (
            <form
              className="reattach"
              onSubmit={(e) => {
                e.preventDefault();
                void send({ kind: "thread", threadId: thread.id, body: { action: "reattach", clauseId: reattachTo } });
              }}
            >
              <label htmlFor={`${id}-reattach`}>{t("threads.reattachTo")}</label>
              <select id={`${id}-reattach`} value={reattachTo} onChange={(e) => setReattachTo(e.target.value)}>
                {props.clauses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.number} {c.heading}
                  </option>
                ))}
              </select>
              <button type="submit">{t("threads.reattach")}</button>
            </form>
          )}
          <form
            className="reply"
            onSubmit={async (e) => {
              e.preventDefault();
              if (reply.trim() && (await send({ kind: "thread", threadId: thread.id, body: { action: "reply", body: reply } }))) setReply("");
            }}
          >
            <label htmlFor={`${id}-reply`}>{t("threads.reply")}</label>
            <CommentBox id={`${id}-reply`} value={reply} onChange={setReply} candidates={mentionable(props, thread)} />
            <button type="submit" disabled={!reply.trim() || reply.length > maxCommentLength}>
              {t("threads.send")}
            </button>{" "}
            <button type="button" onClick={() => void send({ kind: "thread", threadId: thread.id, body: { action: thread.resolved ? "reopen" : "resolve" } })}>
              {thread.resolved ? t("threads.reopen") : t("threads.resolve")}
            </button>
          </form>
        </>
      )}
    </article>
  );
}

/** What a thread on a proposal is about, and what became of the proposal. */
function ProposalTopic({ proposal }: { proposal: ThreadProposal }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <p className="thread-proposal">
      {t(`threads.proposal.${proposal.kind}`, { name: proposal.author })}{" "}
      <span className={`thread-proposal-status status-${proposal.status}`}>
        {proposal.status === "open" || !proposal.decided
          ? t("threads.proposal.open")
          : t(`threads.proposal.${proposal.status}`, { name: proposal.decided.by, when: formatDateTime(proposal.decided.at) })}
      </span>
    </p>
  );
}
