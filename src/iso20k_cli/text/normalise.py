"""Word-level normalisation shared by titles, file names, hints and content."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from unicodedata import combining, normalize

# Split camelCase and "CMDBExport", but not an acronym's plural ("SLAs", "KPIs"), nor a
# name that ends in capitals ("CircleCI" is no configuration item, "GitLabCI" none either).
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z](?:[a-z0-9]|$))|(?<=[A-Z])(?=[A-Z][a-z][a-z])")
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,6})s\b")
# Singular words that end in s: "bias" is not the plural of "BIA", nor "status" of "statu".
_SINGULAR_ENDINGS = ("ss", "is", "us", "as")
# Words whose s is no plural: "news" is not many "new" (a "New Starter" page is no news).
_NO_PLURAL = frozenset({"news", "series"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPELLED_OUT = str.maketrans(
    {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O",
     "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # A light plural fold so that "SLAs", "records", "policies" and "processes" meet
    # their singular; applied to both sides of every comparison, so its imperfections
    # cancel out.
    if len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(_SINGULAR_ENDINGS) or word in _NO_PLURAL:
        return word
    return word[:-1]


# Runs of text between white space, with their words, remembered across a run: a
# body's words repeat (Zipf), so most runs are looked up rather than split again.
_MAX_RUN_CHARS = 64
_MAX_RUNS = 100_000
_RUNS: dict[str, tuple[str, ...]] = {}


def _split(text: str) -> tuple[str, ...]:
    if not text.isascii():
        # "Procédure", "continuité": a letter with an accent is that letter, so French
        # (and other Latin-script) words stay whole and meet the vocabulary's; letters
        # no accent comes off are spelled out ("Maßnahmen", "Sikkerhetsbrudd for Ålesund").
        text = text.translate(_SPELLED_OUT)
        text = "".join(c for c in normalize("NFKD", text) if not combining(c))
    spaced = _CAMEL.sub(" ", _ACRONYM_PLURAL.sub(r"\1", text)).lower().replace("&", " and ")
    return tuple(map(_stem, filter(None, _NON_WORD.split(spaced))))


def words(text: str) -> tuple[str, ...]:
    """Lower-case words of a title, file name or body, with camelCase and separators split.

    Read one run between white space at a time, which gives the same words as the whole
    text at once: white space separates words, and the case rules only look at the
    letters next to each other within a run."""
    runs = text.split()
    found = _RUNS.get
    parts = list(map(found, runs))
    if None in parts:
        if len(_RUNS) >= _MAX_RUNS:
            _RUNS.clear()  # bounded, whatever the text
        for index, part in enumerate(parts):
            if part is None:
                run = runs[index]
                parts[index] = split = _split(run)
                if len(run) <= _MAX_RUN_CHARS:
                    _RUNS[run] = split
    return tuple(chain.from_iterable(parts))  # type: ignore[arg-type]


def find_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> tuple[int, int] | None:
    """Span (start, end) of the first run of ``needle`` words inside ``haystack``."""
    size = len(needle)
    if size == 0 or size > len(haystack):
        return None
    first = needle[0]
    for start, word in enumerate(haystack):
        if word == first and haystack[start : start + size] == needle:
            return start, start + size
    return None


def joined(tokens: tuple[str, ...]) -> str:
    """A form in which a phrase is a substring test: ' a b c '."""
    return f" {' '.join(tokens)} "
