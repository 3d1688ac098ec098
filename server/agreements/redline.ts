import * as Y from "yjs";
import type { Node as PMNode } from "prosemirror-model";
import { yXmlFragmentToProseMirrorRootNode } from "y-prosemirror";
import { applyChange, type Segment } from "../../shared/agreements/attributedText";
import { hasProposal, withDecidedProposals } from "../../shared/agreements/contentHash";
import { compareStructure, scheduleStructure, type ClauseMove, type SectionChange, type StructureSection } from "../../shared/agreements/scheduleStructure";
import { scheduleFragmentName, scheduleSchema } from "../../shared/editor/schema";
import { proposalsInDoc } from "../../shared/editor/proposalMarks";
import { clauseText, scheduleModel } from "../../shared/editor/scheduleModel";
import { updatesWithAuthors } from "../../db/queries/documents";
import { listProposals } from "../../db/queries/proposals";
import { namesWithRoles } from "../../db/queries/users";
import type { Services } from "../context";
import { DomainError } from "../errors";
import { getVersion, listVersions } from "./versions";

export interface RedlineClause {
  id: string;
  number: string;
  heading: string;
  change: "added" | "removed" | "changed" | "unchanged";
  segments: Segment[];
}

/** A section whose heading (or place) changed: its heading's words, attributed, and who touched it. */
export type RedlineSection = SectionChange & { segments: Segment[]; by: string[] };
/** A clause that moved, with everyone whose turn moved it. */
export type RedlineMove = ClauseMove & { by: string[] };

export interface Redline {
  clauses: RedlineClause[];
  sections: RedlineSection[];
  moves: RedlineMove[];
}

type ClauseTexts = Map<string, { number: string; heading: string; text: string }>;

function clauseTexts(root: PMNode): ClauseTexts {
  return new Map(
    scheduleModel(root)
      .flatMap((s) => s.clauses)
      .map((c) => [c.id, { number: c.number, heading: c.heading, text: clauseText(c) }]),
  );
}

// `by` is null for changes the system made (a template, a migration): they name no one.
const addTo = (map: Map<string, Set<string>>, key: string, by: string | null) => by && map.set(key, (map.get(key) ?? new Set()).add(by));

/**
 * What changed in each clause and in the structure since a version, and who changed it: the
 * stored updates (each attributed to the member whose connection sent it, merged per member per
 * 10 minutes) are replayed on top of the version's Yjs state, and every member's turn is diffed:
 * clause text and section headings word by word, clause and section places by comparing the
 * structure before and after the turn. Updates the version already contains change nothing.
 *
 * Proposals are read as they were decided (decision 026): the text diffed is the text without its
 * open proposals, so a proposal is no change until it is accepted, and then it is its author's,
 * dated when they made it: an accepted insertion counts from the turn that typed it, an accepted
 * deletion from the turn that struck it, and the server's edit applying the decision changes
 * nothing more. Exports lay open proposals on top as changes of their own. A proposal already
 * open in the version counts from the decision's edit (the system's), as the version holds it
 * as not agreed.
 */
export async function redlineSince(
  services: Pick<Services, "db"> & { documents: Pick<Services["documents"], "flush"> },
  negotiationId: string,
  baseState: Uint8Array,
): Promise<Redline> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, baseState);
    const fragment = doc.getXmlFragment(scheduleFragmentName);
    const stored = () => yXmlFragmentToProseMirrorRootNode(fragment, scheduleSchema);
    const accepted = new Set((await listProposals(services.db, negotiationId, "accepted")).map((p) => p.id));
    const baseStored = stored();
    const openInBase = new Set(proposalsInDoc(baseStored).keys());
    const settled = (node: PMNode) =>
      hasProposal(node) ? node.copy(withDecidedProposals(node.content, (id) => accepted.has(id) && !openInBase.has(id))) : node;
    const root = () => settled(stored());
    const baseRoot = settled(baseStored);
    const base = clauseTexts(baseRoot);
    const baseStructure = scheduleStructure(baseRoot);
    let current = base;
    let structure = baseStructure;
    const segments = new Map<string, Segment[]>([...base].map(([id, c]) => [id, [{ text: c.text, kind: "same" as const }]]));
    const headings = new Map<string, Segment[]>(baseStructure.map((s) => [s.key, [{ text: s.heading, kind: "same" as const }]]));
    const sectionsTouchedBy = new Map<string, Set<string>>();
    const movedBy = new Map<string, Set<string>>();
    const lastSeen = new Map(base);
    let changed = false;
    doc.on("update", () => (changed = true));

    services.documents.flush(); // updates accepted in the last few milliseconds count too
    const rows = await updatesWithAuthors(services.db, negotiationId);
    for (let i = 0; i < rows.length;) {
      const by = rows[i]!.user_id;
      let at = rows[i]!.created_at;
      changed = false;
      // One member's consecutive updates are one turn: diffed once, attributed to them, dated by its last update.
      for (; i < rows.length && rows[i]!.user_id === by; i++) {
        Y.applyUpdate(doc, rows[i]!.data);
        at = rows[i]!.created_at;
      }
      if (!changed) continue;
      const nextRoot = root();
      const next = clauseTexts(nextRoot);
      for (const [id, clause] of next) {
        const before = current.get(id)?.text ?? "";
        if (clause.text !== before) segments.set(id, applyChange(segments.get(id) ?? [], clause.text, by, at));
        lastSeen.set(id, clause);
      }
      for (const id of current.keys()) if (!next.has(id)) segments.set(id, applyChange(segments.get(id)!, "", by, at));
      current = next;

      const nextStructure = scheduleStructure(nextRoot);
      trackStructureTurn(structure, nextStructure, { by, at }, { headings, sectionsTouchedBy, movedBy });
      structure = nextStructure;
    }

    const result = (id: string, change: RedlineClause["change"]): RedlineClause => {
      const { number, heading } = lastSeen.get(id)!;
      return { id, number, heading, change, segments: segments.get(id)! };
    };
    const present = [...current.keys()].map((id) =>
      result(id, !base.has(id) ? "added" : segments.get(id)!.some((s) => s.kind !== "same") ? "changed" : "unchanged"),
    );
    const removed = [...lastSeen.keys()].filter((id) => !current.has(id)).map((id) => result(id, "removed"));
    const net = compareStructure(baseStructure, structure);
    return {
      clauses: [...present, ...removed],
      sections: net.sections.map((c) => ({ ...c, segments: headings.get(c.key) ?? [], by: [...(sectionsTouchedBy.get(c.key) ?? [])] })),
      moves: net.moves.map((m) => ({ ...m, by: [...(movedBy.get(m.clauseId) ?? [])] })),
    };
  } finally {
    doc.destroy();
  }
}

/** Attributes one member's turn of structure changes: heading words, touched sections, moves. */
function trackStructureTurn(
  before: StructureSection[],
  after: StructureSection[],
  { by, at }: { by: string | null; at: number },
  into: { headings: Map<string, Segment[]>; sectionsTouchedBy: Map<string, Set<string>>; movedBy: Map<string, Set<string>> },
) {
  const old = new Map(before.map((s) => [s.key, s]));
  const now = new Set(after.map((s) => s.key));
  for (const section of after) {
    const previous = old.get(section.key);
    if (previous?.outside === section.outside) continue;
    if ((previous?.heading ?? "") !== section.heading)
      into.headings.set(section.key, applyChange(into.headings.get(section.key) ?? [], section.heading, by, at));
    addTo(into.sectionsTouchedBy, section.key, by);
  }
  for (const section of before) {
    if (now.has(section.key)) continue;
    into.headings.set(section.key, applyChange(into.headings.get(section.key) ?? [], "", by, at));
    addTo(into.sectionsTouchedBy, section.key, by);
  }
  const turn = compareStructure(before, after);
  for (const c of turn.sections) if (c.kind === "changed" && c.moved) addTo(into.sectionsTouchedBy, c.key, by);
  for (const m of turn.moves) addTo(into.movedBy, m.clauseId, by);
}

export interface ChangesSince extends Redline {
  base: { id: string; number: number; name: string; createdAt: number } | null;
  /** Everyone who made a change, by user id, with the party they negotiate for (if any). */
  people: Record<string, { name: string; role: string | null }>;
}

/**
 * The redline since a version: by default the agreement in force, else the first saved version.
 * Null `base` when there is no version yet to compare with.
 */
export async function changesSince(services: Services, negotiationId: string, versionId: string | null): Promise<ChangesSince> {
  const versions = await listVersions(services.db, negotiationId);
  const chosen = versionId ? versions.find((v) => v.id === versionId) : (versions.find((v) => v.kind === "effective") ?? versions[versions.length - 1]);
  if (versionId && !chosen) throw new DomainError(404, "versions.error.notFound");
  if (!chosen) return { base: null, clauses: [], sections: [], moves: [], people: {} };
  const { state } = await getVersion(services.db, negotiationId, chosen.id);
  const redline = await redlineSince(services, negotiationId, state);
  const authors = [...redline.clauses, ...redline.sections].flatMap((c) => c.segments.flatMap((s) => (s.by ? [s.by] : [])));
  const ids = [...new Set([...authors, ...redline.sections.flatMap((s) => s.by), ...redline.moves.flatMap((m) => m.by)])];
  const people: ChangesSince["people"] = {};
  if (ids.length) {
    for (const r of await namesWithRoles(services.db, negotiationId, ids)) people[r.id] = { name: r.name, role: r.role };
  }
  return { base: { id: chosen.id, number: chosen.number, name: chosen.name, createdAt: chosen.createdAt }, ...redline, people };
}
