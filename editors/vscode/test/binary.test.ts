/** Finding the copydesk binary: the setting first, then the bundled binary, then PATH, and a message that says how to install it. */

import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";

import { bundledBinary, findCopydesk, INSTALL_HINT, type LookupEnv } from "../src/binary";

function env(over: Partial<LookupEnv>, executables: string[]): LookupEnv {
  return {
    setting: "",
    bundled: undefined,
    pathVar: "",
    pathExt: undefined,
    workspaceFolder: undefined,
    home: "/home/ed",
    isExecutable: (f) => executables.includes(f),
    ...over,
  };
}

const PATH = ["/usr/local/bin", "/opt/tools/bin"].join(path.delimiter);

test("the first copydesk on PATH wins", () => {
  const got = findCopydesk(env({ pathVar: PATH }, ["/opt/tools/bin/copydesk", "/usr/local/bin/copydesk"]));
  assert.deepEqual(got, { found: true, command: "/usr/local/bin/copydesk" });
  const later = findCopydesk(env({ pathVar: PATH }, ["/opt/tools/bin/copydesk"]));
  assert.deepEqual(later, { found: true, command: "/opt/tools/bin/copydesk" });
});

test("copydesk.path overrides PATH, relative to the workspace or the home folder", () => {
  const onPath = ["/usr/local/bin/copydesk"];
  assert.deepEqual(findCopydesk(env({ setting: "/x/copydesk", pathVar: PATH }, [...onPath, "/x/copydesk"])), {
    found: true,
    command: "/x/copydesk",
  });
  assert.deepEqual(
    findCopydesk(env({ setting: "target/debug/copydesk", workspaceFolder: "/ws" }, ["/ws/target/debug/copydesk"])),
    { found: true, command: "/ws/target/debug/copydesk" },
  );
  assert.deepEqual(findCopydesk(env({ setting: "~/bin/copydesk" }, ["/home/ed/bin/copydesk"])), {
    found: true,
    command: "/home/ed/bin/copydesk",
  });
});

test("a copydesk.path that points nowhere is reported, not silently replaced by PATH", () => {
  const got = findCopydesk(env({ setting: "/nope/copydesk", pathVar: PATH }, ["/usr/local/bin/copydesk"]));
  assert.equal(got.found, false);
  assert.ok(!got.found && got.message.includes('"/nope/copydesk"'));
  assert.ok(!got.found && got.message.includes(INSTALL_HINT));
});

test("not bundled and not on PATH: the message says how to install it without a compiler", () => {
  const got = findCopydesk(env({ pathVar: PATH }, []));
  assert.equal(got.found, false);
  assert.ok(!got.found && /carries no copydesk binary, and none was found on PATH/.test(got.message));
  assert.ok(!got.found && got.message.includes("extension for your platform"));
  assert.ok(!got.found && got.message.includes("pipx install copydesk"));
  assert.ok(!got.found && got.message.includes("copydesk.path"));
  assert.equal(findCopydesk(env({ pathVar: undefined }, [])).found, false);
});

const BUNDLED = bundledBinary("/ext/copydesk.copydesk-0.1.0-linux-x64", "linux");

test("the binary a platform-specific extension carries is under server/", () => {
  assert.equal(BUNDLED, path.join("/ext/copydesk.copydesk-0.1.0-linux-x64", "server", "copydesk"));
  assert.equal(bundledBinary("/ext/x", "win32"), path.join("/ext/x", "server", "copydesk.exe"));
});

test("the bundled binary comes before PATH", () => {
  const got = findCopydesk(env({ bundled: BUNDLED, pathVar: PATH }, ["/usr/local/bin/copydesk", BUNDLED]));
  assert.deepEqual(got, { found: true, command: BUNDLED });
  // Alone, with nothing on PATH: what a machine without copydesk installed gets.
  assert.deepEqual(findCopydesk(env({ bundled: BUNDLED, pathVar: undefined }, [BUNDLED])), {
    found: true,
    command: BUNDLED,
  });
});

test("copydesk.path comes before the bundled binary, and is not replaced by it when wrong", () => {
  const got = findCopydesk(env({ setting: "/x/copydesk", bundled: BUNDLED }, ["/x/copydesk", BUNDLED]));
  assert.deepEqual(got, { found: true, command: "/x/copydesk" });
  const wrong = findCopydesk(env({ setting: "/nope/copydesk", bundled: BUNDLED }, [BUNDLED]));
  assert.equal(wrong.found, false);
});

test("a universal extension (no server/ folder) falls back to PATH", () => {
  const got = findCopydesk(env({ bundled: BUNDLED, pathVar: PATH }, ["/opt/tools/bin/copydesk"]));
  assert.deepEqual(got, { found: true, command: "/opt/tools/bin/copydesk" });
});

test("on Windows, PATHEXT extensions are tried", () => {
  const dir = "/w/bin";
  const got = findCopydesk(env({ pathVar: dir, pathExt: ".COM;.EXE" }, [path.join(dir, "copydesk.EXE")]));
  assert.deepEqual(got, { found: true, command: path.join(dir, "copydesk.EXE") });
});
