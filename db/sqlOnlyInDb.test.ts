import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Decision 010: every query lives in db/queries/<table>.ts. Tests and their helpers may read the
// database directly to check what was stored.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scanned = ["app", "server", "shared"];
const exempt = (file: string) => file.endsWith(".test.ts") || file.split(path.sep).join("/").startsWith("server/test/");

const queryPatterns: { name: string; pattern: RegExp }[] = [
  { name: "Kysely query builder", pattern: /\.(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(/ },
  { name: "Kysely raw sql", pattern: /\bsql(\.raw\(|\s*`|<[^>]*>\s*`)/ },
  { name: "prepared statement", pattern: /\.prepare\(/ },
  { name: "SQL run on the driver", pattern: /\.exec\(\s*["'`]\s*(select|insert|update|delete|create|drop|alter|pragma)\b/i },
];

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !exempt(relative) ? [relative] : [];
  });
}

function findQueries(source: string): string[] {
  return queryPatterns.filter(({ pattern }) => pattern.test(source)).map(({ name }) => name);
}

test("the patterns catch each way of writing a query", () => {
  assert.deepEqual(findQueries(`db.selectFrom("users")`), ["Kysely query builder"]);
  assert.deepEqual(findQueries(`trx.deleteFrom("sessions")`), ["Kysely query builder"]);
  assert.deepEqual(findQueries("sql`select 1`"), ["Kysely raw sql"]);
  assert.deepEqual(findQueries("sql<number>`count(*)`"), ["Kysely raw sql"]);
  assert.deepEqual(findQueries(`sqlite.prepare("select 1")`), ["prepared statement"]);
  assert.deepEqual(findQueries(`sqlite.exec("DELETE FROM outbox")`), ["SQL run on the driver"]);
  assert.deepEqual(findQueries(`/^x$/.exec(value); db.transaction().execute(run)`), []);
});

test("no SQL outside db/: app, server and shared call db/queries", () => {
  const files = scanned.flatMap(sources);
  assert.ok(files.length > 100, `expected the app's sources, found ${files.length} files`);
  const offenders = files.flatMap((file) => {
    const found = findQueries(fs.readFileSync(path.join(root, file), "utf8"));
    return found.length ? [`${file}: ${found.join(", ")}`] : [];
  });
  assert.deepEqual(offenders, [], "move these queries into db/queries/<table>.ts (docs/decisions/010-one-home-for-sql.md)");
});
