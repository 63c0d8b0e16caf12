"""Time the tool as it runs once installed: with its bytecode compiled.

``pip install`` compiles every module it installs. A checkout run with
PYTHONDONTWRITEBYTECODE set (as some containers and CI images are) never writes
bytecode, so each run of ``iso20k`` compiles every module changed since the last
bytecode was written, and the benchmark would time the compiler. Each benchmark calls
:func:`compile_package` once before it times anything.
"""

from __future__ import annotations

import compileall
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "iso20k_cli"


def compile_package() -> None:
    """Write the bytecode of every module of the checkout's package, as pip would."""
    compileall.compile_dir(PACKAGE, quiet=1)
