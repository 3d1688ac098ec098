// Finds glossary terms in clause text. Terms are written for people ("RPO (Recovery Point
// Objective)"), so the forms to look for are derived from them: each side of a " / ", and the
// expansion in brackets. Abbreviations match case-sensitively so "SOC" does not light up "soc".
import type { LocalizedText } from "./catalogue";

export interface TermForms {
  id: string;
  forms: string[];
}

export interface TermMatch {
  from: number;
  to: number;
  id: string;
}

// A bracket that only says which law a term belongs to is not a name for the term.
const qualifiers = new Set(["NIS2", "DORA", "GDPR", "AVG", "CRA"]);

function splitAlternatives(text: string): string[] {
  return text
    .split(/\s+\/\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
}

/** The strings that name a term in running text, in either language. */
export function termForms(term: LocalizedText): string[] {
  const forms = new Set<string>();
  for (const label of [term.en, term.nl]) {
    const bracket = /^(.*?)\s*\(([^()]+)\)$/.exec(label);
    const main = bracket ? bracket[1] : label;
    for (const form of splitAlternatives(main)) forms.add(form);
    if (bracket && !qualifiers.has(bracket[2]) && !bracket[2].includes(" / ")) forms.add(bracket[2]);
  }
  return [...forms];
}

const isAbbreviation = (form: string) => /^[A-Z0-9][A-Za-z0-9']*[A-Z0-9]s?$/.test(form) && /[A-Z].*[A-Z]/.test(form);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function formPattern(form: string): RegExp {
  // A trailing plural ("SLAs", "exit plans") still names the term.
  const body = `${escape(form).replace(/\s+/g, "\\s+")}(?:s|es)?`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, isAbbreviation(form) ? "gu" : "giu");
}

/** Compiles the terms once; the returned function lists non-overlapping matches, longest first. */
export function glossaryMatcher(terms: TermForms[]): (text: string) => TermMatch[] {
  const patterns = terms.flatMap((t) => t.forms.map((form) => ({ id: t.id, pattern: formPattern(form) })));
  return (text) => {
    const found: TermMatch[] = [];
    for (const { id, pattern } of patterns) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) found.push({ from: m.index!, to: m.index! + m[0].length, id });
    }
    found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
    const kept: TermMatch[] = [];
    for (const m of found) {
      if (!kept.some((k) => m.from < k.to && k.from < m.to)) kept.push(m);
    }
    return kept.sort((a, b) => a.from - b.from);
  };
}
