/**
 * The copydesk extension: starts `copydesk lsp` for the configured languages,
 * keeps the server's settings in step with VS Code's, and adds two commands
 * (restart the server; show the current draft's quote sheet beside it).
 *
 * Everything the server does (diagnostics, hovers, quick fixes, outline,
 * rename, inlay hints) comes through vscode-languageclient; this file only
 * wires it up.
 */

import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

import { bundledBinary, findCopydesk, isExecutableFile, makeExecutable, type Lookup } from "./binary";
import { quoteSheetMarkdown, runSpeakers } from "./quoteSheet";
import { toServerSettings, type ServerSettings } from "./settings";
import { logDiagnostics, testLog } from "./testLog";

/** The diagnostics' `source`, and the client's id (so `copydesk.trace.server` is read by the library). */
const ID = "copydesk";
const SHEET_SCHEME = "copydesk-quote-sheet";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
/** The binary a platform-specific extension carries (absent from the universal one). */
let bundled: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("copydesk", { log: true });
  bundled = bundledBinary(context.extensionPath, process.platform);
  makeExecutable(bundled);
  const sheets = new QuoteSheets();
  context.subscriptions.push(
    output,
    logDiagnostics(ID),
    vscode.workspace.registerTextDocumentContentProvider(SHEET_SCHEME, sheets),
    vscode.commands.registerCommand("copydesk.restartServer", () => restart()),
    vscode.commands.registerCommand("copydesk.showQuoteSheet", () => sheets.show()),
    vscode.workspace.onDidChangeConfiguration((e) => onSettingsChanged(e)),
    { dispose: () => void stop() },
  );
  testLog("activated", { path: vscode.workspace.getConfiguration(ID).get("path") });
  await start();
}

export function deactivate(): Promise<void> {
  return stop();
}

/** The server's configuration, read from VS Code's settings for `scope` (a document or folder). */
function serverSettings(scope?: vscode.Uri): ServerSettings {
  const config = vscode.workspace.getConfiguration(ID, scope);
  return toServerSettings({
    rules: config.get("rules"),
    languages: config.get("languages"),
    draftLanguage: config.get("draftLanguage"),
    debounceMs: config.get("debounceMs"),
    maxDocumentBytes: config.get("maxDocumentBytes"),
  });
}

function lookUpBinary(): Lookup {
  return findCopydesk({
    setting: vscode.workspace.getConfiguration(ID).get<string>("path"),
    bundled,
    pathVar: process.env.PATH,
    pathExt: process.platform === "win32" ? process.env.PATHEXT : undefined,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    home: os.homedir(),
    isExecutable: isExecutableFile,
  });
}

/** Shows why the binary is missing, with a button to the setting. */
async function reportMissing(message: string): Promise<void> {
  output.error(message);
  testLog("binaryNotFound", { message });
  const choice = await vscode.window.showErrorMessage(message, "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
  }
}

async function start(): Promise<void> {
  const binary = lookUpBinary();
  if (!binary.found) {
    void reportMissing(binary.message);
    return;
  }
  const settings = serverSettings();
  const serverOptions: ServerOptions = { command: binary.command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    // Only real drafts: not the quote sheet, diffs or other virtual documents.
    documentSelector: settings.languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: settings,
    outputChannel: output,
    middleware: {
      workspace: {
        // The server asks for the `copydesk` section; VS Code's own shape
        // (with "default" rule values and editor-only keys) is not what it reads.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) =>
            item.section === ID ? serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answers[i],
          );
        },
      },
    },
  };
  const next = new LanguageClient(ID, "copydesk", serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
    testLog("serverStarted", { command: binary.command, serverInfo: next.initializeResult?.serverInfo ?? null });
  } catch (e) {
    const message = `copydesk: could not start \`${binary.command} lsp\`: ${e instanceof Error ? e.message : String(e)}`;
    output.error(message);
    testLog("serverFailed", { message });
    void vscode.window.showErrorMessage(message);
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (e) {
      output.warn(`copydesk: stopping the server: ${String(e)}`);
    }
  }
}

/** Stops and starts again, looking the binary up afresh (it may have been installed or moved). */
async function restart(): Promise<void> {
  await stop();
  await start();
}

function onSettingsChanged(e: vscode.ConfigurationChangeEvent): void {
  if (!e.affectsConfiguration(ID)) {
    return;
  }
  testLog("settingsChanged", { path: vscode.workspace.getConfiguration(ID).get("path") });
  // The binary and the document selector are fixed when the client starts.
  if (e.affectsConfiguration(`${ID}.path`) || e.affectsConfiguration(`${ID}.languages`)) {
    void restart();
    return;
  }
  // The server fetches nothing on its own when settings change: push them.
  if (client?.isRunning()) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [ID]: serverSettings() },
    });
  }
}

/**
 * Quote sheets as read-only virtual Markdown documents, one per draft,
 * refreshed each time the command runs.
 */
class QuoteSheets implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  async show(): Promise<void> {
    const draft = vscode.window.activeTextEditor?.document;
    if (!draft || (draft.uri.scheme !== "file" && draft.uri.scheme !== "untitled")) {
      void vscode.window.showInformationMessage("copydesk: open a draft first, then show its quote sheet.");
      return;
    }
    const binary = lookUpBinary();
    if (!binary.found) {
      void reportMissing(binary.message);
      return;
    }
    const onDisk = draft.uri.scheme === "file";
    const result = await runSpeakers(
      binary.command,
      onDisk
        ? { file: draft.uri.fsPath }
        : { text: draft.getText(), cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
    );
    if (!result.ok) {
      output.error(result.message);
      void vscode.window.showErrorMessage(result.message);
      return;
    }
    const name = onDisk ? path.basename(draft.uri.fsPath) : draft.uri.path;
    const text = quoteSheetMarkdown(name, result.output, onDisk && draft.isDirty);
    // The path names the tab; the query keeps two drafts of one name apart.
    const uri = vscode.Uri.from({ scheme: SHEET_SCHEME, path: `/Quote sheet: ${name}`, query: draft.uri.toString() });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), "markdown");
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    testLog("quoteSheet", { draft: draft.uri.toString(), text });
  }
}
