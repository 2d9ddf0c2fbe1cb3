/**
 * The quote sheet: `copydesk speakers` on one draft (every quotation with its
 * speaker, every person with titles, mentions and spellings), wrapped as a
 * Markdown document for a read-only panel beside the draft.
 *
 * No `vscode` import, so the command line and the Markdown are unit-tested
 * against a stand-in binary.
 */

import { spawn } from "node:child_process";
import * as path from "node:path";

/** What to run `speakers` on: a saved file, or text (an untitled document) fed on stdin. */
export type SheetSource = { file: string } | { text: string; cwd: string | undefined };

export type SpeakersResult = { ok: true; output: string } | { ok: false; message: string };

/** Runs `copydesk speakers` and collects its output; never rejects. */
export function runSpeakers(command: string, source: SheetSource, timeoutMs = 30_000): Promise<SpeakersResult> {
  const args = ["speakers", "file" in source ? source.file : "-"];
  const cwd = "file" in source ? path.dirname(source.file) : source.cwd;
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"], timeout: timeoutMs });
    } catch (e) {
      resolve({ ok: false, message: `could not run ${command}: ${String(e)}` });
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => stdout.push(b));
    child.stderr.on("data", (b: Buffer) => stderr.push(b));
    child.on("error", (e) => resolve({ ok: false, message: `could not run ${command}: ${e.message}` }));
    child.on("close", (code, signal) => {
      if (code === 0) {
        resolve({ ok: true, output: Buffer.concat(stdout).toString("utf8") });
        return;
      }
      const why = Buffer.concat(stderr).toString("utf8").trim() || (signal ? `stopped by ${signal}` : `exit code ${code}`);
      resolve({ ok: false, message: `copydesk speakers failed: ${why}` });
    });
    // An early exit closes stdin under us; the close handler reports it.
    child.stdin.on("error", () => undefined);
    child.stdin.end("text" in source ? source.text : undefined);
  });
}

/**
 * The sheet as Markdown: a heading naming the draft, a note when the editor
 * holds changes the sheet does not show, and the CLI's output verbatim in a
 * code block (its columns line up only in a fixed-width font).
 */
export function quoteSheetMarkdown(draftName: string, output: string, unsaved: boolean): string {
  const longestRun = Math.max(2, ...(output.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const note = unsaved ? "> The draft has unsaved changes; this sheet is of the saved file.\n\n" : "";
  const body = output.endsWith("\n") ? output : output + "\n";
  return `# Quote sheet: ${draftName}\n\n${note}${fence}text\n${body}${fence}\n`;
}
