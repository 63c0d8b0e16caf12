"""The ``iso20k`` command line: one module per command, wired together in app.py.

``iso20k_cli.cli:main`` is the console script's entry point.
"""

from iso20k_cli.cli.app import app, main

__all__ = ["app", "main"]
