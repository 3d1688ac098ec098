import { test } from "node:test";
import assert from "node:assert/strict";
import { placeholdersIn } from "../editor/placeholders";
import { buildScheduleDoc, fieldReference } from "../editor/scheduleTemplate";
import { LEVELS, loadCatalogue } from "../knowledge/catalogue";
import { locales } from "../i18n/index";
import { definitionsSection } from "./definitions";
import { scheduleFromSelection } from "./selectClauses";

const catalogue = loadCatalogue();
const clauseTexts = catalogue.requirements.flatMap((r) =>
  LEVELS.flatMap((level) => locales.map((locale) => ({ where: `${r.id} ${level} ${locale}`, locale, text: r.levels?.[level].clause[locale] ?? "" }))),
);

test("no clause text leaves a literal blank: every one is a placeholder field", () => {
  for (const { where, text } of clauseTexts) {
    const words = text.replace(fieldReference, "");
    assert.doesNotMatch(words, /\bX\b|\[[^\]]*\]|\.\.\.|…|_{3,}/, `${where}: ${text}`);
  }
});

test("every clause stands alone and names the parties as the definitions do", () => {
  for (const { where, locale, text } of clauseTexts) {
    assert.doesNotMatch(text, /^(In addition|Additionally|Furthermore|Daarnaast|Aanvullend|Bovendien)\b/, `${where} starts by leaning on another clause`);
    assert.doesNotMatch(text, locale === "en" ? /\bCustomer/ : /\bKlant/, `${where} names the buyer otherwise`);
  }
  for (const locale of locales) {
    const defined = definitionsSection(locale).clauses[0]!.body[1]!;
    for (const term of locale === "en"
      ? ["Buyer:", "Supplier:", "Buyer Data:", "Service:", "Security Incident:"]
      : ["Afnemer:", "Leverancier:", "Gegevens van Afnemer:", "Dienst:", "Beveiligingsincident:"]) {
      assert.ok(defined.includes(`- ${term}`), `${locale} defines ${term}`);
    }
  }
});

test("a generated schedule opens with the definitions and turns every field into a placeholder", () => {
  const clauses = catalogue.requirements.map((r) => ({ requirementId: r.id, reasons: [] }));
  for (const level of LEVELS) {
    for (const locale of locales) {
      const template = scheduleFromSelection(catalogue, { level, regimes: [], clauses }, locale, (c) => c);
      assert.equal(template.sections[0]!.heading, definitionsSection(locale).heading);
      const references = template.sections.flatMap((s) => s.clauses.flatMap((c) => c.body.flatMap((b) => [...b.matchAll(fieldReference)])));
      const doc = buildScheduleDoc(template);
      const blanks = placeholdersIn(doc);
      assert.equal(blanks.length, references.length, `${level} ${locale}`);
      assert.ok(
        blanks.every((b) => b.label && b.hint),
        "each blank says what goes there",
      );
    }
  }
  assert.ok(
    placeholdersIn(buildScheduleDoc(scheduleFromSelection(catalogue, { level: "standard", regimes: [], clauses }, "en", (c) => c))).some(
      (b) => b.label === "annex number",
    ),
  );
});
