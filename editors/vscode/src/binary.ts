/**
 * Finding the `copydesk` binary: the `copydesk.path` setting, else `copydesk`
 * on PATH. Done here rather than left to the process spawn so that a missing
 * binary gets a message that says how to install it, not a bare ENOENT.
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
  /** The `copydesk.path` setting (empty or undefined: use PATH). */
  setting: string | undefined;
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

/** Shown in a notification, which renders no Markdown: plain quotes, no backticks. */
export const INSTALL_HINT =
  'Install it from a copy of the copydesk repository with "cargo install --path .", ' +
  "then put it on PATH or set copydesk.path to the binary.";

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
  return { found: false, message: `copydesk: the copydesk binary was not found on PATH. ${INSTALL_HINT}` };
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
