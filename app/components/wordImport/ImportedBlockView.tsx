import type { ImportedBlock, ImportedRun } from "../../../shared/wordImport/importedDocument";

/** A tracked change shows as Word shows it: inserted text underlined, deleted text struck through. */
export function ImportedRuns({ runs, changeKinds }: { runs: ImportedRun[]; changeKinds: Map<string, "insert" | "delete"> }) {
  return (
    <>
      {runs.map((run, i) => {
        if (run.lineBreak) return <br key={i} />;
        let content = <>{run.text}</>;
        if (run.bold) content = <strong>{content}</strong>;
        if (run.italic) content = <em>{content}</em>;
        if (run.change) {
          content = changeKinds.get(run.change) === "delete" ? <del className="proposal-del">{content}</del> : <ins className="proposal-ins">{content}</ins>;
        }
        return <span key={i}>{content}</span>;
      })}
    </>
  );
}

export function ImportedBlockView({ block, changeKinds }: { block: ImportedBlock; changeKinds: Map<string, "insert" | "delete"> }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p>
          <ImportedRuns runs={block.runs} changeKinds={changeKinds} />
        </p>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i}>
          {item.map((b, j) => (
            <ImportedBlockView key={j} block={b} changeKinds={changeKinds} />
          ))}
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "table":
      return (
        <table>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>
                    {cell.map((b, k) => (
                      <ImportedBlockView key={k} block={b} changeKinds={changeKinds} />
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
