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
  return <>{node}</>;
}

/** A clause body, read-only, from the reading model (React escapes all text). */
export function ScheduleBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === "paragraph") {
          return (
            <p key={i}>
              {block.runs.map((run, j) => (
                <RunView key={j} run={run} />
              ))}
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
