// Moderated sessions (decision 032) as the browser sees them. Without zod, so pages can import it.
import type { Role } from "../roles";

export const sessionStates = ["planned", "live", "ended"] as const;
export type SessionState = (typeof sessionStates)[number];

export const itemKinds = ["clause", "topic"] as const;
export type ItemKind = (typeof itemKinds)[number];

/**
 * What the meeting concluded on an item. A record of the meeting, never a party's agreement: an
 * "agreed" item still needs each party to agree the clause itself (decision 032).
 */
export const outcomes = ["agreed", "change_needed", "parked", "out_of_scope"] as const;
export type Outcome = (typeof outcomes)[number];

/**
 * Why a proposed agenda holds an item: what is open about it, what the schedule lacks for the
 * negotiation's regimes (decision 035), or which point of the periodic review's checklist it is.
 */
export const agendaReasons = [
  "proposal-open",
  "needs-change",
  "changed",
  "placeholders",
  "threads",
  "parked",
  "open-action",
  "coverage-gap",
  "coverage-below",
  "review-law",
  "review-incidents",
  "review-assurance",
  "review-verify",
] as const;
export type AgendaReason = (typeof agendaReasons)[number];

export const maxAgendaItems = 100;
export const maxTimeBoxMinutes = 240;
export const maxDecisionLength = 4000;
export const maxActionLength = 500;
export const maxTopicLength = 200;

export interface ActionView {
  id: string;
  sessionId: string;
  itemId: string;
  assigneeId: string;
  assigneeName: string;
  what: string;
  /** YYYY-MM-DD, or null without a due date */
  dueDate: string | null;
  doneAt: number | null;
  doneByName: string | null;
}

export interface AgendaItemView {
  id: string;
  kind: ItemKind;
  clauseId: string | null;
  title: string;
  timeBoxMinutes: number | null;
  outcome: Outcome | null;
  decision: string | null;
  actions: ActionView[];
}

/** An item as the moderator edits the agenda: an existing one keeps its id. */
export interface AgendaInput {
  id?: string;
  kind: ItemKind;
  clauseId?: string;
  title?: string;
  timeBoxMinutes?: number | null;
}

export interface ProposedItem {
  kind: ItemKind;
  clauseId: string | null;
  title: string;
  reasons: AgendaReason[];
}

/**
 * The periodic review of an agreement in force as a session to plan (decision 035): the agenda
 * from the review checklist, and the agreement's review date for the session's day.
 */
export interface ReviewAgenda {
  /** YYYY-MM-DD, or null when the agreement has no review date. */
  reviewDate: string | null;
  /** When the agreement in force was signed: the checklist asks what happened since. */
  signedAt: number;
  items: ProposedItem[];
}

/** A generated topic title within what a topic may hold, so the planned agenda is never refused for its length. */
export const fitTopic = (title: string) => (title.length <= maxTopicLength ? title : `${title.slice(0, maxTopicLength - 1).trimEnd()}…`);

export interface MinutesContent {
  negotiationTitle: string;
  plannedAt: number;
  startedAt: number | null;
  endedAt: number;
  moderator: string;
  /** `attendedMs`: how long they were connected (decision 036); 0 when present without a connection, absent in minutes published before it was kept. */
  attendees: { name: string; role: Role; attendedMs?: number }[];
  items: {
    itemId: string;
    title: string;
    kind: ItemKind;
    clauseId: string | null;
    outcome: Outcome | null;
    decision: string | null;
    actions: { assignee: string; what: string; dueDate: string | null }[];
  }[];
  /**
   * What happened in the text while the session ran (decision 034): clauses agreed or sent back,
   * proposals decided (as the activity records them), shared threads resolved. Absent in minutes
   * published before it was kept.
   */
  duringSession?: MinutesEvent[];
}

/** One thing done in the negotiation during a session: an activity move, or a shared thread resolved (then `detail.clause` names it). */
export interface MinutesEvent {
  at: number;
  by: string | null;
  action: (typeof minutesActions)[number] | "thread.resolved";
  detail: Record<string, unknown>;
}

/** The activity moves the minutes list when they happen during the session. */
export const minutesActions = [
  "clause.agreed",
  "clause.needs_change",
  "proposal.accepted",
  "proposal.rejected",
  "proposal.withdrawn",
  "session.moderator_changed",
] as const;

export interface MinutesRevision {
  revision: number;
  publishedAt: number;
  publishedBy: string;
  /** Why a correction was made; null for the first revision. */
  note: string | null;
  content: MinutesContent;
}

export interface SessionSummary {
  id: string;
  plannedAt: number;
  state: SessionState;
  moderatorName: string;
  items: number;
}

export interface SessionView extends SessionSummary {
  negotiationId: string;
  moderatorId: string;
  currentItemId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  agenda: AgendaItemView[];
  /** Every published revision, the latest last. */
  minutes: MinutesRevision[];
}

/**
 * A live session as every connected member follows it (decision 034): who moderates, and the item
 * under discussion with when it became current, for the countdown of its time box.
 */
export interface LiveSession {
  id: string;
  moderator: { id: string; name: string };
  item: { id: string; title: string; clauseId: string | null; timeBoxMinutes: number | null; since: number; number: number; of: number } | null;
}

/** A clause the meeting agreed, as the reader's party agrees it from the session page. */
export interface AgreeableClause {
  /** The clause as it stands now, heading first, one line per block. */
  text: string;
  hash: string;
  /** The reader's party already agreed exactly this text. */
  agreed: boolean;
}

/** An action on its assignee's dashboard. */
export interface MyAction extends ActionView {
  negotiationId: string;
  negotiationTitle: string;
}

export const isOutcome = (value: unknown): value is Outcome => typeof value === "string" && (outcomes as readonly string[]).includes(value);
export const isSessionState = (value: unknown): value is SessionState => typeof value === "string" && (sessionStates as readonly string[]).includes(value);

/** Overdue: not done and its due day has passed (`today` is YYYY-MM-DD in the reader's calendar). */
export const isOverdue = (action: Pick<ActionView, "dueDate" | "doneAt">, today: string) =>
  action.doneAt === null && action.dueDate !== null && action.dueDate < today;
