"""The prefix of a ticket number: INC0012345 -> INC, CHG-17 -> CHG, "I 2403 017" -> I.

Read in file names (one numbered record) and in the id columns of exports, both from
untrusted text: a bounded look at the first few characters, no pattern matching.
"""

from __future__ import annotations

_MAX_PREFIX = 6  # letters of a ticket number's prefix (INC, CHG, RITM)


def ticket_prefix(value: str) -> str:
    """The letters before a ticket number's digits: INC0012345 -> INC, CHG-17 -> CHG."""
    head = value.strip()
    # Sampled from every row of an id column: a prefix has at most six letters, so no
    # more than seven characters are looked at before the separators and the number.
    letters = 0
    for char in head[: _MAX_PREFIX + 1]:
        if not char.isalpha():
            break
        letters += 1
    if not letters or letters > _MAX_PREFIX:
        return ""
    rest = head[letters:]
    if not rest[:1].isdigit():
        if rest[:1] not in ("-", "_", " "):
            return ""
        rest = rest.lstrip("-_ ")
        if not rest[:1].isdigit():
            return ""
    return head[:letters].upper()
