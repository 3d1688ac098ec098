import assert from "node:assert/strict";
import { test } from "node:test";
import { parseXml, XmlRefusal } from "./parseXml";

test("elements, attributes (also holding >), text with entities and CDATA", () => {
  const root = parseXml(`<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y='a>b'><b/>t &lt;&#65;&#x42;<![CDATA[<raw>]]></a>`);
  assert.deepEqual(root, { name: "a", attrs: { x: "1 & 2", y: "a>b" }, children: [{ name: "b", attrs: {}, children: [] }, "t <AB", "<raw>"] });
});

test("a DOCTYPE, an unknown entity or a mismatched tag is refused", () => {
  assert.throws(() => parseXml(`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`), XmlRefusal);
  assert.throws(() => parseXml(`<a>&nbsp;</a>`), XmlRefusal);
  assert.throws(() => parseXml(`<a><b></a></b>`), XmlRefusal);
  assert.throws(() => parseXml(`<a>`), XmlRefusal);
});
