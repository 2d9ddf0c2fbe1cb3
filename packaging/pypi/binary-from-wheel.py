"""Copies the copydesk binary out of a wheel built by maturin (bindings = "bin"):

    python3 packaging/pypi/binary-from-wheel.py dist/copydesk-*.whl DEST

DEST is a file path (an existing folder gets copydesk or copydesk.exe inside it).
The release and CI package the same binary into the VS Code extension and the
release archives that the wheel carries, so every channel ships one build.
"""

import os
import shutil
import stat
import sys
import zipfile


def main(wheel: str, dest: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = [n for n in z.namelist() if n.split("/")[-2:-1] == ["scripts"] and n.split("/")[-1] in ("copydesk", "copydesk.exe")]
        if len(names) != 1:
            sys.exit(f"{wheel}: expected one copydesk binary under *.data/scripts/, found {names}")
        if os.path.isdir(dest):
            dest = os.path.join(dest, os.path.basename(names[0]))
        with z.open(names[0]) as src, open(dest, "wb") as out:
            shutil.copyfileobj(src, out)
    os.chmod(dest, os.stat(dest).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    print(dest)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
