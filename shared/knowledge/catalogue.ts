// Security knowledge catalogue: schemas, types and a Node-only loader.
// Content lives next to this file: requirements/<id>.md (YAML front matter),
// glossary.yaml and regimes.yaml.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { fieldReference } from "../editor/scheduleTemplate";
import { CATEGORIES } from "./categories";

const text = z.string().trim().min(1);
export const LocalizedText = z.object({ en: text, nl: text }).strict();
export const LocalizedList = z.object({ en: z.array(text).min(1), nl: z.array(text).min(1) }).strict();

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case");

export { CATEGORIES };

export const SOURCES = [
  "NIS2",
  "DORA",
  "CRA",
  "GDPR",
  "ISO27001",
  "ISO27002",
  "ISO27017",
  "ISO27018",
  "ISO22301",
  "SOC2",
  "ISAE3402",
  "ISAE3000",
  "BIO",
  "NEN7510",
  "OWASP",
  "CSA",
  "C5",
  "EUCC",
  "CyberEssentials",
  "NIST",
] as const;

export const LEVELS = ["basic", "standard", "strict"] as const;

/**
 * One level of a requirement. `below`: the regime elements (of those the entry covers) whose legal
 * minimum this level's text does not meet, each with what it lacks (decision 037): coverage shows
 * such a clause as below the legal minimum, and the wizard never proposes the level where that
 * regime applies.
 */
export const Level = z.object({ value: LocalizedText, clause: LocalizedText, below: z.record(z.string(), LocalizedText).default({}) }).strict();

/** A blank the clause texts leave for the parties to fill in, named in them as `{{id}}`. */
export const PlaceholderFieldSpec = z.object({ id: kebabId, label: LocalizedText, hint: LocalizedText }).strict();

export const Reference = z.object({ source: z.enum(SOURCES), ref: text }).strict();

export const Requirement = z
  .object({
    id: kebabId,
    kind: z.enum(["requirement", "certification"]),
    category: z.enum(CATEGORIES),
    title: LocalizedText,
    summary: LocalizedText,
    buyer: LocalizedText,
    supplier: LocalizedText,
    levels: z.object({ basic: Level, standard: Level, strict: Level }).strict().optional(),
    fields: z.array(PlaceholderFieldSpec).default([]),
    verify: LocalizedText,
    references: z.array(Reference).default([]),
    questions: LocalizedList,
    pitfalls: LocalizedList,
    related: z.array(kebabId).default([]),
    glossary: z.array(kebabId).default([]),
    covers: z.array(text).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === "requirement" && !r.levels) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["levels"], message: "requirements need basic, standard and strict levels" });
    }
    const declared = new Set(r.fields.map((f) => f.id));
    const used = new Set<string>();
    for (const level of LEVELS) {
      for (const locale of ["en", "nl"] as const) {
        for (const [, id] of r.levels?.[level].clause[locale].matchAll(fieldReference) ?? []) {
          used.add(id!);
          if (!declared.has(id!)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["levels", level, "clause", locale], message: `undefined field "${id}"` });
        }
      }
    }
    for (const id of declared) if (!used.has(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["fields"], message: `field "${id}" is never used` });
    for (const level of LEVELS) {
      for (const element of Object.keys(r.levels?.[level].below ?? {})) {
        if (!r.covers.includes(element))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["levels", level, "below"], message: `"${element}" is not an element this entry covers` });
      }
    }
    if (r.levels && r.covers.some((element) => LEVELS.every((level) => element in r.levels![level].below)))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["covers"], message: "an element no level meets is not covered by this entry" });
  });

export const GlossaryTerm = z.object({ id: kebabId, term: LocalizedText, definition: LocalizedText }).strict();
export const Glossary = z.array(GlossaryTerm).min(1);

export const RegimeElement = z.object({ id: z.string().regex(/^[a-z0-9]+:[A-Za-z0-9.]+$/), ref: text, title: LocalizedText }).strict();
export const Regime = z.object({ id: kebabId, name: LocalizedText, elements: z.array(RegimeElement).min(1) }).strict();
export const RegimesFile = z.object({ regimes: z.array(Regime).min(1) }).strict();

export type LocalizedText = z.infer<typeof LocalizedText>;
export type LocalizedList = z.infer<typeof LocalizedList>;
export type Category = (typeof CATEGORIES)[number];
export type Source = (typeof SOURCES)[number];
export type LevelName = (typeof LEVELS)[number];
export type Level = z.infer<typeof Level>;
export type Reference = z.infer<typeof Reference>;
export type Requirement = z.infer<typeof Requirement>;
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;
export type RegimeElement = z.infer<typeof RegimeElement>;
export type Regime = z.infer<typeof Regime>;

export interface Catalogue {
  requirements: Requirement[];
  glossary: GlossaryTerm[];
  regimes: Regime[];
}

export const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL(".", import.meta.url));

export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Invalid knowledge catalogue file ${file}: ${detail}`);
    this.name = "CatalogueError";
  }
}

function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, file: string): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new CatalogueError(file, detail);
  }
  return result.data;
}

function readYaml(file: string, source: string): unknown {
  try {
    return parseYaml(source);
  } catch (err) {
    throw new CatalogueError(file, `YAML parse error: ${(err as Error).message}`);
  }
}

/** Extracts the YAML front matter (between the leading `---` lines) of a Markdown file. */
export function frontMatter(file: string, source: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.replace(/^\uFEFF/, ""));
  if (!match) throw new CatalogueError(file, "missing YAML front matter between '---' lines");
  return match[1];
}

export function parseRequirementFile(file: string, source: string): Requirement {
  const requirement = validate(Requirement, readYaml(file, frontMatter(file, source)), file);
  const expected = basename(file, ".md");
  if (requirement.id !== expected) {
    throw new CatalogueError(file, `id "${requirement.id}" does not match file name "${expected}"`);
  }
  return requirement;
}

/** Reads and validates the whole catalogue. Node only. */
export function loadCatalogue(dir: string = DEFAULT_CATALOGUE_DIR): Catalogue {
  const reqDir = join(dir, "requirements");
  const requirements = readdirSync(reqDir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => {
      const file = join(reqDir, f);
      return parseRequirementFile(file, readFileSync(file, "utf8"));
    });

  const glossaryFile = join(dir, "glossary.yaml");
  const glossary = validate(Glossary, readYaml(glossaryFile, readFileSync(glossaryFile, "utf8")), glossaryFile);

  const regimesFile = join(dir, "regimes.yaml");
  const { regimes } = validate(RegimesFile, readYaml(regimesFile, readFileSync(regimesFile, "utf8")), regimesFile);

  return { requirements, glossary, regimes };
}
