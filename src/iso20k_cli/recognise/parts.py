"""The labelled parts a record is laid out in: the headings and the bold or colon-ended
labels at the start of its lines ("## Timeline", "- **Impact**:", "Root cause: …").

A post-incident review is known by its parts as much as by its name: an incident
report with an impact, a resolution and the actions agreed at its review is one,
whatever the file is called. Read line by line with string operations over a bounded
opening, so a hostile text costs linear time.
"""

from __future__ import annotations

from iso20k_cli.recognise.vocabulary import Lexicon, Tokens
from iso20k_cli.text.normalise import find_phrase

MAX_LABEL_LINES = 2000
MAX_LABEL_CHARS = 40_000
_MAX_LABEL_WORDS = 6
_LINE_MARKS = "#-*+> \t"


def labels(lexicon: Lexicon, text: str) -> list[Tokens]:
    """The words of each line's label: a heading, a bold lead-in, or the words before a
    colon near the start of the line; long ones are sentences, not labels."""
    found: list[Tokens] = []
    for raw in text[:MAX_LABEL_CHARS].split("\n", MAX_LABEL_LINES)[:MAX_LABEL_LINES]:
        heading = raw.startswith("#")
        line = raw.lstrip(_LINE_MARKS)
        if line.startswith("**"):
            end = line.find("**", 2)
            label = line[2:end] if end > 0 else ""
        elif heading:
            label = line
        else:
            label, colon, _ = line.partition(":")
            if not colon:
                continue
        if 0 < len(label.split()) <= _MAX_LABEL_WORDS:
            found.append(lexicon.cached(label.strip().rstrip(":")))
    return found


def parts_named(parts: tuple[Tokens, ...], found: list[Tokens]) -> list[str]:
    """The labels, each once, that name one of ``parts``: "Actions following review"
    and "Review actions" are both the actions, and a label counts once however often
    it repeats."""
    named: dict[Tokens, None] = {}
    for label in found:
        if label not in named and any(find_phrase(label, part) is not None for part in parts):
            named[label] = None
    return [" ".join(label) for label in named]
