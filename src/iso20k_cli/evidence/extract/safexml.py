"""XML parts of an untrusted file, parsed by lxml with nothing resolved or fetched.

Office packages are XML. Left to its defaults, lxml would resolve entities, load a
document type and build trees of any size; every reader of a package's parts takes its
parser here, so that no part is ever parsed otherwise.
"""

from __future__ import annotations

from typing import IO, Any, Literal, TypedDict

from lxml import etree

Event = Literal["start", "end"]


class _Untrusted(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool


_UNTRUSTED: _Untrusted = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}


def parser() -> Any:
    """A parser for a whole part, comments and processing instructions left out."""
    return etree.XMLParser(remove_comments=True, remove_pis=True, **_UNTRUSTED)


def iterparse(
    source: IO[bytes],
    events: tuple[Event, ...],
    tag: str | tuple[str, ...],
    *,
    leave_out_comments: bool = False,
) -> Any:
    """A part's elements ``tag`` as they end (or start), read as a stream."""
    return etree.iterparse(
        source,
        events=events,
        tag=tag,
        remove_comments=leave_out_comments,
        remove_pis=leave_out_comments,
        **_UNTRUSTED,
    )


def pull_parser(events: tuple[Event, ...], tag: str | tuple[str, ...]) -> Any:
    """A parser fed a part a chunk at a time, for reading only its start."""
    return etree.XMLPullParser(events=events, tag=tag, **_UNTRUSTED)
