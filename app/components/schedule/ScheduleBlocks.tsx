import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { isSafeHref } from "../../../shared/editor/schema";
import { useT } from "../../i18n";

function RunView({ run }: { run: Run }) {
  const t = useT();
  if ("lineBreak" in run) return <br />;
  let node: React.ReactNode = run.text;
  if (run.placeholder) node = <mark className="schedule-placeholder">{t("placeholder.inText", { label: run.text })}</mark>;
  if (run.bold) node = <strong>{node}</strong>;
  if (run.italic) node = <em>{node}</em>;
  if (run.href && isSafeHref(run.href))
    node = (
      <a href={run.href} rel="noopener noreferrer nofollow">
        {node}
      </a>
    );
  if (run.change) {
    // A proposal the text was saved with (decision 026), named for everyone as the redline does.
    const Tag = run.change.kind === "insert" ? "ins" : "del";
    const note = t(run.change.kind === "insert" ? "changes.insertedBy" : "changes.deletedBy", { who: run.change.author });
    node = (
      <Tag title={note}>
        {node}
        <span className="visually-hidden"> ({note})</span>
      </Tag>
    );
  }
  return <>{node}</>;
}

/** A line of runs (a heading that holds a proposal). */
export function ScheduleRuns({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) => (
        <RunView key={i} run={run} />
      ))}
    </>
  );
}

/** A clause body, read-only, from the reading model (React escapes all text). */
export function ScheduleBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === "paragraph") {
          return (
            <p key={i}>
              <ScheduleRuns runs={block.runs} />
            </p>
          );
        }
        if (block.kind === "list") {
          const items = block.items.map((item, j) => (
            <li key={j}>
              <ScheduleBlocks blocks={item} />
            </li>
          ));
          return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
        }
        return (
          <table key={i}>
            <tbody>
              {block.rows.map((row, j) => (
                <tr key={j}>
                  {row.map((cell, k) => (
                    <td key={k}>
                      <ScheduleBlocks blocks={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
