import type { Generated, Insertable, Selectable } from "kysely";

// Table types for Kysely. Times are Unix milliseconds (INTEGER) so comparisons stay numeric.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string | null;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex: the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: number;
  created_at: number;
}

/** One row per attempt a budget counts (server/rateLimits/budgets.ts names the subjects). */
export interface RateLimitEventsTable {
  id: Generated<number>;
  /** "<budget>:<key>", e.g. "email:ann@example.org" or "signup-ip:203.0.113.7" */
  subject: string;
  at: number;
}

export interface NegotiationsTable {
  id: string;
  title: string;
  buyer_org: string;
  supplier_org: string;
  created_by: string;
  created_at: number;
  last_activity_at: number;
  setup_json: string | null;
  round: Generated<number>;
  frozen_at: number | null;
  review_due_at: number | null;
  /** "together" (everyone edits) or "proposals" (every edit by a member is a proposal), migration 0011 */
  changes_mode: Generated<string>;
  /** 1: only advisors plan and run sessions; 0: party owners too (migration 0015) */
  sessions_advisors_only: Generated<number>;
}

export interface NegotiationMembersTable {
  negotiation_id: string;
  user_id: string;
  role: string;
  joined_at: number;
  is_owner: Generated<number>;
  archived_at: number | null;
}

export interface InvitationsTable {
  id: string;
  negotiation_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_email: string;
  subject: string;
  body: string;
  created_at: number;
}

export interface DocUpdatesTable {
  id: Generated<number>;
  negotiation_id: string;
  data: Uint8Array;
  user_id: string | null;
  created_at: number;
  merged_count: Generated<number>;
}

export interface DocSnapshotsTable {
  negotiation_id: string;
  state: Uint8Array;
  through_update_id: number;
  content_json: string;
  updated_at: number;
  history_merged_through: Generated<number>;
}

export interface ThreadsTable {
  id: string;
  negotiation_id: string;
  clause_id: string;
  anchor_json: string | null;
  quote: string | null;
  visibility: string;
  party: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  /** The proposal the thread discusses, on that proposal's clause (migration 0013); null for a thread on a clause. */
  proposal_id: string | null;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  negotiation_id: string;
  /** "mention" (a comment names the user) or "activity" (an audit entry of the other side's move) */
  kind: Generated<string>;
  audit_id: number | null;
  thread_id: string | null;
  comment_id: string | null;
  created_at: number;
  read_at: number | null;
}

export interface ClauseAgreementsTable {
  id: Generated<number>;
  negotiation_id: string;
  clause_id: string;
  party: string;
  /** "agreed" or "needs_change" */
  decision: string;
  content_hash: string;
  user_id: string;
  thread_id: string | null;
  /** The reason given with a needs_change on the schedule structure (migration 0008). */
  reason: string | null;
  at: number;
}

export interface VersionsTable {
  id: string;
  negotiation_id: string;
  number: number;
  name: string;
  /** "named" or "effective" */
  kind: string;
  round: number;
  created_by: string;
  created_at: number;
  content_json: string;
  content_hash: string;
  ydoc_state: Uint8Array;
  status_json: string;
}

export interface SignoffsTable {
  id: Generated<number>;
  negotiation_id: string;
  round: number;
  party: string;
  user_id: string;
  content_hash: string;
  at: number;
  version_id: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  negotiation_id: string;
  user_id: string | null;
  action: string;
  detail_json: string;
  at: number;
}

/** A proposal's record (decision 020): the id is the one its insertion or deletion mark carries. */
export interface ProposalsTable {
  id: string;
  negotiation_id: string;
  clause_id: string | null;
  /** "insert", "delete" or "move" (a clause, decision 031) */
  kind: string;
  /** "text" or "clause" (migration 0012) */
  scope: Generated<string>;
  author_id: string;
  party: string;
  created_at: number;
  reason: string | null;
  /** A tracked change read from a Word file: the author Word names (migration 0014); else null */
  word_author: string | null;
  /** A move: the section the clause stood in and the clause it followed, null when first (migration 0016) */
  moved_from_section: Generated<string | null>;
  moved_after: Generated<string | null>;
  /** "open", "accepted", "rejected" or "withdrawn" */
  status: Generated<string>;
  decided_by: string | null;
  decided_at: number | null;
}

/** Mail digests of unread notifications, per user (migration 0010); no row: enabled, never sent. */
export interface DigestSettingsTable {
  user_id: string;
  enabled: Generated<number>;
  last_sent_at: number | null;
}

/** A moderated session of a negotiation (migration 0015, decision 032). */
export interface ModeratedSessionsTable {
  id: string;
  negotiation_id: string;
  planned_at: number;
  moderator_id: string;
  /** "planned", "live" or "ended" */
  state: Generated<string>;
  current_item_id: string | null;
  /** When the current item became current (ms). */
  current_item_at: number | null;
  created_by: string;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
}

export interface SessionItemsTable {
  id: string;
  session_id: string;
  position: number;
  /** "clause" or "topic" */
  kind: string;
  clause_id: string | null;
  title: string;
  time_box_minutes: number | null;
  /** null until recorded; else "agreed", "change_needed", "parked" or "out_of_scope" */
  outcome: string | null;
  decision: string | null;
}

export interface SessionActionsTable {
  id: string;
  session_id: string;
  item_id: string;
  assignee_id: string;
  what: string;
  /** YYYY-MM-DD */
  due_date: string | null;
  created_by: string;
  created_at: number;
  done_at: number | null;
  done_by: string | null;
}

/** Published minutes, one row per revision: never updated. */
export interface SessionMinutesTable {
  id: Generated<number>;
  session_id: string;
  revision: number;
  content_json: string;
  note: string | null;
  published_by: string;
  published_at: number;
}

/** A stretch a member was connected while a session ran (migration 0018, decision 036). */
export interface SessionAttendanceTable {
  id: Generated<number>;
  session_id: string;
  user_id: string;
  /** "connection", "page" or "moderating" */
  via: string;
  from_at: number;
  /** null while still connected */
  to_at: number | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  rate_limit_events: RateLimitEventsTable;
  negotiations: NegotiationsTable;
  negotiation_members: NegotiationMembersTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  threads: ThreadsTable;
  comments: CommentsTable;
  notifications: NotificationsTable;
  clause_agreements: ClauseAgreementsTable;
  versions: VersionsTable;
  signoffs: SignoffsTable;
  audit_log: AuditLogTable;
  digest_settings: DigestSettingsTable;
  proposals: ProposalsTable;
  moderated_sessions: ModeratedSessionsTable;
  session_items: SessionItemsTable;
  session_actions: SessionActionsTable;
  session_minutes: SessionMinutesTable;
  session_attendance: SessionAttendanceTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Negotiation = Selectable<NegotiationsTable>;
