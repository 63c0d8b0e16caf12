"""The ``iso20k`` command line: one module per command, wired together in app.py.

``iso20k_cli.cli:run`` is the console script's entry point: :func:`main` (which tests
and embedders call, and which ends in ``SystemExit``), then a quick exit.
"""

from iso20k_cli.cli.app import app, main, run

__all__ = ["app", "main", "run"]
