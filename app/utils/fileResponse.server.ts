import { attachmentDisposition } from "../../shared/contentDisposition";

/** An export as a download, on a page's address or the API's. */
export function fileResponse(file: { body: Buffer; contentType: string; fileName: string }): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.body.length),
      "Content-Disposition": attachmentDisposition(file.fileName),
      // no-transform: no gzip on the way, so Content-Length stays and the browser can show progress.
      "Cache-Control": "private, no-store, no-transform",
    },
  });
}
