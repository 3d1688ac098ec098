import { test } from "node:test";
import assert from "node:assert/strict";
import { catalogueOf, loadCatalogue } from "./i18nCatalogues";
import { message } from "../shared/i18n/message";

test("a browser holds the catalogues it loaded, and only those", async () => {
  assert.throws(() => catalogueOf("nl"), /before it was loaded/);
  await loadCatalogue("nl");
  assert.equal(message(catalogueOf("nl"), "nl", "role.buyer"), "Afnemer");
  assert.equal(message(catalogueOf("nl"), "nl", "wizard.preview.title", { count: 12 }), "Voorgestelde bijlage: 12 artikelen");
  assert.throws(() => catalogueOf("en"), /before it was loaded/);
});
