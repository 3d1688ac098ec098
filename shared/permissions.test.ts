import { test } from "node:test";
import assert from "node:assert/strict";
import { can } from "./permissions";

test("observers only read", () => {
  assert.equal(can("observer", "view"), true);
  assert.equal(can("observer", "edit"), false);
  assert.equal(can("observer", "comment"), false);
});

test("advisors moderate but never agree on behalf of a party", () => {
  assert.equal(can("advisor", "moderate"), true);
  assert.equal(can("advisor", "agree"), false);
  assert.equal(can("buyer", "agree"), true);
  assert.equal(can("supplier", "agree"), true);
});

test("no role may do nothing", () => {
  assert.equal(can(null, "view"), false);
  assert.equal(can(undefined, "edit"), false);
});

test("docs/permissions.md shows the table the code enforces", async () => {
  const { readFile } = await import("node:fs/promises");
  const { permissionsMarkdown } = await import("./permissions");
  const doc = await readFile(new URL("../docs/permissions.md", import.meta.url), "utf8");
  assert.ok(doc.includes(permissionsMarkdown()), "regenerate the table in docs/permissions.md from permissionsMarkdown()");
});
