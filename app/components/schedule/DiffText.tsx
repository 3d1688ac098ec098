import type { Party } from "../../../shared/roles";
import { useT } from "../../i18n";

export interface DiffPiece {
  text: string;
  kind: "same" | "inserted" | "deleted";
  /** Who made the change, when known (redlines). */
  author?: { name: string; party: Party | null } | null;
}

/** Words kept, inserted (<ins>) and deleted (<del>), each change naming its author for everyone. */
export function DiffText({ pieces }: { pieces: DiffPiece[] }) {
  const t = useT();
  return (
    <p className="diff-text">
      {pieces.map((piece, i) => {
        if (piece.kind === "same") return <span key={i}>{piece.text}</span>;
        const Tag = piece.kind === "inserted" ? "ins" : "del";
        const who = piece.author ? `${piece.author.name}${piece.author.party ? `, ${t(`role.${piece.author.party}`)}` : ""}` : null;
        const note = who
          ? t(piece.kind === "inserted" ? "changes.insertedBy" : "changes.deletedBy", { who })
          : t(piece.kind === "inserted" ? "changes.inserted" : "changes.deleted");
        return (
          <Tag key={i} className={piece.author?.party ? `party-${piece.author.party}` : undefined} title={note}>
            {piece.text}
            <span className="visually-hidden"> ({note})</span>
          </Tag>
        );
      })}
    </p>
  );
}
