import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { DEFAULT_CATALOGUE_DIR, LEVELS, frontMatter, loadCatalogue, parseRequirementFile, type Catalogue } from "./catalogue";

const reqDir = join(DEFAULT_CATALOGUE_DIR, "requirements");
const files = readdirSync(reqDir)
  .filter((f) => f.endsWith(".md"))
  .sort();
let catalogue: Catalogue;

test("the whole catalogue loads and validates", () => {
  catalogue = loadCatalogue();
  assert.ok(catalogue.requirements.length > 0);
  assert.ok(catalogue.glossary.length >= 30, `glossary has ${catalogue.glossary.length} terms, want >= 30`);
  assert.ok(catalogue.regimes.length > 0);
});

test("every requirement file is valid and its id equals the file name", () => {
  assert.deepEqual(
    readdirSync(reqDir).filter((f) => !f.endsWith(".md")),
    [],
    "only .md files in requirements/",
  );
  for (const f of files) {
    const source = readFileSync(join(reqDir, f), "utf8");
    const r = parseRequirementFile(join(reqDir, f), source);
    assert.equal(`${r.id}.md`, f);
    // the raw YAML id (not a default) must match as well
    assert.equal((parseYaml(frontMatter(f, source)) as { id: string }).id, f.replace(/\.md$/, ""));
  }
});

test("ids are unique across requirements, glossary terms and regime elements", () => {
  const { requirements, glossary, regimes } = loadCatalogue();
  const unique = (ids: string[], what: string) => {
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(dupes, [], `duplicate ${what} ids`);
  };
  unique(
    requirements.map((r) => r.id),
    "requirement",
  );
  unique(
    glossary.map((g) => g.id),
    "glossary",
  );
  unique(
    regimes.map((r) => r.id),
    "regime",
  );
  unique(
    regimes.flatMap((r) => r.elements.map((e) => e.id)),
    "regime element",
  );
  for (const regime of regimes) {
    for (const e of regime.elements) assert.ok(e.id.startsWith(`${regime.id}:`), `${e.id} must start with ${regime.id}:`);
  }
});

test("every related, glossary and covers id resolves", () => {
  const { requirements, glossary, regimes } = loadCatalogue();
  const reqIds = new Set(requirements.map((r) => r.id));
  const termIds = new Set(glossary.map((g) => g.id));
  const elementIds = new Set(regimes.flatMap((r) => r.elements.map((e) => e.id)));
  const problems: string[] = [];
  for (const r of requirements) {
    for (const id of r.related) {
      if (!reqIds.has(id)) problems.push(`${r.id}: related "${id}" unknown`);
      if (id === r.id) problems.push(`${r.id}: relates to itself`);
    }
    for (const id of r.glossary) if (!termIds.has(id)) problems.push(`${r.id}: glossary "${id}" unknown`);
    for (const id of r.covers) if (!elementIds.has(id)) problems.push(`${r.id}: covers "${id}" unknown`);
  }
  assert.deepEqual(problems, []);
});

test("every regime element is covered by at least one entry", () => {
  const { requirements, regimes } = loadCatalogue();
  const covered = new Set(requirements.flatMap((r) => r.covers));
  const missing = regimes.flatMap((r) => r.elements.map((e) => e.id)).filter((id) => !covered.has(id));
  assert.deepEqual(missing, []);
});

test("every text has non-empty en and nl", () => {
  const problems: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      if ("en" in obj || "nl" in obj) {
        for (const lang of ["en", "nl"]) {
          const v = obj[lang];
          const ok = typeof v === "string" ? v.trim() !== "" : Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === "string" && s.trim() !== "");
          if (!ok) problems.push(`${path}.${lang}`);
        }
        if (Array.isArray(obj.en) && Array.isArray(obj.nl) && obj.en.length !== obj.nl.length) {
          problems.push(`${path}: en has ${obj.en.length} items, nl has ${obj.nl.length}`);
        }
        return;
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${path}.${k}`);
    }
  };
  const { requirements, glossary, regimes } = loadCatalogue();
  requirements.forEach((r) => walk(r, r.id));
  glossary.forEach((g) => walk(g, `glossary.${g.id}`));
  regimes.forEach((r) => walk(r, `regimes.${r.id}`));
  assert.deepEqual(problems, []);
});

test("requirements have all three levels", () => {
  const { requirements } = loadCatalogue();
  for (const r of requirements.filter((r) => r.kind === "requirement")) {
    for (const level of LEVELS) assert.ok(r.levels?.[level], `${r.id} lacks level ${level}`);
  }
});
