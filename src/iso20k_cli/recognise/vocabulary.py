"""The lexicon recognition uses: the catalogue's vocabulary, with its genres."""

from __future__ import annotations

from iso20k_cli.catalogue.model import Genre
from iso20k_cli.text.lexicon import COORDINATION, INVERSION, MARKERS, Tokens
from iso20k_cli.text.lexicon import Lexicon as _Lexicon

Lexicon = _Lexicon[Genre]
"""A lexicon whose genre words say which :class:`Genre` a title names."""

__all__ = ["COORDINATION", "INVERSION", "MARKERS", "Lexicon", "Tokens"]
