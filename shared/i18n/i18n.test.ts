import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "./en";
import { nl } from "./nl";
import { negotiateLocale, translate } from "./index";
import { dateTimeFormatter, isTimeZone } from "./dateTimeFormatter";

test("Dutch is complete and never just a copy of the English placeholders", () => {
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  for (const [key, text] of Object.entries(nl)) {
    assert.ok(text.trim().length > 0, `${key} is empty in Dutch`);
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    assert.deepEqual(placeholders(text), placeholders(en[key as keyof typeof en]), `${key} placeholders differ`);
  }
});

test("translate fills parameters", () => {
  assert.equal(translate("en", "login.error.rateLimited", { minutes: 5 }), "Too many failed attempts. Try again in 5 minutes.");
  assert.equal(translate("nl", "role.buyer"), "Afnemer");
});

test("Accept-Language picks the best supported language", () => {
  assert.equal(negotiateLocale("nl-NL,nl;q=0.9,en;q=0.8"), "nl");
  assert.equal(negotiateLocale("de-DE,en;q=0.5,nl;q=0.7"), "nl");
  assert.equal(negotiateLocale("fr"), "en");
  assert.equal(negotiateLocale(undefined), "en");
  assert.equal(negotiateLocale("en;q=0,nl;q=0.1"), "nl");
});

test("counts take the language's plural form (Intl.PluralRules), in English and Dutch", () => {
  assert.equal(translate("en", "changes.summary", { changed: 1, unchanged: 3 }), "1 clause changed; 3 unchanged.");
  assert.equal(translate("en", "changes.summary", { changed: 2, unchanged: 0 }), "2 clauses changed; 0 unchanged.");
  assert.equal(translate("en", "changes.summary", { changed: 0, unchanged: 1 }), "0 clauses changed; 1 unchanged.");
  assert.equal(translate("nl", "changes.summary", { changed: 1, unchanged: 3 }), "1 artikel gewijzigd; 3 ongewijzigd.");
  assert.equal(translate("nl", "changes.summary", { changed: 4, unchanged: 3 }), "4 artikelen gewijzigd; 3 ongewijzigd.");
  assert.equal(translate("en", "compare.summary", { changed: 1, unchanged: 1 }), "1 clause differs; 1 is the same.");
  assert.equal(translate("nl", "compare.summary", { changed: 2, unchanged: 1 }), "2 artikelen verschillen; 1 is gelijk.");
  assert.equal(translate("en", "wizard.preview.title", { count: 1 }), "Proposed schedule: 1 clause");
  assert.equal(translate("nl", "wizard.preview.title", { count: 1 }), "Voorgestelde bijlage: 1 artikel");
  assert.equal(translate("nl", "wizard.preview.title", { count: 12 }), "Voorgestelde bijlage: 12 artikelen");
  assert.equal(translate("en", "login.error.rateLimited", { minutes: 1 }), "Too many failed attempts. Try again in 1 minute.");
  assert.equal(translate("nl", "login.error.rateLimited", { minutes: 1 }), "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.");
  assert.equal(translate("en", "settings.sessions.done", { count: 0 }), "Signed out no other sessions.");
  assert.equal(translate("nl", "dashboard.unread", { count: 1 }), "1 nieuwe melding");
  assert.equal(translate("en", "knowledge.results", { count: 1, q: "backup" }), "1 entry matches “backup”.");
});

test("every plural in the catalogues has an other form, and Dutch pluralises what English does", () => {
  const plurals = (s: string) => [...s.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]).sort();
  for (const [key, text] of Object.entries(en)) {
    for (const m of text.matchAll(/\{\w+, plural,(.*?)\}\s*\}/g)) assert.match(m[1]!, /other\s*\{/, `${key} has no other form`);
    assert.deepEqual(plurals(nl[key as keyof typeof nl]), plurals(text), `${key} plurals differ`);
  }
});

test("times show in the given time zone with its name, and in UTC when the zone is unknown", () => {
  const moment = Date.UTC(2026, 11, 2, 0, 5);
  assert.equal(dateTimeFormatter("en", "Europe/Amsterdam")(moment), "2 Dec 2026, 01:05 CET");
  assert.equal(dateTimeFormatter("nl", "Europe/Amsterdam")(Date.UTC(2026, 6, 2, 0, 5)), "2 jul 2026, 02:05 CEST");
  assert.equal(dateTimeFormatter("en")(moment), "2 Dec 2026, 00:05 UTC");
  assert.equal(dateTimeFormatter("en", "Not/A_Zone")(moment), "2 Dec 2026, 00:05 UTC");
  assert.equal(isTimeZone("Europe/Amsterdam"), true);
  assert.equal(isTimeZone("x; Path=/"), false);
});
