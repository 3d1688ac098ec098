import type { ImportedBlock, ImportedChange, ImportedRun } from "../../../shared/wordImport/importedDocument";

type ChangeKinds = Map<string, ImportedChange["kind"]>;

/**
 * A tracked change shows as Word shows it: inserted text underlined, deleted text struck through;
 * changed formatting as proposed, under a dotted line as in the editor.
 */
export function ImportedRuns({ runs, changeKinds }: { runs: ImportedRun[]; changeKinds: ChangeKinds }) {
  return (
    <>
      {runs.map((run, i) => {
        if (run.lineBreak) return <br key={i} />;
        let content = <>{run.text}</>;
        if (run.bold) content = <strong>{content}</strong>;
        if (run.italic) content = <em>{content}</em>;
        if (run.formatChange && changeKinds.has(run.formatChange.id)) content = <span className="proposal-fmt-run">{content}</span>;
        if (run.change) {
          content = changeKinds.get(run.change) === "delete" ? <del className="proposal-del">{content}</del> : <ins className="proposal-ins">{content}</ins>;
        }
        return <span key={i}>{content}</span>;
      })}
    </>
  );
}

export function ImportedBlockView({ block, changeKinds }: { block: ImportedBlock; changeKinds: ChangeKinds }) {
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
