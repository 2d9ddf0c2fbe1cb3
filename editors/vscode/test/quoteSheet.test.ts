/** The quote sheet: how `copydesk speakers` is run, and the Markdown it is shown as. */

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import { quoteSheetMarkdown, runSpeakers } from "../src/quoteSheet";

/** A stand-in binary that echoes its arguments, working folder and stdin, or fails on demand. */
function fakeCopydesk(): { bin: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-sheet-"));
  const bin = path.join(dir, "copydesk");
  fs.writeFileSync(
    bin,
    [
      "#!/bin/sh",
      'if [ "$2" = "fail.md" ] || [ "$(basename "$2")" = "fail.md" ]; then echo "copydesk: error: no such draft" >&2; exit 2; fi',
      'echo "args: $*"',
      'echo "cwd: $(pwd)"',
      'if [ "$2" = "-" ]; then echo "stdin: $(cat)"; fi',
    ].join("\n") + "\n",
    { mode: 0o755 },
  );
  return { bin, dir };
}

test("a saved draft is passed by path and run from its folder (so its copydesk.toml is found)", async () => {
  const { bin, dir } = fakeCopydesk();
  const draft = path.join(dir, "story.md");
  const got = await runSpeakers(bin, { file: draft });
  assert.ok(got.ok);
  assert.match(got.output, new RegExp(`^args: speakers ${draft}$`, "m"));
  assert.match(got.output, new RegExp(`^cwd: ${fs.realpathSync(dir)}$`, "m"));
});

test("an untitled draft goes in on stdin", async () => {
  const { bin, dir } = fakeCopydesk();
  const got = await runSpeakers(bin, { text: "“Hello,” she said.", cwd: dir });
  assert.ok(got.ok);
  assert.match(got.output, /^args: speakers -$/m);
  assert.match(got.output, /^stdin: “Hello,” she said\.$/m);
});

test("a failing run reports the CLI's error; a missing binary reports that it could not run", async () => {
  const { bin, dir } = fakeCopydesk();
  const failed = await runSpeakers(bin, { file: path.join(dir, "fail.md") });
  assert.deepEqual(failed, { ok: false, message: "copydesk speakers failed: copydesk: error: no such draft" });
  const missing = await runSpeakers(path.join(dir, "nothing-here"), { file: path.join(dir, "story.md") });
  assert.equal(missing.ok, false);
  assert.ok(!missing.ok && missing.message.startsWith("could not run"));
});

test("the sheet is the CLI output verbatim in a code block under the draft's name", () => {
  const out = "Quotations\n  #1   line 8    partial  “historic”\n        Helen Okafor (Mayor Helen Okafor said)\n";
  const md = quoteSheetMarkdown("bridge-vote.md", out, false);
  assert.equal(md, `# Quote sheet: bridge-vote.md\n\n\`\`\`text\n${out}\`\`\`\n`);
  assert.ok(!md.includes("unsaved"));
});

test("unsaved changes are flagged, and backticks in the output cannot close the block early", () => {
  const md = quoteSheetMarkdown("a.txt", "the ```code``` quote", true);
  assert.match(md, /unsaved changes/);
  assert.match(md, /\n````text\nthe ```code``` quote\n````\n$/);
});

test("a draft that names its sources keeps each quotation's source line in the sheet, as the CLI prints it", () => {
  // `copydesk speakers` on a draft with `sources:` in its front matter.
  const out = [
    "Quotations",
    "  #1   line 9    full     “We open the doors again on the ninth of November, once the roof is dr…",
    "        Ruth Adeyemi (Adeyemi said)",
    "        source: notes/library-call.txt:4 (close: 14 of 15 words)",
    "  #2   line 11   full     “About four hundred books were lost to the water,”",
    "        Owen Pike (said Owen Pike)",
    "        source: notes/library-call.txt:6",
    "  #3   line 13   full     “Nobody told us the roof was that old,”",
    "        Owen Pike (Pike added)",
    "        source: NOT IN THE SOURCES",
    "",
  ].join("\n");
  const md = quoteSheetMarkdown("library.md", out, false);
  const block = md.split("\n").slice(md.split("\n").indexOf("```text") + 1);
  for (const line of [
    "        source: notes/library-call.txt:4 (close: 14 of 15 words)",
    "        source: notes/library-call.txt:6",
    "        source: NOT IN THE SOURCES",
  ]) {
    assert.ok(block.includes(line), `the sheet's code block lacks ${JSON.stringify(line)}:\n${md}`);
  }
  // Each source line stays under its own quotation.
  const at = (line: string) => block.indexOf(line);
  assert.ok(at("        Ruth Adeyemi (Adeyemi said)") < at("        source: notes/library-call.txt:4 (close: 14 of 15 words)"));
  assert.ok(at("        source: notes/library-call.txt:4 (close: 14 of 15 words)") < at("  #2   line 11   full     “About four hundred books were lost to the water,”"));
});
