import type { Node as PMNode } from "prosemirror-model";
import { audit } from "../../db/queries/auditLog";
import type { DB } from "../../db/connection";
import { latestDecisionRows } from "../../db/queries/clauseAgreements";
import { negotiationState } from "../../db/queries/negotiations";
import { signoffsOfVersions } from "../../db/queries/signoffs";
import { insertVersionRow, lastVersionNumber, versionRow, versionRows } from "../../db/queries/versions";
import { scheduleStates, type ClauseStatus } from "../../shared/agreements/clauseStatus";
import { scheduleHash } from "../../shared/agreements/contentHash";
import { agreementUnits, structureUnitId } from "../../shared/agreements/scheduleStructure";
import { numberClauses } from "../../shared/editor/numbering";
import { newId } from "../../shared/ids";
import type { Party } from "../../shared/roles";
import type { VersionSummary } from "../../shared/agreements/versionSummary";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { authorize } from "../authorize";
import type { Member } from "../../shared/member";
import { readScheduleWithState } from "./scheduleDocument";

/** A clause's (or the structure's) agreement as recorded in a version, for exports of that version. */
export interface RecordedClauseStatus {
  /** A clause id, or `structureUnitId` for the schedule's structure (number and heading empty). */
  clauseId: string;
  number: string;
  heading: string;
  status: ClauseStatus;
  agreedBy: { party: Party; userName: string; at: number }[];
}

/**
 * Each clause's status against the given document, from the parties' latest decisions, and last
 * the structure's: every unit a sign-off needs agreed by both.
 */
export async function recordStatuses(db: DB, negotiationId: string, doc: PMNode): Promise<RecordedClauseStatus[]> {
  const states = scheduleStates(agreementUnits(doc), await latestDecisionRows(db, negotiationId));
  const labels = [...numberClauses(doc), { id: structureUnitId, number: "", heading: "" }];
  return labels.map((unit, i) => {
    const state = states[i]!;
    const agreedBy = [state.buyer, state.supplier].flatMap((d) =>
      d && d.decision === "agreed" && !state.changedSinceAgreedBy.includes(d.party) ? [{ party: d.party, userName: d.userName, at: d.at }] : [],
    );
    return { clauseId: unit.id, number: unit.number, heading: unit.heading, status: state.status, agreedBy };
  });
}

/** Writes a version of the document as it is in `schedule`; inside the caller's transaction. */
export async function insertVersion(
  db: DB,
  input: {
    negotiationId: string;
    name: string;
    kind: "named" | "effective";
    round: number;
    userId: string;
    schedule: { doc: PMNode; state: Uint8Array };
    /** Each clause's status against `schedule` (recordStatuses), kept with the version. */
    statuses: RecordedClauseStatus[];
  },
): Promise<VersionSummary> {
  const { doc, state } = input.schedule;
  const version = {
    id: newId(),
    number: (await lastVersionNumber(db, input.negotiationId)) + 1,
    name: input.name,
    kind: input.kind,
    round: input.round,
    createdAt: Date.now(),
    hash: scheduleHash(doc),
  };
  await insertVersionRow(db, {
    id: version.id,
    negotiation_id: input.negotiationId,
    number: version.number,
    name: version.name,
    kind: version.kind,
    round: version.round,
    created_by: input.userId,
    created_at: version.createdAt,
    content_json: JSON.stringify(doc.toJSON()),
    content_hash: version.hash,
    ydoc_state: state,
    status_json: JSON.stringify(input.statuses),
  });
  await audit(db, {
    negotiationId: input.negotiationId,
    userId: input.userId,
    action: "version.saved",
    detail: { number: version.number, name: version.name, kind: version.kind },
  });
  return { ...version, createdBy: input.userId };
}

/** "Save version": any member but an observer (the policy's saveVersion), with a name of their choosing. */
export async function saveVersion(services: Services, negotiationId: string, actor: Member, name: string): Promise<VersionSummary> {
  authorize(actor, "saveVersion");
  const userId = actor.userId;
  const { round } = await negotiationState(services.db, negotiationId);
  const schedule = readScheduleWithState(services, negotiationId);
  const statuses = await recordStatuses(services.db, negotiationId, schedule.doc);
  return services.db.transaction().execute((trx) => insertVersion(trx, { negotiationId, name, kind: "named", round, userId, schedule, statuses }));
}

export async function listVersions(db: DB, negotiationId: string): Promise<VersionSummary[]> {
  const rows = await versionRows(db, negotiationId);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    name: r.name,
    kind: r.kind as VersionSummary["kind"],
    round: r.round,
    createdBy: r.createdBy,
    createdAt: r.created_at,
    hash: r.content_hash,
  }));
}

export async function getVersion(db: DB, negotiationId: string, versionId: string) {
  const row = await versionRow(db, negotiationId, versionId);
  if (!row) throw new DomainError(404, "versions.error.notFound");
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    kind: row.kind as VersionSummary["kind"],
    round: row.round,
    createdAt: row.created_at,
    hash: row.content_hash,
    content: JSON.parse(row.content_json) as unknown,
    statuses: JSON.parse(row.status_json) as RecordedClauseStatus[],
    state: row.ydoc_state,
  };
}

export interface EffectiveVersion extends VersionSummary {
  signoffs: { party: Party; userName: string; at: number }[];
}

/** Every effective agreement with its two sign-offs, newest first; the first one is in force. */
export async function effectiveHistory(db: DB, negotiationId: string): Promise<EffectiveVersion[]> {
  const versions = (await listVersions(db, negotiationId)).filter((v) => v.kind === "effective");
  if (versions.length === 0) return [];
  const signoffs = await signoffsOfVersions(
    db,
    versions.map((v) => v.id),
  );
  return versions.map((v) => ({
    ...v,
    signoffs: signoffs.filter((s) => s.version_id === v.id).map((s) => ({ party: s.party as Party, userName: s.name, at: s.at })),
  }));
}
