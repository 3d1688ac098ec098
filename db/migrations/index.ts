import type { Migration } from "kysely";
import * as accounts from "./0001_accounts";
import * as documents from "./0002_documents";
import * as parties from "./0003_parties_and_invitations";
import * as threads from "./0004_threads";
import * as historyWatermark from "./0005_history_watermark";
import * as agreements from "./0006_agreements";
import * as structureAgreements from "./0008_structure_agreements";
import * as rateLimitEvents from "./0009_rate_limit_events";
import * as activity from "./0010_activity";
import * as proposals from "./0011_proposals";
import * as proposalScope from "./0012_proposal_scope";
import * as proposalThreads from "./0013_proposal_threads";
import * as proposalWordAuthor from "./0014_proposal_word_author";
import * as sessions from "./0015_sessions";
import * as proposalMoveOrigin from "./0016_proposal_move_origin";
import * as sessionItemClock from "./0017_session_item_clock";
import * as sessionAttendance from "./0018_session_attendance";

// Listed statically rather than read from disk so the set of migrations is fixed at build time
// and a stray file in the folder can never run.
export const migrations: Record<string, Migration> = {
  "0001_accounts": accounts,
  "0002_documents": documents,
  "0003_parties_and_invitations": parties,
  "0004_threads": threads,
  "0005_history_watermark": historyWatermark,
  "0006_agreements": agreements,
  "0008_structure_agreements": structureAgreements,
  "0009_rate_limit_events": rateLimitEvents,
  "0010_activity": activity,
  "0011_proposals": proposals,
  "0012_proposal_scope": proposalScope,
  "0013_proposal_threads": proposalThreads,
  "0014_proposal_word_author": proposalWordAuthor,
  "0015_sessions": sessions,
  "0016_proposal_move_origin": proposalMoveOrigin,
  "0017_session_item_clock": sessionItemClock,
  "0018_session_attendance": sessionAttendance,
};
