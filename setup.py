"""What pre-commit installs for the copydesk hook (.pre-commit-hooks.yaml,
`language: python`): nothing of its own, only the copydesk package of this
repository's version from PyPI, a wheel that carries the binary, so a newsroom's
pre-commit needs no Rust toolchain. The version is read from Cargo.toml, the one
place it is set.

The copydesk package itself is built with maturin from packaging/pypi/.
"""

import pathlib
import re

from setuptools import setup

cargo = (pathlib.Path(__file__).resolve().parent / "Cargo.toml").read_text(encoding="utf-8")
package = cargo.split("\n[", 1)[0]  # the [package] table comes first
version = re.search(r'^version\s*=\s*"([^"]+)"', package, re.MULTILINE).group(1)

setup(
    name="copydesk-pre-commit",
    version=version,
    description="The copydesk pre-commit hook: installs the copydesk package of the same version.",
    install_requires=[f"copydesk=={version}"],
    py_modules=[],
)
