/**
 * Finding the `copydesk` binary: the `copydesk.path` setting, else the binary
 * that comes inside a platform-specific extension (`server/copydesk`), else
 * `copydesk` on PATH. Done here rather than left to the process spawn so that a
 * missing binary gets a message that says how to install it, not a bare ENOENT.
 *
 * No `vscode` import: the lookup is unit-tested with a fake file system.
 */

import * as path from "node:path";
import * as fs from "node:fs";

/** Where the binary was looked for, and what was found. */
export type Lookup =
  | { found: true; command: string }
  | { found: false; message: string };

export interface LookupEnv {
  /** The `copydesk.path` setting (empty or undefined: the bundled binary, else PATH). */
  setting: string | undefined;
  /** The binary inside the extension (`server/copydesk`, `server/copydesk.exe` on Windows). */
  bundled: string | undefined;
  /** The PATH variable. */
  pathVar: string | undefined;
  /** PATHEXT on Windows; undefined elsewhere. */
  pathExt: string | undefined;
  /** The first workspace folder, to resolve a relative `copydesk.path`. */
  workspaceFolder: string | undefined;
  /** The home folder, to expand a leading `~/`. */
  home: string;
  isExecutable: (file: string) => boolean;
}

/** Where a platform-specific extension keeps its binary, relative to the extension's folder. */
export function bundledBinary(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, "server", platform === "win32" ? "copydesk.exe" : "copydesk");
}

/** Shown in a notification, which renders no Markdown: plain quotes, no backticks. */
export const INSTALL_HINT =
  "Install the copydesk extension for your platform (it carries the binary), or install the binary with " +
  '"pipx install copydesk" (or "uv tool install copydesk", or "cargo install --locked copydesk") ' +
  "and put it on PATH, or set copydesk.path to the binary.";

/** Finds the binary, or says why it could not be found and how to install it. */
export function findCopydesk(env: LookupEnv): Lookup {
  const setting = env.setting?.trim();
  if (setting) {
    let file = setting.startsWith("~/") ? path.join(env.home, setting.slice(2)) : setting;
    if (!path.isAbsolute(file) && env.workspaceFolder) {
      file = path.join(env.workspaceFolder, file);
    }
    if (env.isExecutable(file)) {
      return { found: true, command: file };
    }
    return {
      found: false,
      message: `copydesk: the setting copydesk.path is "${setting}", but no executable copydesk is there. ${INSTALL_HINT}`,
    };
  }
  if (env.bundled && env.isExecutable(env.bundled)) {
    return { found: true, command: env.bundled };
  }
  const extensions = env.pathExt ? ["", ...env.pathExt.split(";").filter(Boolean)] : [""];
  for (const dir of (env.pathVar ?? "").split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const ext of extensions) {
      const file = path.join(dir, "copydesk" + ext);
      if (env.isExecutable(file)) {
        return { found: true, command: file };
      }
    }
  }
  return {
    found: false,
    message: `copydesk: this copy of the extension carries no copydesk binary, and none was found on PATH. ${INSTALL_HINT}`,
  };
}

/** True for a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the bundled binary executable if the unpacked extension lost its mode
 * bits (a .vsix is a zip file; not every installer keeps them). Best effort: a
 * binary that still cannot run is reported by the lookup like a missing one.
 */
export function makeExecutable(file: string): void {
  try {
    if (fs.statSync(file).isFile() && !isExecutableFile(file)) {
      fs.chmodSync(file, 0o755);
    }
  } catch {
    // not there: the lookup moves on to PATH
  }
}
