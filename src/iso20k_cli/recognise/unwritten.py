"""Documents that have the shape of evidence but not yet its substance.

Two kinds reach a gap analysis from real folders: a template whose instructions in
brackets are still there ("[list the critical services …]", "[job title]"), and an
outline that gives a plan's headings but no sentence under any of them. An auditor
accepts neither as the documented procedure or plan it is named for. Both are read
with string operations in one pass, so a hostile text costs linear time.
"""

from __future__ import annotations

# Instructions a template writer leaves for the person filling it in: the first word
# in the brackets. Names of things ("[Company]") are left out on purpose: a policy set
# whose only blanks are the company's name is otherwise written.
_FILL_IN_WORDS = frozenset(
    {
        "add", "amount", "choose", "define", "describe", "enter", "fill", "identify",
        "include", "insert", "job", "list", "name", "paste", "person", "persons",
        "placeholder", "provide", "select", "set", "specify", "state", "tbd", "tbc",
        "todo", "xxx", "your",
    }
)  # fmt: skip
_PAIRS = {"[": "]", "<": ">"}
_MAX_FILL_IN_CHARS = 160
# Placeholders that make a file an unfilled template: at least this many, and at
# least one in this many words (a long handbook with two "[your team]" stays a handbook).
MIN_FILL_INS = 5
WORDS_PER_FILL_IN = 300
# An outline: this few words and not one sentence among them.
OUTLINE_MAX_WORDS = 150
# Lines with this many cell separators ("|", a tab) are a table's rows; this many such
# rows make the text a table, whatever else it lacks.
_ROW_SEPARATORS = 2
_TABLE_ROWS = 3
_SENTENCE_MIN_WORDS = 6


def fill_ins(text: str) -> list[str]:
    """Bracketed instructions still waiting to be filled in, in order of appearance."""
    found: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        opening = _next_opening(text, index)
        if opening < 0:
            break
        closing_char = _PAIRS[text[opening]]
        limit = min(length, opening + 1 + _MAX_FILL_IN_CHARS + 1)
        closing = text.find(closing_char, opening + 1, limit)
        inner = text[opening + 1 : closing] if closing > 0 else ""
        if closing < 0 or "\n" in inner or text[opening + 1 : closing].count(text[opening]):
            index = opening + 1
            continue
        after = text[closing + 1 : closing + 2]
        words = inner.replace("/", " ").split()
        if (
            after not in ("(", "[", ":")
            and words
            and words[0].lower().strip(".,:;") in _FILL_IN_WORDS
        ):
            found.append(inner.strip())
        index = closing + 1
    return found


def _next_opening(text: str, start: int) -> int:
    square = text.find("[", start)
    angle = text.find("<", start)
    if square < 0:
        return angle
    if angle < 0:
        return square
    return min(square, angle)


def unfilled_template(text: str) -> str | None:
    """Why the text is a template still to be filled in, or None."""
    blanks = fill_ins(text)
    if len(blanks) >= MIN_FILL_INS and len(blanks) * WORDS_PER_FILL_IN >= len(text.split()):
        return (
            f"it is a template still to be filled in ({len(blanks)} blanks such as "
            f"'[{blanks[0][:60]}]')"
        )
    return None


def is_outline(text: str) -> bool:
    """Whether a short text is only headings and fragments: no sentence of six words or
    more ending in a full stop, a question or an exclamation mark.

    A line break ends a fragment when the next line starts afresh (a capital, a digit,
    a list mark or a heading); prose wrapped by hand goes on in lower case.
    """
    if len(text.split(None, OUTLINE_MAX_WORDS)) > OUTLINE_MAX_WORDS:
        return False
    run = rows = 0
    for line in text.splitlines():
        if line.count("|") + line.count("\t") >= _ROW_SEPARATORS:
            rows += 1
            if rows >= _TABLE_ROWS:
                return False  # a table printed as text: a catalogue's rows, not headings
        words = line.split()
        if not words or not words[0][0].islower():
            run = 0
        for word in words:
            run += 1
            if word[-1] in ".!?" and run >= _SENTENCE_MIN_WORDS and not _abbreviation(word):
                return False
            if word[-1] in ".!?:;":
                run = 0
    return True


def _abbreviation(word: str) -> bool:
    # "e.g." and "1." end in a full stop without ending a sentence.
    core = word.rstrip(".!?")
    return "." in core or core.isdigit()


# An index page: at least this many lines, and this share of its lines, are list items
# that link elsewhere.
_INDEX_MIN_LINKS = 5
_INDEX_SHARE = 0.6
_INDEX_MAX_LINES = 400


def is_index(text: str) -> bool:
    """Whether a page is a list of links to other documents ("Information Security
    Policies" linking each policy): a table of contents, not the documents it lists.

    Read line by line with string operations, over a bounded number of lines.
    """
    lines = 0
    links = 0
    for raw in text.split("\n", _INDEX_MAX_LINES)[:_INDEX_MAX_LINES]:
        line = raw.strip()
        if not line or line.startswith("#") or line == "---":
            continue
        lines += 1
        # An entry that is a link and nothing more ("- [Access control policy](access.md)");
        # a change log's entries are sentences that cite their pull requests.
        entry = line.lstrip("-*+0123456789.) ")
        listed = len(entry) < len(line)
        if listed and entry.startswith("[") and entry.endswith(")") and entry.count("](") == 1:
            links += 1
    return links >= _INDEX_MIN_LINKS and links >= _INDEX_SHARE * lines
