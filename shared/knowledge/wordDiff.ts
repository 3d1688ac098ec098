// A word diff small enough for the browser's coverage panel (the `diff` package stays on the
// server): clause texts are a few dozen words, so a plain longest-common-subsequence table will do.
export interface WordPiece {
  text: string;
  kind: "same" | "inserted" | "deleted";
}

/** From the catalogue's text to the clause's: words deleted, inserted and kept, spaces kept with their word. */
export function wordDiff(from: string, to: string): WordPiece[] {
  const a = from.split(/(?<=\s)/).filter(Boolean);
  const b = to.split(/(?<=\s)/).filter(Boolean);
  const key = (w: string) => w.trim().toLowerCase();
  // lcs[i][j]: the common length of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: WordPiece[] = [];
  const push = (text: string, kind: WordPiece["kind"]) => {
    const last = out.at(-1);
    if (last?.kind === kind) last.text += text;
    else out.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      push(b[j]!, "same");
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push(b[j++]!, "inserted");
    else push(a[i++]!, "deleted");
  }
  return out;
}
