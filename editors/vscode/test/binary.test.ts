/** Finding the copydesk binary: the setting first, then PATH, and a message that says how to install it. */

import assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";

import { findCopydesk, INSTALL_HINT, type LookupEnv } from "../src/binary";

function env(over: Partial<LookupEnv>, executables: string[]): LookupEnv {
  return {
    setting: "",
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

test("not on PATH: the message says how to install it and where to point the setting", () => {
  const got = findCopydesk(env({ pathVar: PATH }, []));
  assert.equal(got.found, false);
  assert.ok(!got.found && /not found on PATH/.test(got.message));
  assert.ok(!got.found && got.message.includes("cargo install --path ."));
  assert.ok(!got.found && got.message.includes("copydesk.path"));
  assert.equal(findCopydesk(env({ pathVar: undefined }, [])).found, false);
});

test("on Windows, PATHEXT extensions are tried", () => {
  const dir = "/w/bin";
  const got = findCopydesk(env({ pathVar: dir, pathExt: ".COM;.EXE" }, [path.join(dir, "copydesk.EXE")]));
  assert.deepEqual(got, { found: true, command: path.join(dir, "copydesk.EXE") });
});
