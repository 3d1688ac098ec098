import type { ClauseMove, SectionChange } from "../../../shared/agreements/scheduleStructure";
import type { Party } from "../../../shared/roles";
import { useT } from "../../i18n";
import { DiffText, type DiffPiece } from "../schedule/DiffText";

type Author = { name: string; party: Party | null };

export interface StructureChangeView {
  sections: (SectionChange & { pieces?: DiffPiece[]; authors?: Author[] })[];
  moves: (ClauseMove & { authors?: Author[] })[];
}

/** One sentence per structure change: headings, sections added, removed or moved, clauses moved. */
export function useStructureSentences() {
  const t = useT();
  return {
    section: (c: SectionChange): string[] => {
      if (c.kind !== "changed")
        return [t(c.kind === "added" ? "structure.sectionAdded" : "structure.sectionRemoved", { number: c.number, heading: c.heading })];
      const out: string[] = [];
      if (c.formattingOnly) out.push(t("structure.formatting", { number: c.number, heading: c.to }));
      else if (c.from !== c.to) out.push(t("structure.heading", { number: c.number, from: c.from, to: c.to }));
      if (c.moved) out.push(t("structure.sectionMoved", { heading: c.to, ...c.moved }));
      return out;
    },
    move: (m: ClauseMove) => t("structure.clauseMoved", { heading: m.heading, from: m.from, to: m.to, fromSection: m.fromSection, toSection: m.toSection }),
  };
}

/**
 * The structure's changes, for the compare and redline pages: each as a sentence, a changed
 * heading also word by word, and (in a redline) who made it.
 */
export function StructureChangeList({ changes }: { changes: StructureChangeView }) {
  const t = useT();
  const sentences = useStructureSentences();
  const by = (authors: Author[] | undefined) =>
    authors && authors.length > 0 ? (
      <p className="clause-authors">{t("changes.by", { names: authors.map((a) => (a.party ? `${a.name} (${t(`role.${a.party}`)})` : a.name)).join(", ") })}</p>
    ) : null;
  if (changes.sections.length === 0 && changes.moves.length === 0) return null;
  return (
    <section className="structure-changes" aria-labelledby="structure-changes-heading">
      <h2 id="structure-changes-heading">{t("structure.title")}</h2>
      <ul>
        {changes.sections.map((c) => (
          <li key={`section-${c.kind}-${c.key}`} className={`change-${c.kind}`}>
            {sentences.section(c).join(" · ")}
            {c.pieces && c.kind === "changed" && c.from !== c.to && <DiffText pieces={c.pieces} />}
            {by(c.authors)}
          </li>
        ))}
        {changes.moves.map((m) => (
          <li key={`move-${m.clauseId}`}>
            {sentences.move(m)}
            {by(m.authors)}
          </li>
        ))}
      </ul>
    </section>
  );
}
