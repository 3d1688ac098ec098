// Text with a memory of who changed it: a redline. Each step diffs the visible text against the
// next state word by word; what one member inserted and another deleted again drops out, as a
// lawyer's tracked changes would show it.
import { diffWordsWithSpace } from "diff";

export interface Segment {
  text: string;
  kind: "same" | "inserted" | "deleted";
  /** Who inserted or deleted it (a user id, or null for the system). */
  by?: string | null;
  /** When (ms since epoch): the latest change merged into this segment. */
  at?: number;
}

export const visibleText = (segments: Segment[]) =>
  segments
    .filter((s) => s.kind !== "deleted")
    .map((s) => s.text)
    .join("");

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (!s.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === s.kind && last.by === s.by) {
      last.text += s.text;
      if (s.at !== undefined && (last.at === undefined || s.at > last.at)) last.at = s.at;
    } else out.push({ ...s });
  }
  return out;
}

/** The redline after `by` turned the visible text into `next` (at `at`, when known). */
export function applyChange(segments: Segment[], next: string, by: string | null, at?: number): Segment[] {
  const out: Segment[] = [];
  const when = at === undefined ? {} : { at };
  const queue = segments.map((s) => ({ ...s }));
  // Takes `length` visible characters off the front, handing each piece to `take`; deleted
  // segments met on the way stay where they are.
  const consume = (length: number, take: (piece: Segment) => void) => {
    let left = length;
    while (left > 0 && queue.length > 0) {
      const head = queue[0]!;
      if (head.kind === "deleted") {
        out.push(queue.shift()!);
        continue;
      }
      const piece = { ...head, text: head.text.slice(0, left) };
      head.text = head.text.slice(left);
      left -= piece.text.length;
      if (!head.text) queue.shift();
      take(piece);
    }
  };
  for (const part of diffWordsWithSpace(visibleText(segments), next)) {
    if (part.added) out.push({ text: part.value, kind: "inserted", by, ...when });
    else if (part.removed) consume(part.value.length, (piece) => piece.kind === "same" && out.push({ text: piece.text, kind: "deleted", by, ...when }));
    else consume(part.value.length, (piece) => out.push(piece));
  }
  out.push(...queue);
  return merge(out);
}
