import * as Y from "yjs";
import { yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import { applyChange, type Segment } from "../../shared/agreements/attributedText";
import { scheduleFragmentName, scheduleSchema } from "../../shared/editor/schema";
import { clauseText, scheduleModel } from "../../shared/editor/scheduleModel";
import type { Services } from "../context";
import { NegotiationError } from "../negotiations/negotiationError";
import { getVersion, listVersions } from "./versions";

export interface RedlineClause {
  id: string;
  number: string;
  heading: string;
  change: "added" | "removed" | "changed" | "unchanged";
  segments: Segment[];
}

type ClauseTexts = Map<string, { number: string; heading: string; text: string }>;

function clauseTexts(fragment: Y.XmlFragment): ClauseTexts {
  const model = scheduleModel(yXmlFragmentToProseMirrorRootNode(fragment, scheduleSchema));
  return new Map(model.flatMap((s) => s.clauses).map((c) => [c.id, { number: c.number, heading: c.heading, text: clauseText(c) }]));
}

/**
 * What changed in each clause since a version, and who changed it: the stored updates (each
 * attributed to the member whose connection sent it, merged per member per 10 minutes) are
 * replayed on top of the version's Yjs state, and every member's turn is diffed word by word.
 * Updates the version already contains change nothing and cost little.
 */
export async function redlineSince(
  services: Pick<Services, "db"> & { documents: Pick<Services["documents"], "flush"> },
  negotiationId: string,
  baseState: Uint8Array,
): Promise<RedlineClause[]> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, baseState);
    const fragment = doc.getXmlFragment(scheduleFragmentName);
    const base = clauseTexts(fragment);
    let current = base;
    const segments = new Map<string, Segment[]>([...base].map(([id, c]) => [id, [{ text: c.text, kind: "same" as const }]]));
    const lastSeen = new Map(base);
    let changed = false;
    doc.on("update", () => (changed = true));

    services.documents.flush(); // updates accepted in the last few milliseconds count too
    const rows = await services.db.selectFrom("doc_updates").select(["user_id", "data"]).where("negotiation_id", "=", negotiationId).orderBy("id").execute();
    for (let i = 0; i < rows.length; ) {
      const by = rows[i]!.user_id;
      changed = false;
      // One member's consecutive updates are one turn: diffed once, attributed to them.
      for (; i < rows.length && rows[i]!.user_id === by; i++) Y.applyUpdate(doc, rows[i]!.data);
      if (!changed) continue;
      const next = clauseTexts(fragment);
      for (const [id, clause] of next) {
        const before = current.get(id)?.text ?? "";
        if (clause.text !== before) segments.set(id, applyChange(segments.get(id) ?? [], clause.text, by));
        lastSeen.set(id, clause);
      }
      for (const id of current.keys()) if (!next.has(id)) segments.set(id, applyChange(segments.get(id)!, "", by));
      current = next;
    }

    const result = (id: string, change: RedlineClause["change"]): RedlineClause => {
      const { number, heading } = lastSeen.get(id)!;
      return { id, number, heading, change, segments: segments.get(id)! };
    };
    const present = [...current.keys()].map((id) =>
      result(id, !base.has(id) ? "added" : segments.get(id)!.some((s) => s.kind !== "same") ? "changed" : "unchanged"),
    );
    const removed = [...lastSeen.keys()].filter((id) => !current.has(id)).map((id) => result(id, "removed"));
    return [...present, ...removed];
  } finally {
    doc.destroy();
  }
}

export interface ChangesSince {
  base: { id: string; number: number; name: string; createdAt: number } | null;
  clauses: RedlineClause[];
  /** Everyone who made a change, by user id, with the party they negotiate for (if any). */
  people: Record<string, { name: string; role: string | null }>;
}

/**
 * The redline since a version: by default the agreement in force, else the first saved version.
 * Null `base` when there is no version yet to compare with.
 */
export async function changesSince(services: Services, negotiationId: string, versionId: string | null): Promise<ChangesSince> {
  const versions = await listVersions(services.db, negotiationId);
  const chosen = versionId
    ? versions.find((v) => v.id === versionId)
    : (versions.find((v) => v.kind === "effective") ?? versions[versions.length - 1]);
  if (versionId && !chosen) throw new NegotiationError(404, "versions.error.notFound");
  if (!chosen) return { base: null, clauses: [], people: {} };
  const { state } = await getVersion(services.db, negotiationId, chosen.id);
  const clauses = await redlineSince(services, negotiationId, state);
  const ids = [...new Set(clauses.flatMap((c) => c.segments.flatMap((s) => (s.by ? [s.by] : []))))];
  const people: ChangesSince["people"] = {};
  if (ids.length) {
    const rows = await services.db
      .selectFrom("users as u")
      .leftJoin("negotiation_members as m", (join) => join.onRef("m.user_id", "=", "u.id").on("m.negotiation_id", "=", negotiationId))
      .select(["u.id", "u.name", "m.role"])
      .where("u.id", "in", ids)
      .execute();
    for (const r of rows) people[r.id] = { name: r.name, role: r.role };
  }
  return { base: { id: chosen.id, number: chosen.number, name: chosen.name, createdAt: chosen.createdAt }, clauses, people };
}
