"""Conditional requirements (``applies_when``): whether an item applies, and nil returns.

An item that arises only where something exists or happened (a contractual dispute,
an internal supplier) is judged normally when the configuration says the condition
holds, left out when it says it does not, and otherwise becomes a question for the
interview, unless its evidence is an explicit nil return ("no disputes this period").
"""

from __future__ import annotations

from iso20k_cli.catalogue.model import AppliesWhen, Item
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import Link
from iso20k_cli.settings.config import Settings

NIL_PHRASES = (
    "none this period",
    "none in this period",
    "none during this period",
    "none in the period",
    "nil return",
    "nothing to record this period",
    "nothing to report this period",
    "no entries this period",
)
"""Generic words of an explicit nil return; an item may add its own (``none_phrases``)."""

MAX_NIL_TEXT = 20_000
"""Characters of a file or section read for a nil return: one is a short statement, and a
log long enough to pass this bound holds entries, not the absence of them."""


def answer(item: Item, settings: Settings) -> bool | None:
    """The configuration's answer to the item's condition; None when it gives none."""
    if item.applies_when is None:
        return True
    return settings.conditions.get(item.applies_when.condition)


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def _evidence_text(link: Link, file: EvidenceFile) -> str:
    """The text the link points at: its section when it names one, else the whole file."""
    if link.section is not None:
        for section in file.sections:
            if section.label == link.section:
                end = section.end if section.end > section.start else len(file.text)
                return file.text[section.start : min(end, section.start + MAX_NIL_TEXT)]
    return file.text[:MAX_NIL_TEXT]


def nil_return(
    when: AppliesWhen, links: list[Link], by_path: dict[str, EvidenceFile]
) -> str | None:
    """The path of counted evidence that states there was nothing to record, if any."""
    phrases = tuple(_normalised(p) for p in (*NIL_PHRASES, *when.none_phrases))
    for link in links:
        file = by_path.get(link.path)
        if not link.counted or file is None:
            continue
        text = _normalised(_evidence_text(link, file))
        if any(phrase in text for phrase in phrases):
            return link.path
    return None


def not_applicable_reason(when: AppliesWhen) -> str:
    return (
        f"does not apply: the configuration answers no to '{when.question}' "
        f"(conditions: {when.condition}: false)"
    )
