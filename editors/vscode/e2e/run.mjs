// End-to-end: the platform-specific extension (linux-x64, with the copydesk
// binary under server/) in a real VS Code (code-server), driven by headless
// Chromium, on a PATH with no `copydesk` on it and no copydesk.path setting:
// what a reporter without a Rust toolchain gets from installing the .vsix.
//
// The browser only does what a writer would (open the draft, type, run a
// command); what reached VS Code is read from the extension's test log
// (COPYDESK_TEST_LOG: one JSON line per change of copydesk's diagnostics),
// so the assertions are on rule ids, severities and positions, not pixels.
//
// Usage (ci/e2e.sh sets this up):
//   node e2e/run.mjs --vsix FILE --code-server BIN --node24 DIR \
//                    --playwright DIR --chromium BIN --work DIR
//
// Asserts, in order:
//  0. no `copydesk` is on code-server's PATH, and the installed extension
//     carries an executable server/copydesk;
//  1. the draft's diagnostics in VS Code are exactly `copydesk check`'s
//     findings (rule, line, column), from the server the extension carries,
//     and unattributed-quote is an error there because the user settings say
//     so (the CLI says warning): settings reached the server through
//     workspace/configuration;
//  h. hovering a quotation shows who said it;
//  s. the repository's sample draft (examples/bridge-vote.md) shows exactly
//     `copydesk check`'s findings too;
//  2. typing a new unattributed quotation adds a diagnostic at its line;
//  3. the quote sheet command shows `copydesk speakers` output beside the draft;
//  q. a draft that names its sources in front matter (sourced/library.md, with
//     the notes of a phone call in sourced/notes/library-call.txt) shows
//     `copydesk check`'s findings: quote-not-in-source (its message, its related
//     location at the notes' passage) and quote-speaker-mismatch, also in the
//     Problems panel; the hover on the quotation shows both versions; the quick
//     fix puts the notes' words in; the quote sheet gives each quotation its
//     source line; and notes changed on disk are read again (the file watcher's
//     workspace/didChangeWatchedFiles reached the server);
//  4. switching the rule off in settings.json removes it while name-spelling
//     stays: workspace/didChangeConfiguration reached the server;
//  5. pointing copydesk.path nowhere restarts the extension into an error
//     notification that says how to install copydesk (the setting is not
//     silently replaced by the bundled binary).

import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as net from "node:net";
import * as path from "node:path";
import { parseArgs } from "node:util";

const HERE = path.dirname(new URL(import.meta.url).pathname);
const { values: opt } = parseArgs({
  options: {
    vsix: { type: "string" },
    "code-server": { type: "string" },
    node24: { type: "string" },
    playwright: { type: "string" },
    chromium: { type: "string" },
    work: { type: "string" },
  },
});
for (const [k, v] of Object.entries(opt)) {
  if (!v) throw new Error(`--${k} is required`);
}
for (const k of ["vsix", "code-server", "chromium"]) {
  if (!fs.existsSync(opt[k])) throw new Error(`--${k} ${opt[k]} does not exist`);
}

/** Every wait gives up after this, so a hang fails the run instead of stalling CI. */
const STEP_TIMEOUT_MS = 90_000;
const OVERALL_TIMEOUT_MS = 6 * 60_000;

const work = path.resolve(opt.work);
const userData = path.join(work, "user-data");
const extensionsDir = path.join(work, "extensions");
const workspace = path.join(work, "workspace");
const draft = path.join(workspace, "draft.md");
/** The repository's sample draft, the one the README's quick start checks. */
const sample = path.join(workspace, "bridge-vote.md");
/** A draft that names its source material in front matter, and that material: notes of a phone call. */
const sourced = path.join(workspace, "sourced", "library.md");
const sourceNotes = path.join(workspace, "sourced", "notes", "library-call.txt");
const testLog = path.join(work, "test-log.jsonl");
const settingsFile = path.join(userData, "User", "settings.json");
// In code-server the extension runs on the "remote" machine, where settings of
// machine scope (copydesk.path) live; it is left empty, so the extension must
// use the binary it carries.
const machineSettingsFile = path.join(userData, "Machine", "settings.json");
const workspaceSettingsFile = path.join(workspace, ".vscode", "settings.json");
const screenshot = path.join(work, "screenshot.png");

/** Steps passed so far, for the closing "N passed, N failed" line. */
let passed = 0;
/** code-server's process group, ended on every way out. */
let serverPid;

/** What must not be on code-server's PATH: copydesk, and a Rust toolchain. */
const ABSENT = ["copydesk", "cargo", "rustc"];

/** True for a folder holding an executable named in ABSENT. */
function holdsAbsent(dir) {
  return ABSENT.some((name) => {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// code-server's PATH: Node 24 first, and no folder that holds copydesk or Rust, so
// the extension can only use the binary it carries, as on a reporter's machine.
const searchPath = [path.join(opt.node24, "bin"), ...(process.env.PATH ?? "").split(path.delimiter)]
  .filter((dir) => dir && !holdsAbsent(dir))
  .join(path.delimiter);
const env = { ...process.env, PATH: searchPath };

function log(message) {
  console.log(`e2e: ${message}`);
}

function fail(message) {
  throw new Error(message);
}

/** The user settings: the rule the test checks, and a quiet, predictable workbench. */
function userSettings(extra) {
  return {
    "copydesk.rules.unattributed-quote": "error",
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "update.mode": "none",
    "chat.disableAIFeatures": true,
    // The draft must stay unsaved while typing, and the workspace sits inside
    // this repository: no git prompts over the editor.
    "files.autoSave": "off",
    // Settings files open in a tab, not a modal (VS Code 1.139's default),
    // and text typed into them stays as typed.
    "workbench.editor.useModal": "off",
    "editor.autoClosingBrackets": "never",
    "editor.autoClosingQuotes": "never",
    "editor.autoIndent": "none",
    "editor.autoSurround": "never",
    "git.enabled": false,
    ...extra,
  };
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

function prepare() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.mkdirSync(path.dirname(machineSettingsFile), { recursive: true });
  writeJson(machineSettingsFile, {});
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.copyFileSync(path.join(HERE, "draft.md"), draft);
  fs.copyFileSync(path.join(HERE, "..", "..", "..", "examples", "bridge-vote.md"), sample);
  fs.cpSync(path.join(HERE, "sourced"), path.dirname(sourced), { recursive: true });
  // Present from the start, so opening it later creates nothing under the test's hands.
  fs.mkdirSync(path.dirname(workspaceSettingsFile), { recursive: true });
  writeJson(workspaceSettingsFile, {});
  fs.writeFileSync(testLog, "");
  writeJson(settingsFile, userSettings({}));
}

/** The binary the installed extension carries; set by installExtension. */
let bundled;

/** `copydesk check --format json` on a draft, with the bundled binary: what VS Code should show, as "rule@line:col" (0-based). */
function expectedFindings(file) {
  const run = spawnSync(bundled, ["check", "--format", "json", "--fail-on", "never", file], { encoding: "utf8" });
  if (run.status !== 0) fail(`copydesk check exited ${run.status}: ${run.stderr}`);
  const findings = JSON.parse(run.stdout).files.flatMap((f) => f.findings);
  return findings.map((f) => `${f.rule}@${f.line - 1}:${f.column - 1}`).sort();
}

function installExtension() {
  const run = spawnSync(
    opt["code-server"],
    ["--user-data-dir", userData, "--extensions-dir", extensionsDir, "--install-extension", path.resolve(opt.vsix)],
    { encoding: "utf8", env, timeout: STEP_TIMEOUT_MS },
  );
  log(`--install-extension: ${(run.stdout + run.stderr).trim().split("\n").pop()}`);
  if (run.status !== 0) fail(`code-server --install-extension exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith("copydesk.copydesk-"));
  if (installed.length !== 1) fail(`expected the copydesk extension in ${extensionsDir}, found ${fs.readdirSync(extensionsDir)}`);
  bundled = path.join(extensionsDir, installed[0], "server", "copydesk");
  try {
    fs.accessSync(bundled, fs.constants.X_OK);
  } catch {
    fail(`the installed extension carries no executable ${bundled}`);
  }
  for (const name of ABSENT) {
    const which = spawnSync("sh", ["-c", `command -v ${name}`], { env, encoding: "utf8" });
    if (which.status === 0) fail(`${name} is on code-server's PATH: ${which.stdout.trim()}`);
  }
  passed++;
  log(`0 ok: no copydesk, cargo or rustc on PATH; the extension carries ${bundled}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startCodeServer(port) {
  const child = spawn(
    opt["code-server"],
    [
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--user-data-dir", userData,
      "--extensions-dir", extensionsDir,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      workspace,
    ],
    { env: { ...env, COPYDESK_TEST_LOG: testLog }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  serverPid = child.pid;
  const output = fs.createWriteStream(path.join(work, "code-server.log"));
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const started = Date.now();
  while (Date.now() - started < STEP_TIMEOUT_MS) {
    if (child.exitCode !== null) fail(`code-server exited ${child.exitCode}; see ${path.join(work, "code-server.log")}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  fail("code-server did not answer /healthz");
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function readLog() {
  return fs
    .readFileSync(testLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Set once the test points copydesk.path nowhere on purpose. */
let missingOnPurpose = false;

/** Fails at once on an event saying the server could not run. */
function checkForStartFailure(events) {
  if (missingOnPurpose) return;
  const bad = events.find((e) => e.event === "binaryNotFound" || e.event === "serverFailed");
  if (bad) fail(`the extension could not start the server: ${bad.message}`);
}

/** Waits for a test-log event after `from` (an index) that satisfies `test`. */
async function waitForEvent(what, from, test) {
  const started = Date.now();
  let events = [];
  while (Date.now() - started < STEP_TIMEOUT_MS) {
    events = readLog();
    checkForStartFailure(events);
    const found = events.slice(from).find(test);
    if (found) return { event: found, index: events.indexOf(found) };
    await sleep(200);
  }
  const tail = events.slice(-3).map((e) => JSON.stringify(e)).join("\n  ");
  fail(`timed out waiting for ${what}; last events:\n  ${tail || "(none)"}`);
}

const isDraft = (e) => e.event === "diagnostics" && e.uri.endsWith("/draft.md");
const keys = (e) => e.diagnostics.map((d) => `${d.code}@${d.line}:${d.character}`).sort();

async function run(page) {
  const expected = expectedFindings(draft);
  log(`copydesk check finds: ${expected.join(", ")}`);
  if (!expected.some((k) => k.startsWith("unattributed-quote@8:"))) fail("the draft should have an unattributed quotation on line 9");
  if (!expected.some((k) => k.startsWith("name-spelling@"))) fail("the draft should have a name spelled two ways");

  await page.locator(".monaco-workbench").waitFor({ timeout: STEP_TIMEOUT_MS });
  log("workbench loaded; opening draft.md with Quick Open");
  await openDraft(page);

  // 1. Diagnostics equal the CLI's findings; the user's severity applies.
  const first = await waitForEvent("the draft's diagnostics to match `copydesk check`", 0, (e) => isDraft(e) && keys(e).join() === expected.join());
  const unattributed = first.event.diagnostics.filter((d) => d.code === "unattributed-quote");
  if (!unattributed.every((d) => d.severity === "error")) {
    fail(`unattributed-quote should be an error (user setting), got ${unattributed.map((d) => d.severity)}`);
  }
  const started = readLog().find((e) => e.event === "serverStarted");
  if (started?.command !== bundled) fail(`the server should be the bundled ${bundled}, was ${started?.command}`);
  passed++;
  log(`1 ok: ${first.event.diagnostics.length} diagnostics at the CLI's positions, from the bundled server; unattributed-quote is an error`);

  // h. A hover over an attributed quotation names its speaker.
  await hoverShows(page, "We will not be rushed into this", "Helen Okafor");
  passed++;
  log("h ok: the hover on a quotation names Helen Okafor");

  // s. The repository's sample draft: the same findings as `copydesk check` on it.
  const sampleExpected = expectedFindings(sample);
  if (sampleExpected.length < 2) fail(`the sample draft should have findings: ${sampleExpected}`);
  await openDraft(page, "bridge-vote.md");
  await waitForEvent("the sample draft's diagnostics to match `copydesk check`", 0, (e) =>
    e.event === "diagnostics" && e.uri.endsWith("/bridge-vote.md") && keys(e).join() === sampleExpected.join(),
  );
  passed++;
  log(`s ok: examples/bridge-vote.md shows ${sampleExpected.join(", ")}`);
  await page.locator(".tab", { hasText: "draft.md" }).first().click();
  await page.locator(".tab.active", { hasText: "draft.md" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });

  // 2. Typing a new unattributed quotation: the diagnostics follow the buffer.
  const editor = page.locator(".monaco-editor .view-lines").first();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  // The server holds back the quotation being typed (its cue usually comes
  // next), so the sentence goes on without one.
  await page.keyboard.insertText("“The money is simply not there.” Nobody stayed to explain.");
  const typedLine = fs.readFileSync(draft, "utf8").split("\n").length + 1; // 0-based: two new lines after the last
  const typed = await waitForEvent(`an unattributed-quote at line ${typedLine + 1}`, first.index + 1, (e) =>
    isDraft(e) && e.diagnostics.some((d) => d.code === "unattributed-quote" && d.line === typedLine),
  );
  passed++;
  log(`2 ok: the typed quotation is flagged at line ${typedLine + 1}`);

  // 3. The quote sheet, from the command palette.
  await runCommand(page, "copydesk: Show Quote Sheet");
  const sheet = await waitForEvent("the quote sheet", 0, (e) => e.event === "quoteSheet" && e.draft.endsWith("/draft.md"));
  for (const needle of ["# Quote sheet: draft.md", "Quotations", "People", "Helen Okafor", "Dev Sharma", "unsaved changes"]) {
    if (!sheet.event.text.includes(needle)) fail(`the quote sheet lacks "${needle}":\n${sheet.event.text}`);
  }
  await page.locator(".tab", { hasText: "Quote sheet: draft.md" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  passed++;
  log("3 ok: the quote sheet (copydesk speakers) is open beside the draft");

  await checkSources(page);

  // 4. Switching the rule off in settings.json reaches the running server.
  await editSettings(page, "Preferences: Open User Settings (JSON)", settingsFile, userSettings({ "copydesk.rules.unattributed-quote": "off" }));
  // VS Code pulls diagnostics: it asks again only when the server sends
  // workspace/diagnostic/refresh after applying the new settings.
  await waitForEvent("unattributed-quote to go once switched off (did the server ask VS Code to pull again?)", typed.index + 1, (e) =>
    isDraft(e) && !e.diagnostics.some((d) => d.code === "unattributed-quote") && e.diagnostics.some((d) => d.code === "name-spelling"),
  );
  passed++;
  log("4 ok: unattributed-quote switched off from settings; name-spelling still shown");

  // 5. A copydesk.path that points nowhere: the extension restarts and says how to install.
  missingOnPurpose = true;
  const nowhere = path.join(work, "no-such-dir", "copydesk");
  await editSettings(page, "Preferences: Open Workspace Settings (JSON)", workspaceSettingsFile, { "copydesk.path": nowhere });
  const missing = await waitForEvent("the extension to report the binary missing", 0, (e) => e.event === "binaryNotFound");
  if (!missing.event.message.includes(nowhere)) fail(`the message should name ${nowhere}: ${missing.event.message}`);
  await page
    .locator(".notification-toast", { hasText: "pipx install copydesk" })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  passed++;
  log("5 ok: a wrong copydesk.path gives an error notification that says how to install copydesk");
}

/** The words of line `n` (1-based) of a file. */
function lineOf(file, n) {
  return fs.readFileSync(file, "utf8").split("\n")[n - 1];
}

/** The text a test-log range covers in a file (one line). */
function covered(file, r) {
  if (r.line !== r.endLine) fail(`expected a one-line range: ${JSON.stringify(r)}`);
  return lineOf(file, r.line + 1).slice(r.character, r.endCharacter);
}

/**
 * q. The draft that names its sources. The notes have "October" where the
 * draft's first quotation has "November", and give the second quotation to
 * Adeyemi where the draft credits Owen Pike.
 */
async function checkSources(page) {
  const expected = expectedFindings(sourced);
  for (const k of ["quote-not-in-source@8:0", "quote-speaker-mismatch@10:0"]) {
    if (!expected.includes(k)) fail(`copydesk check should find ${k} in sourced/library.md, found ${expected.join(", ")}`);
  }
  const isSourced = (e) => e.event === "diagnostics" && e.uri.endsWith("/sourced/library.md");
  const byRule = (e, rule) => e.diagnostics.filter((d) => d.code === rule);

  // The findings, their messages, and the related location in the notes.
  await openDraft(page, "library.md");
  const shown = await waitForEvent("library.md's diagnostics to match `copydesk check`", 0, (e) => isSourced(e) && keys(e).join() === expected.join());
  const [missing] = byRule(shown.event, "quote-not-in-source");
  for (const needle of ["“We open the doors again on…” is not in the sources as quoted", "library-call.txt:4", "has 14 of its 15 words"]) {
    if (!missing.message.includes(needle)) fail(`the quote-not-in-source message lacks "${needle}": ${missing.message}`);
  }
  const related = missing.related?.[0];
  if (!related || decodeURIComponent(new URL(related.uri).pathname) !== sourceNotes) {
    fail(`the quote-not-in-source diagnostic should point at ${sourceNotes}: ${JSON.stringify(missing.related)}`);
  }
  const passage = covered(sourceNotes, related);
  if (passage !== "We open the doors again on the ninth of October, once the roof is dry") {
    fail(`the related location should be the notes' passage, covers "${passage}"`);
  }
  const [mismatch] = byRule(shown.event, "quote-speaker-mismatch");
  for (const needle of ["credited to Owen Pike", "gives these words to ADEYEMI"]) {
    if (!mismatch.message.includes(needle)) fail(`the quote-speaker-mismatch message lacks "${needle}": ${mismatch.message}`);
  }
  passed++;
  log(`q1 ok: library.md shows ${expected.join(", ")}; quote-not-in-source points at the notes' passage "${passage}"`);

  // The Problems panel lists both, with their messages (filtered to the two
  // rules' codes, so neither row is scrolled out of view).
  await runCommand(page, "View: Focus Problems (Errors, Warnings, Infos)");
  const filter = page.locator('.part.panel input[placeholder^="Filter"]').first();
  await filter.waitFor({ timeout: STEP_TIMEOUT_MS });
  await filter.fill("quote-");
  for (const message of [/is not in the sources as quoted: the closest passage, at \S*library-call\.txt:4/, /gives these words to ADEYEMI/]) {
    await page.locator(".markers-panel .monaco-list-row", { hasText: message }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  passed++;
  log("q2 ok: the Problems panel lists quote-not-in-source and quote-speaker-mismatch with their messages");

  // The hover on the quotation: both versions, the differing words marked.
  // (The diagnostic's own hover says "is not in the sources", lower case.)
  const card = await hoverShows(page, "We open the doors again", /Not in the sources as quoted/);
  for (const needle of ["Draft:", "Source:", "November", "October"]) {
    if (!card.text.includes(needle)) fail(`the hover lacks "${needle}": ${card.text}`);
  }
  if (!/<del>November<\/del>/.test(card.html) || !/<strong>October<\/strong>/.test(card.html)) {
    fail(`the hover should strike "November" and embolden "October": ${card.html}`);
  }
  passed++;
  log("q3 ok: the hover shows the draft's and the notes' versions, November struck for October");

  // The quick fix, from the editor's Quick Fix menu. The hover of the step
  // before may still hold the keyboard: it is closed first, and the menu asked
  // for again if a keystroke is swallowed.
  const quoteLine = page.locator(".monaco-editor .view-line", { hasText: "We open the doors again" }).first();
  const item = page.locator(".action-widget .monaco-list-row", { hasText: "Use the words of" }).first();
  const menuAskedAt = Date.now();
  for (;;) {
    await page.keyboard.press("Escape");
    await quoteLine.click({ position: { x: 40, y: 5 } });
    await page.keyboard.press("Control+.");
    try {
      await item.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (Date.now() - menuAskedAt > STEP_TIMEOUT_MS) throw error;
      log("the Quick Fix menu did not open; asking again");
    }
  }
  const title = (await item.innerText()).trim();
  if (!title.includes("library-call.txt:4")) fail(`the quick fix should name the notes' line: "${title}"`);
  await item.click();
  const fixed = await waitForEvent("quote-not-in-source to go once the quick fix is applied", shown.index + 1, (e) =>
    isSourced(e) && byRule(e, "quote-not-in-source").length === 0 && byRule(e, "quote-speaker-mismatch").length === 1,
  );
  // Saved, the draft holds the notes' words (read from disk: a long line wraps on screen).
  const want = "“We open the doors again on the ninth of October, once the roof is dry,” Adeyemi said.";
  await page.keyboard.press("Control+S");
  const savedAt = Date.now();
  while (lineOf(sourced, 9) !== want) {
    if (Date.now() - savedAt > STEP_TIMEOUT_MS) fail(`the fixed draft was not saved with the notes' words; line 9 reads: ${lineOf(sourced, 9)}`);
    await sleep(200);
  }
  passed++;
  log(`q4 ok: the quick fix "${title}" put the notes' words in; quote-not-in-source is gone, the speaker mismatch stays`);

  // The quote sheet of the saved draft gives each quotation its source line:
  // the first now word for word.
  const sheetFrom = readLog().length;
  await runCommand(page, "copydesk: Show Quote Sheet");
  const sheet = await waitForEvent("library.md's quote sheet", sheetFrom, (e) => e.event === "quoteSheet" && e.draft.endsWith("/sourced/library.md"));
  for (const line of [/^ +source: \S*library-call\.txt:4$/m, /^ +source: \S*library-call\.txt:6$/m]) {
    if (!line.test(sheet.event.text)) fail(`the quote sheet lacks a line ${line}:\n${sheet.event.text}`);
  }
  await page.locator(".tab", { hasText: "Quote sheet: library.md" }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  passed++;
  log("q5 ok: the quote sheet gives each quotation its line in the notes");

  // The reporter corrects the notes on disk: "November" after all. The draft
  // (fixed to "October") is now what the notes do not say.
  fs.writeFileSync(sourceNotes, fs.readFileSync(sourceNotes, "utf8").replace("ninth of October", "ninth of November"));
  await waitForEvent("quote-not-in-source to come back once the notes change on disk", fixed.index + 1, (e) =>
    isSourced(e) && byRule(e, "quote-not-in-source").some((d) => d.line === 8 && d.message.includes("library-call.txt:4")),
  );
  passed++;
  log("q6 ok: the notes changed on disk were read again: the quotation is flagged against the new words");
}

/**
 * Hovers the mouse over the start of the line holding `text` until a hover
 * shows `expected` (a string, matched ignoring case, or a regular expression);
 * returns that hover's text and HTML.
 */
async function hoverShows(page, text, expected) {
  const line = page.locator(".monaco-editor .view-line", { hasText: text }).first();
  await line.waitFor({ timeout: STEP_TIMEOUT_MS });
  const hover = page.locator(".monaco-hover", { hasText: expected }).first();
  const started = Date.now();
  // The mouse is moved off and back each try: a hover asked for while the
  // server was still busy may come back empty.
  for (let x = 12; Date.now() - started < STEP_TIMEOUT_MS; x = x === 12 ? 20 : 12) {
    await page.mouse.move(0, 0);
    await line.hover({ position: { x, y: 5 } });
    try {
      await hover.waitFor({ state: "visible", timeout: 3_000 });
      const shown = { text: await hover.innerText(), html: await hover.innerHTML() };
      // Off the text again, so the hover goes and takes nothing with it.
      await page.mouse.move(0, 0);
      return shown;
    } catch {
      // not yet
    }
  }
  const shown = await page.locator(".monaco-hover").allInnerTexts().catch(() => []);
  fail(`no hover showing "${expected}" over "${text}"; hovers shown: ${JSON.stringify(shown)}`);
}

async function openDraft(page, name = "draft.md") {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  // The focused row, not any row: until the list is filtered, Enter would open
  // the editor opened last.
  await page.locator(".quick-input-list .monaco-list-row.focused", { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press("Enter");
  await page.locator(".tab.active", { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * Replaces a settings file's text in VS Code's own JSON editor and saves it,
 * as a user would, then waits until it is on disk at `file`. (Writing the
 * file behind VS Code's back relies on its file watcher, which code-server
 * does not always report in time.)
 */
async function editSettings(page, command, file, value) {
  const text = JSON.stringify(value, null, 2);
  // From the draft, so the settings tab that turns active is the one just opened.
  await openDraft(page);
  await runCommand(page, command);
  const tab = page.locator(".tab.active", { hasText: "settings.json" });
  await tab.waitFor({ timeout: STEP_TIMEOUT_MS });
  const lines = page.locator(".editor-group-container.active .monaco-editor .view-lines").first();
  await lines.filter({ hasText: "{" }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const typeAndSave = async () => {
    await lines.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(text);
    await page.keyboard.press("Control+S");
  };
  await typeAndSave();
  const started = Date.now();
  const saved = () => {
    try {
      return JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8"))) === JSON.stringify(value);
    } catch {
      return false;
    }
  };
  // On a loaded machine keys pressed while the editor is still settling, or
  // while a notification holds the focus, can go unheard: the text is typed
  // and saved again, in the settings editor, every ten seconds until the file
  // is on disk.
  let pressed = started;
  while (!saved()) {
    if (Date.now() - started > STEP_TIMEOUT_MS) fail(`${command}: ${file} was not saved`);
    if (Date.now() - pressed > 10_000) {
      log(`${command}: not saved yet; typing and saving again`);
      await typeAndSave();
      pressed = Date.now();
    }
    await sleep(100);
  }
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press("Enter");
}

async function main() {
  const require = createRequire(path.join(path.resolve(opt.playwright), "package.json"));
  const { chromium } = require("playwright-core");
  prepare();
  installExtension();
  const port = await freePort();
  await startCodeServer(port);
  log(`code-server on 127.0.0.1:${port}`);
  const browser = await chromium.launch({ executablePath: opt.chromium, headless: true, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await run(page);
  } finally {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    log(`screenshot: ${screenshot}; code-server log: ${path.join(work, "code-server.log")}; test log: ${testLog}`);
    await browser.close().catch(() => undefined);
    stopServer();
  }
}

function stopServer() {
  if (serverPid === undefined) return;
  try {
    process.kill(-serverPid, "SIGTERM");
  } catch {
    // already gone
  }
  serverPid = undefined;
}

const overall = setTimeout(() => {
  console.error(`e2e: FAILED: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  stopServer();
  console.log(`e2e: ${passed} passed, 1 failed`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
overall.unref();

main().then(
  () => {
    console.log(`e2e: ${passed} passed, 0 failed`);
    process.exit(0);
  },
  (e) => {
    console.error(`e2e: FAILED: ${e.message}`);
    stopServer();
    console.log(`e2e: ${passed} passed, 1 failed`);
    process.exit(1);
  },
);
