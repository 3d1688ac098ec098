/** An XML element as the docx reader needs it: name with prefix, attributes, children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlRefusal extends Error {}

const predefined: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const known = predefined[ref];
    if (known === undefined) throw new XmlRefusal(`unknown entity ${whole}`);
    return known;
  });
}

const attribute = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * A small, strict parser for the Office Open XML parts. It refuses any DOCTYPE: a document type
 * can declare entities that expand a few bytes into gigabytes ("billion laughs") or pull in
 * files, and no part Word writes has one. Only the five predefined entities and character
 * references are read.
 */
export function parseXml(source: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new XmlRefusal("DOCTYPE");
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf("<", at);
    if (open < 0) {
      pushText(stack, source.slice(at));
      break;
    }
    if (open > at) pushText(stack, source.slice(at, open));
    if (source.startsWith("<?", open)) {
      at = until(source, "?>", open) + 2;
    } else if (source.startsWith("<!--", open)) {
      at = until(source, "-->", open) + 3;
    } else if (source.startsWith("<![CDATA[", open)) {
      const close = until(source, "]]>", open);
      stack.at(-1)!.children.push(source.slice(open + 9, close));
      at = close + 3;
    } else if (source.startsWith("</", open)) {
      const close = until(source, ">", open);
      const name = source.slice(open + 2, close).trim();
      const element = stack.pop();
      if (!element || element.name !== name || stack.length === 0) throw new XmlRefusal(`unexpected </${name}>`);
      at = close + 1;
    } else {
      const close = tagEnd(source, open);
      const selfClosing = source[close - 1] === "/";
      const inner = source.slice(open + 1, selfClosing ? close - 1 : close);
      const space = inner.search(/\s/);
      const name = space < 0 ? inner : inner.slice(0, space);
      const attrs: Record<string, string> = {};
      if (space >= 0) for (const m of inner.slice(space).matchAll(attribute)) attrs[m[1]!] = decode(m[3] ?? m[4] ?? "");
      const element: XmlElement = { name, attrs, children: [] };
      stack.at(-1)!.children.push(element);
      if (!selfClosing) stack.push(element);
      at = close + 1;
    }
  }
  if (stack.length !== 1) throw new XmlRefusal("unclosed element");
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new XmlRefusal("no root element");
  return top;
}

function until(source: string, token: string, from: number): number {
  const at = source.indexOf(token, from);
  if (at < 0) throw new XmlRefusal(`unterminated ${token}`);
  return at;
}

/** The ">" closing a start tag, skipping quoted attribute values, which may hold one (a field's URL). */
function tagEnd(source: string, from: number): number {
  let quote: string | null = null;
  for (let at = from + 1; at < source.length; at++) {
    const c = source[at];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return at;
  }
  throw new XmlRefusal("unterminated tag");
}

function pushText(stack: XmlElement[], text: string) {
  if (stack.length > 1) stack.at(-1)!.children.push(decode(text));
}

export const elements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));

export const child = (node: XmlElement | undefined, name: string): XmlElement | undefined => (node ? elements(node, name)[0] : undefined);
