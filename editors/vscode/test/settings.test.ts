/** Settings → the server's configuration: what the server reads under `copydesk`. */

import assert from "node:assert/strict";
import { test } from "node:test";

import { RULE_IDS, toServerSettings } from "../src/settings";

test("an untouched settings object gives the server's defaults and no rule overrides", () => {
  const defaults = {
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, "default"])),
    languages: ["markdown", "plaintext"],
    debounceMs: 50,
    maxDocumentBytes: 5_000_000,
  };
  assert.deepEqual(toServerSettings(defaults), {
    rules: {},
    languages: ["markdown", "plaintext"],
    draftLanguage: "auto",
    debounceMs: 50,
    maxDocumentBytes: 5_000_000,
  });
});

test("rule severities and off reach the server; default leaves the rule to the house style", () => {
  const got = toServerSettings({
    rules: {
      "unattributed-quote": "error",
      "unbalanced-quote": "default",
      "anonymous-source": "hint",
      "name-spelling": "information",
      "first-reference": "off",
    },
  });
  assert.deepEqual(got.rules, {
    "unattributed-quote": "error",
    "anonymous-source": "hint",
    "name-spelling": "information",
    "first-reference": "off",
  });
});

test("unknown rules and unusable severities are dropped, the rest still apply", () => {
  const got = toServerSettings({
    rules: { "unattributed-quote": "loud", "no-such-rule": "error", "name-spelling": 3, "unbalanced-quote": "warning" },
  });
  assert.deepEqual(got.rules, { "unbalanced-quote": "warning" });
  assert.deepEqual(toServerSettings({ rules: "error" }).rules, {});
  assert.deepEqual(toServerSettings({ rules: null }).rules, {});
});

test("languages pass through trimmed and without repeats; a non-list falls back to the defaults", () => {
  assert.deepEqual(toServerSettings({ languages: [" markdown", "latex", "markdown", "", 7] }).languages, [
    "markdown",
    "latex",
  ]);
  assert.deepEqual(toServerSettings({ languages: "markdown" }).languages, ["markdown", "plaintext"]);
  assert.deepEqual(toServerSettings({ languages: [] }).languages, [], "an empty list is a deliberate choice");
});

test("debounce and size limit are whole, non-negative numbers, the debounce at most 10 s", () => {
  assert.equal(toServerSettings({ debounceMs: 0 }).debounceMs, 0);
  assert.equal(toServerSettings({ debounceMs: 120.6 }).debounceMs, 121);
  assert.equal(toServerSettings({ debounceMs: 99_999 }).debounceMs, 10_000);
  assert.equal(toServerSettings({ debounceMs: -5 }).debounceMs, 50);
  assert.equal(toServerSettings({ debounceMs: "200" }).debounceMs, 50);
  assert.equal(toServerSettings({ debounceMs: Number.NaN }).debounceMs, 50);
  assert.equal(toServerSettings({ maxDocumentBytes: 1024 }).maxDocumentBytes, 1024);
  assert.equal(toServerSettings({ maxDocumentBytes: null }).maxDocumentBytes, 5_000_000);
});

test("the result is plain JSON, as sent over the wire", () => {
  const got = toServerSettings({ rules: { "first-reference": "off" }, languages: ["markdown"], debounceMs: 10 });
  assert.deepEqual(JSON.parse(JSON.stringify(got)), got);
  assert.deepEqual(Object.keys(got).sort(), ["debounceMs", "draftLanguage", "languages", "maxDocumentBytes", "rules"]);
});

test("the drafts' language reaches the server; anything else is auto", () => {
  assert.equal(toServerSettings({ draftLanguage: "de" }).draftLanguage, "de");
  assert.equal(toServerSettings({ draftLanguage: "fr" }).draftLanguage, "fr");
  assert.equal(toServerSettings({ draftLanguage: "klingon" }).draftLanguage, "auto");
  assert.equal(toServerSettings({}).draftLanguage, "auto");
});
