"""The parts of a title: what it says before its dash or colon, its aside in brackets,
and whether it says more than what kind of document it is.

The part before a dash is what a document is on: "Configuration Management — CI Types and
Verification". A title may name the record before its subject: "Test Report - BCP" is a
BCP test report, "Drill Report – DR" a DR drill report.

A title is turned round only where it counts for nothing as written, and only for
records (reports, minutes): a policy or procedure that opens with its genre word is read by
the genre rules.
String operations over a short title; nothing here can backtrack.
"""

from __future__ import annotations

from iso20k_cli.catalogue.model import Genre
from iso20k_cli.recognise.genre import GenreWord, genre_words
from iso20k_cli.recognise.vocabulary import INVERSION, MARKERS, Lexicon, Tokens
from iso20k_cli.text.normalise import words as split_words

_SEPARATORS = (" - ", " – ", " — ", ": ")
_RECORDS = frozenset({Genre.REPORT, Genre.MINUTES})


def record_first(lexicon: Lexicon, title: str) -> tuple[Tokens, int]:
    """The title turned round ("BCP Test Report") and where its old start now stands, or
    nothing where it is not of the form "<what> <record word> - <subject>" with a subject
    that says no genre of its own."""
    left, right = _split(title)
    if not right:
        return (), 0
    before, after = lexicon.cached(left), lexicon.cached(right)
    words = genre_words(lexicon, before)
    own = words_of(right)
    # The plan in "BCP" is what the abbreviation stands for, not a genre the subject says.
    says = [w for w in genre_words(lexicon, after) if set(after[w.start : w.end]) <= own]
    if not words or not after or says:
        return (), 0
    last = words[-1]
    if last.end != len(before) or last.start == 0 or last.genre not in _RECORDS:
        # "Report - BCP" says no more than "BCP Report"; the turn needs what was done.
        return (), 0
    return after + before, len(after)


def first_part(lexicon: Lexicon, title: str, tokens: Tokens) -> int:
    """How many of ``tokens`` (the whole title's) come before its first separator, or 0:
    in "Configuration Management — CI Types and Verification" the document is on
    configuration management, and what follows the dash says which parts of it."""
    left, right = _split(title)
    if not right:
        return 0
    head = lexicon.cached(left)
    return len(head) if head and tokens[: len(head)] == head else 0


def words_of(text: str) -> frozenset[str]:
    return frozenset(split_words(text))


def _split(title: str) -> tuple[str, str]:
    for separator in _SEPARATORS:
        left, found, right = title.partition(separator)
        if found:
            return left.strip(), right.strip()
    return title, ""


def only_genre(title: Tokens, words: tuple[GenreWord, ...]) -> bool:
    """Whether a title says only what kind of document it is ("Minutes", "Report",
    "Schedule 2"): genre words, numbers and nothing else."""
    if not words:
        return False
    covered = {i for w in words for i in range(w.start, w.end)}
    return all(i in covered or word[0].isdigit() or word in MARKERS for i, word in enumerate(title))


def without_aside(title: str) -> str:
    """A title without the aside in brackets at its end: "IT Security Policy (Overview)"
    is the policy, "Incident Commander (IC)" the commander."""
    if title.endswith(")") and (start := title.rfind("(")) > 0:
        return title[:start].rstrip(" -–:") or title
    return title


def aside(title: str) -> str:
    """The aside in brackets at the end of a title: "(CSI register)", "(Overview)"."""
    title = title.strip()
    if title.endswith(")") and (start := title.rfind("(")) > 0:
        return title[start + 1 : -1].strip()
    return ""


_REFERENCE_JOINS = "-_."
_MAX_REFERENCE_CHARS = 32


def reference_last(lexicon: Lexicon, text: str) -> str:
    """``text`` with a leading document reference moved to its end as the genre word it
    opens on ("SOP-ITSM-01 Incident Management" is an incident management SOP: "ITSM" is
    the reference's series, not more of the subject), or left out when it opens on none
    ("PR-06 Procedimiento de …"). Anything else is returned as it is."""
    first, space, rest = text.strip().partition(" ")
    if not space or not rest.strip() or len(first) > _MAX_REFERENCE_CHARS:
        return text
    if not any(c.isdigit() for c in first) or not first[:1].isalpha():
        return text
    letters = first
    for join in _REFERENCE_JOINS:
        letters = letters.split(join, 1)[0]
    if not letters.isalpha() or len(letters) == len(first):
        return text
    tokens = lexicon.cached(letters)
    words = genre_words(lexicon, tokens)
    if len(words) != 1 or (words[0].start, words[0].end) != (0, len(tokens)):
        # "PR-06 Procedimiento de Gestión de Cambios": a reference that says no genre
        # only stands before the title, which opens on its own genre word. A word the
        # vocabulary reads ("SEV-1" is a major incident) is no reference.
        # A stop word inside it ("PR-TI-03", "TI" being IT) leaves it as opaque.
        raw = tuple(split_words(first))
        own = lexicon.cached(first)
        opaque = (
            bool(own) and set(own) <= set(raw) and lexicon.cached(text.strip())[: len(own)] == own
        )
        said = lexicon.cached(rest)
        subject = {t for i, t in enumerate(tokens) if not any(w.start <= i < w.end for w in words)}
        if words and subject <= set(said) and genre_words(lexicon, said):
            # "SMP-001 Service Management Policy": a series whose letters the vocabulary
            # spells out (a service management plan) is no more than the title says
            # itself, genre apart. "BCP-02 Test Report" is a continuity test's report.
            return rest.strip()
        return rest.strip() if opaque else text
    # "SOP-110 Change Management for Client Environments": the genre word goes after the
    # subject, before what the subject is for, so that it still heads it. A title that
    # opens on an act ("Testing Continuity of …") is about the act: it keeps it at the end.
    kept = rest.split()
    at = next(
        (i for i, word in enumerate(kept) if i and lexicon.cached(word) == (INVERSION,)),
        len(kept),
    )
    if kept[0].lower().endswith("ing"):
        at = len(kept)
    return " ".join([*kept[:at], letters, *kept[at:]])
