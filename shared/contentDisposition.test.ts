import { test } from "node:test";
import assert from "node:assert/strict";
import { attachmentDisposition, fileNameFromDisposition } from "./contentDisposition";

test("a non-ASCII file name travels in filename* and reads back; filename keeps an ASCII stand-in", () => {
  const header = attachmentDisposition("Beveiligingsbijlage-Café-Ünïcode-Ølé's-(v3).docx");
  assert.equal(
    header,
    `attachment; filename="Beveiligingsbijlage-Cafe-Unicode-_le's-(v3).docx"; filename*=UTF-8''Beveiligingsbijlage-Caf%C3%A9-%C3%9Cn%C3%AFcode-%C3%98l%C3%A9%27s-%28v3%29.docx`,
  );
  assert.equal(fileNameFromDisposition(header), "Beveiligingsbijlage-Café-Ünïcode-Ølé's-(v3).docx");
});

test("a plain name reads back from filename alone, and a quote cannot end the stand-in early", () => {
  assert.equal(fileNameFromDisposition('attachment; filename="audit.csv"'), "audit.csv");
  assert.match(attachmentDisposition('a"b.md'), /^attachment; filename="a_b\.md"; /);
  assert.equal(fileNameFromDisposition("attachment; filename=\"x.md\"; filename*=UTF-8''%E0%A4%A"), "x.md");
});
