import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "./en";
import { nl } from "./nl";
import { negotiateLocale, translate } from "./index";

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
