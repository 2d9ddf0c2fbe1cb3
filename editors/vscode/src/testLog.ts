/**
 * A test-only record of what reached VS Code, for the end-to-end test that
 * drives a real VS Code in a browser: with `COPYDESK_TEST_LOG=/some/file` set
 * in the extension host's environment, every change of copydesk's diagnostics
 * (and a few lifecycle events) is appended to that file as one JSON object per
 * line. Reading the editor's own diagnostics API, not the screen, lets the
 * test assert rule ids, severities, lines, messages and related locations
 * exactly.
 *
 * Unset (every real use), nothing is registered and nothing is written.
 */

import * as fs from "node:fs";
import * as vscode from "vscode";

const file = process.env.COPYDESK_TEST_LOG;

/** Appends one event to the test log, if there is one. */
export function testLog(event: string, fields: Record<string, unknown> = {}): void {
  if (!file) {
    return;
  }
  fs.appendFileSync(file, JSON.stringify({ event, ...fields }) + "\n");
}

/** Logs every change to copydesk's diagnostics, including a document's last one going away. */
export function logDiagnostics(source: string): vscode.Disposable {
  if (!file) {
    return new vscode.Disposable(() => undefined);
  }
  const withFindings = new Set<string>();
  return vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) {
      const key = uri.toString();
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
      if (ours.length === 0 && !withFindings.has(key)) {
        continue;
      }
      if (ours.length === 0) {
        withFindings.delete(key);
      } else {
        withFindings.add(key);
      }
      testLog("diagnostics", {
        uri: key,
        diagnostics: ours.map((d) => ({
          code: typeof d.code === "object" ? String(d.code.value) : d.code === undefined ? null : String(d.code),
          severity: vscode.DiagnosticSeverity[d.severity].toLowerCase(),
          line: d.range.start.line,
          character: d.range.start.character,
          message: d.message,
          related: (d.relatedInformation ?? []).map((r) => ({
            uri: r.location.uri.toString(),
            line: r.location.range.start.line,
            character: r.location.range.start.character,
            endLine: r.location.range.end.line,
            endCharacter: r.location.range.end.character,
            message: r.message,
          })),
        })),
      });
    }
  });
}
