"""A review cycle as documents state it ("Review frequency: annual", "every 6 months").

The standard asks for reviews at planned intervals; a document that states its own
interval has planned it, so that interval is the one its review is measured against.
Read with string operations: the words are few and the value is bounded.
"""

from __future__ import annotations

MAX_MONTHS = 120  # as the review_interval check allows
_WORDS: dict[str, int] = {
    "monthly": 1,
    "quarterly": 3,
    "annual": 12,
    "annually": 12,
    "yearly": 12,
    "biennial": 24,
    "biennially": 24,
    "triennial": 36,
    "triennially": 36,
}
_PHRASES: tuple[tuple[str, int], ...] = (
    ("semi annual", 6),
    ("half yearly", 6),
    ("twice a year", 6),
    ("twice yearly", 6),
    ("once a year", 12),
    ("every year", 12),
    ("each year", 12),
)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "thirty-six": 36,
}  # fmt: skip
"""Numbers written as words in periods ("three years", "every six months")."""
_UNITS = {"month": 1, "months": 1, "monthly": 1, "year": 12, "years": 12, "yearly": 12}


def review_months(value: str) -> int | None:
    """The interval in months that ``value`` states, or None ("biannual" is ambiguous)."""
    text = " ".join(value.lower().replace("-", " ").replace("(", " ").replace(")", " ").split())
    text = text[:200]
    for phrase, months in _PHRASES:
        if phrase in text:
            return months
    words = [w.strip(".,;:") for w in text.split()]
    for index, word in enumerate(words):
        unit = _UNITS.get(words[index + 1]) if index + 1 < len(words) else None
        number = int(word) if word.isascii() and word.isdigit() else NUMBER_WORDS.get(word)
        if unit is not None and number is not None and 0 < number * unit <= MAX_MONTHS:
            return number * unit
    for word in words:
        if word in _WORDS:
            return _WORDS[word]
    if words[:2] == ["every", "month"]:
        return 1
    return None
