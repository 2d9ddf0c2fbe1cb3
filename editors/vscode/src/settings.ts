/**
 * VS Code's `copydesk.*` settings, turned into the configuration the server
 * reads under the `copydesk` section (`workspace/configuration` and
 * `workspace/didChangeConfiguration`):
 *
 * ```json
 * { "rules": { "unattributed-quote": "error", "first-reference": "off" },
 *   "languages": ["markdown", "plaintext"],
 *   "draftLanguage": "auto",
 *   "debounceMs": 50,
 *   "maxDocumentBytes": 5000000 }
 * ```
 *
 * Pure (no `vscode` import) so it is unit-tested without an editor. When the
 * server's settings change shape, this file is the one place to follow it.
 */

/** The server's rule ids (one file each in `src/analysis/rules/`); a test keeps the two in step. */
export const RULE_IDS = [
  "unattributed-quote",
  "unbalanced-quote",
  "anonymous-source",
  "name-spelling",
  "first-reference",
  "quote-not-in-source",
  "quote-speaker-mismatch",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** What a rule can be set to on the server. */
export const RULE_SETTINGS = ["error", "warning", "information", "hint", "off"] as const;

export type RuleSetting = (typeof RULE_SETTINGS)[number];

/**
 * The editor-side value that sends nothing for a rule, so the house style
 * (`copydesk.toml`) or the rule's own default decides. The server lays editor
 * rule settings over the house style, so sending a severity for every rule
 * would silently override a newsroom's `copydesk.toml`.
 */
export const RULE_DEFAULT = "default";

export const DEFAULT_LANGUAGES: readonly string[] = ["markdown", "plaintext"];
/** The languages drafts can be written in; `auto` tells each draft's from its words. */
export const DRAFT_LANGUAGES = ["auto", "en", "de", "fr"] as const;
export const DEFAULT_DEBOUNCE_MS = 50;
/** The server clamps the debounce to this too. */
export const MAX_DEBOUNCE_MS = 10_000;
export const DEFAULT_MAX_DOCUMENT_BYTES = 5_000_000;

/** The `copydesk` settings object as VS Code gives it (values unchecked: users edit JSON by hand). */
export interface EditorSettings {
  rules?: unknown;
  languages?: unknown;
  draftLanguage?: unknown;
  debounceMs?: unknown;
  maxDocumentBytes?: unknown;
}

/** The configuration the server reads. */
export interface ServerSettings {
  rules: Partial<Record<RuleId, RuleSetting>>;
  languages: string[];
  draftLanguage: (typeof DRAFT_LANGUAGES)[number];
  debounceMs: number;
  maxDocumentBytes: number;
}

/**
 * Turns the editor's settings into the server's configuration. A value that
 * cannot be used falls back to its default here rather than reaching the
 * server, so one typo in settings.json never switches the checker off.
 */
export function toServerSettings(editor: EditorSettings): ServerSettings {
  return {
    rules: ruleSettings(editor.rules),
    languages: languages(editor.languages),
    draftLanguage: (DRAFT_LANGUAGES as readonly unknown[]).includes(editor.draftLanguage)
      ? (editor.draftLanguage as ServerSettings["draftLanguage"])
      : "auto",
    debounceMs: wholeNumber(editor.debounceMs, DEFAULT_DEBOUNCE_MS, MAX_DEBOUNCE_MS),
    maxDocumentBytes: wholeNumber(editor.maxDocumentBytes, DEFAULT_MAX_DOCUMENT_BYTES, Number.MAX_SAFE_INTEGER),
  };
}

function ruleSettings(value: unknown): ServerSettings["rules"] {
  const rules: ServerSettings["rules"] = {};
  if (typeof value !== "object" || value === null) {
    return rules;
  }
  const given = value as Record<string, unknown>;
  for (const id of RULE_IDS) {
    const setting = given[id];
    if ((RULE_SETTINGS as readonly unknown[]).includes(setting)) {
      rules[id] = setting as RuleSetting;
    }
  }
  return rules;
}

function languages(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [...DEFAULT_LANGUAGES];
  }
  const ids = value.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  return [...new Set(ids)];
}

function wholeNumber(value: unknown, fallback: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    return fallback;
  }
  return Math.min(Math.round(value), max);
}
