/**
 * package.json's contributed settings against the code that reads them and
 * the server's rule list: a rule added to the server, or a setting renamed on
 * one side only, fails here rather than going quietly unconfigurable.
 */

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

import { DEFAULT_DEBOUNCE_MS, DEFAULT_LANGUAGES, DEFAULT_MAX_DOCUMENT_BYTES, RULE_DEFAULT, RULE_IDS, RULE_SETTINGS } from "../src/settings";

const root = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const properties: Record<string, { default?: unknown; enum?: unknown[] }> = manifest.contributes.configuration.properties;

test("every server rule has a severity setting, and no other rule does", () => {
  // One file per rule in the server's registry, each declaring its code in `declare_rule!`.
  const rulesDir = path.join(root, "../../src/analysis/rules");
  const serverRules = fs
    .readdirSync(rulesDir)
    .filter((f) => f.endsWith(".rs") && f !== "mod.rs")
    .map((f) => {
      const source = fs.readFileSync(path.join(rulesDir, f), "utf8");
      const m = source.match(/^\s*"([a-z-]+)", [A-Z][a-z]+, [a-z_]+\s*$/m);
      assert.ok(m, `${f} declares its rule code`);
      return m[1];
    })
    .sort();
  assert.ok(serverRules.length >= 5, "rule ids read from src/analysis/rules/");
  assert.deepEqual([...RULE_IDS].sort(), serverRules);
  const contributed = Object.keys(properties)
    .filter((k) => k.startsWith("copydesk.rules."))
    .map((k) => k.slice("copydesk.rules.".length))
    .sort();
  assert.deepEqual(contributed, serverRules);
});

test("each rule setting offers default plus exactly the server's settings, defaulting to default", () => {
  for (const id of RULE_IDS) {
    const p = properties[`copydesk.rules.${id}`];
    assert.deepEqual(p.enum, [RULE_DEFAULT, ...RULE_SETTINGS], id);
    assert.equal(p.default, RULE_DEFAULT, id);
  }
});

test("the other settings' defaults are the ones the code falls back to", () => {
  assert.deepEqual(properties["copydesk.languages"].default, DEFAULT_LANGUAGES);
  assert.equal(properties["copydesk.debounceMs"].default, DEFAULT_DEBOUNCE_MS);
  assert.equal(properties["copydesk.maxDocumentBytes"].default, DEFAULT_MAX_DOCUMENT_BYTES);
  assert.deepEqual(properties["copydesk.trace.server"].enum, ["off", "messages", "verbose"]);
  assert.equal(properties["copydesk.path"].default, "");
});

test("the commands the extension registers are contributed, and it activates for the default languages", () => {
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(commands, ["copydesk.restartServer", "copydesk.showQuoteSheet"]);
  const source = fs.readFileSync(path.join(root, "src/extension.ts"), "utf8");
  for (const c of commands) {
    assert.ok(source.includes(`registerCommand("${c}"`), `${c} is registered`);
  }
  for (const language of DEFAULT_LANGUAGES) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
  }
});
