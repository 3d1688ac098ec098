/**
 * Content-Disposition for a download whose name may be any language's (RFC 6266 with RFC 5987):
 * `filename*` carries the real name in UTF-8, `filename` an ASCII stand-in for clients that do not
 * read the first; the accents go, other characters become "_".
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The name a Content-Disposition header gives, preferring `filename*`; what the browser's own download would pick. */
export function fileNameFromDisposition(header: string): string | null {
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return /filename="([^"]*)"/.exec(header)?.[1] ?? null;
}
