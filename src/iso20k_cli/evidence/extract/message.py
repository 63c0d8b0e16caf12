"""Saved e-mail messages (.eml, RFC 5322 with MIME parts): a record of the day it was sent.

Read by the standard library's parser. The headers an auditor reads first (From, To, Cc,
Date, Subject) open the text, then the body: the plain-text part, else the HTML part's
text. A forwarded message is read the same way after its own headers. Attachments are
listed by name, not read: saved into the folder, they are read as files of their own.

Bounded: the top header block is measured before the parser sees it, a header longer
than :data:`MAX_HEADER_CHARS` is not decoded, and the walk through the parts stops at
:data:`MAX_PARTS` parts or :data:`MAX_DEPTH` levels of nesting.
"""

from __future__ import annotations

import datetime as dt
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime

from iso20k_cli.evidence.extract.base import (
    MAX_TEXT_CHARS,
    Extracted,
    Unreadable,
    metadata_control,
    useful_title,
)
from iso20k_cli.evidence.extract.textfile import decode
from iso20k_cli.evidence.extract.webpage import page_text
from iso20k_cli.evidence.scan import Candidate

MAX_PARTS = 200
MAX_DEPTH = 20
MAX_HEADERS = 500
"""Header fields of one message or part: mail programs write a few dozen."""
MAX_HEADER_BLOCK = 256 * 1024
MAX_HEADER_CHARS = 8_000
"""A header value longer than this is shown cut, never decoded whole."""
_SHOWN = ("From", "To", "Cc", "Date", "Subject")
# "Re:", "Fwd:", "FW:" and their translations (German, Nordic, French, Dutch).
_REPLY_PREFIXES = frozenset({"re", "fw", "fwd", "aw", "wg", "sv", "vs", "tr", "antw", "rif"})
_PREFIX_REACH = 6
_PARSER = BytesParser(policy=policy.default)


def extract(candidate: Candidate) -> Extracted:
    raw = candidate.path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise Unreadable("binary content: not a saved e-mail message")
    _check_header_block(raw)
    raw, cut = _first_parts(raw)
    try:
        message = _PARSER.parsebytes(raw)
    except RecursionError:
        raise Unreadable(
            "its MIME parts are nested too deeply to read (a damaged or crafted message?)"
        ) from None
    if not any(message.get_all(name) for name in ("From", "To", "Date", "Subject")):
        raise Unreadable("no From, To, Date or Subject header: not a saved e-mail message")
    walk = _Walk()
    walk.run(message)
    headers = _header_lines(message)
    lines = [*headers]
    if walk.attachments:
        lines.append("Attachments: " + ", ".join(walk.attachments))
    text = "\n".join(lines) + "\n\n" + "\n\n".join(walk.body)
    subject = _header(message, "Subject")
    sent = _sent(message)
    warnings = list(walk.warnings)
    if cut and not walk.warnings:
        warnings.append(f"only its first {MAX_PARTS} MIME parts were read")
    if message.get_all("Date") and sent is None:
        warnings.append("its Date header could not be read as a date")
    title = useful_title(without_reply_prefix(subject)) if subject else None
    return Extracted(
        text=text[:MAX_TEXT_CHARS],
        title=title,
        title_source="subject" if title else None,
        metadata=metadata_control(owner=_sender(message)),
        record_dates=(sent,) if sent else (),
        warnings=warnings,
    )


def without_reply_prefix(subject: str) -> str:
    """The subject without the "Re:" and "Fwd:" a reply or forward adds, however many:
    the thread is about what the first message said ("CAB approval for RFC-1234")."""
    text = subject.strip()
    while True:
        colon = text.find(":", 0, _PREFIX_REACH)
        if colon < 0:
            return text
        prefix = text[:colon].strip().lower()
        # "Re[2]:", "RE(3):" count replies.
        bracket = min((i for i in (prefix.find("["), prefix.find("(")) if i >= 0), default=-1)
        if bracket > 0:
            prefix = prefix[:bracket]
        if prefix not in _REPLY_PREFIXES:
            return text
        text = text[colon + 1 :].strip()


def _check_header_block(raw: bytes) -> None:
    """The message's own headers are measured before they are parsed: a header block of
    megabytes is a crafted file, and the parser would hold every line of it."""
    ends = [at for sep in (b"\n\n", b"\r\n\r\n") if (at := raw.find(sep, 0, MAX_HEADER_BLOCK)) >= 0]
    block = raw[: min(ends)] if ends else raw[:MAX_HEADER_BLOCK]
    if not ends and len(raw) > MAX_HEADER_BLOCK:
        raise Unreadable(
            f"its headers are longer than {MAX_HEADER_BLOCK // 1024} KB: "
            "not a message a mail program wrote"
        )
    fields = sum(1 for line in block.splitlines() if line[:1] not in (b" ", b"\t", b""))
    if fields > MAX_HEADERS:
        raise Unreadable(f"it has {fields} header lines, more than {MAX_HEADERS}")


def _first_parts(raw: bytes) -> tuple[bytes, bool]:
    """The message up to the boundary line past its first :data:`MAX_PARTS` parts, and
    whether it was cut there: the parser builds every part before any is read (about
    0.2 ms each), so a message of a million tiny parts is cut before it is parsed. Each
    part starts with a boundary line and may end with one; other lines beginning "--"
    (a signature's "-- ") only make the cut earlier."""
    at = 0
    for _ in range(2 * MAX_PARTS + 2):
        at = raw.find(b"\n--", at + 1)
        if at < 0:
            return raw, False
    return raw[: at + 1], True


def _sound(part: Message) -> bool:
    """Whether a part's headers are few and short enough to be decoded."""
    return len(part) <= MAX_HEADERS and all(
        len(str(value)) <= MAX_HEADER_CHARS for _, value in part.raw_items()
    )


def _raw(part: Message, name: str) -> str | None:
    """A header's value as written, before it is decoded."""
    lowered = name.lower()
    for key, value in part.raw_items():
        if key.lower() == lowered:
            return str(value)
    return None


def _header(part: Message, name: str) -> str | None:
    """A header decoded ("=?utf-8?q?...?=" words), a long one only as far as it is shown."""
    raw = _raw(part, name)
    if raw is None:
        return None
    if len(raw) > MAX_HEADER_CHARS:
        raw = raw[:MAX_HEADER_CHARS]
    try:
        value = str(policy.default.header_factory(name, raw))
    except Exception:  # noqa: BLE001 - a malformed header is shown as written
        value = raw
    return " ".join(value.split())


def _header_lines(part: Message) -> list[str]:
    return [f"{name}: {value}" for name in _SHOWN if (value := _header(part, name))]


def _sent(message: Message) -> dt.date | None:
    """The day the message was sent, as the sender's clock read it."""
    raw = _raw(message, "Date")
    if raw is None or len(raw) > 200:
        return None
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _sender(message: Message) -> str | None:
    sender = _header(message, "From")
    if not sender:
        return None
    name, address = parseaddr(sender)
    return name or address or None


class _Walk:
    """The body text and attachment names of a message, part by part, depth first."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.attachments: list[str] = []
        self.warnings: list[str] = []
        self._parts = 0
        self._chars = 0

    def run(self, message: Message) -> None:
        stack: list[tuple[Message, int]] = [(message, 0)]
        while stack:
            part, depth = stack.pop()
            self._parts += 1
            if self._parts > MAX_PARTS:
                self.warnings.append(f"only its first {MAX_PARTS} MIME parts were read")
                return
            if depth > MAX_DEPTH:
                self._warn(f"parts nested more than {MAX_DEPTH} levels deep were not read")
                continue
            if not _sound(part):
                self._warn("a part whose headers are too long was not read")
                continue
            stack.extend((child, depth + 1) for child in reversed(self._children(part)))
            if self._chars >= MAX_TEXT_CHARS:
                return

    def _children(self, part: Message) -> list[Message]:
        """Read ``part`` if it is text; the parts under it to read next."""
        content_type = part.get_content_type()
        name = part.get_filename()
        if name or part.get_content_disposition() == "attachment":
            self.attachments.append(" ".join((name or "unnamed attachment").split())[:200])
            if content_type != "message/rfc822":
                return []
        if content_type == "message/rfc822":
            inner = _payload_parts(part)
            if inner:
                self._add("Forwarded message:\n" + "\n".join(_header_lines(inner[0])))
            return inner[:1]
        if part.is_multipart():
            children = _payload_parts(part)[:MAX_PARTS]
            if content_type == "multipart/alternative":
                return _preferred(children)
            return children
        if content_type == "text/plain":
            self._add(_text(part))
        elif content_type == "text/html":
            self._add(page_text(_text(part)))
        else:
            return []
        if any(type(d).__name__.startswith("InvalidBase64") for d in part.defects):
            self._warn("a base64 part is damaged; its text may be garbled")
        return []

    def _add(self, text: str) -> None:
        text = text.strip()
        if text:
            self.body.append(text)
            self._chars += len(text)

    def _warn(self, warning: str) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)


def _payload_parts(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _preferred(children: list[Message]) -> list[Message]:
    """Of the versions of one body, the plain text, else the HTML, else the last."""
    children = [child for child in children if _sound(child)]
    for wanted in ("text/plain", "text/html"):
        for child in children:
            if child.get_content_type() == wanted:
                return [child]
    return children[-1:]


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    payload = payload[: MAX_TEXT_CHARS * 4]
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset, "replace")
        except LookupError:
            pass  # a charset Python does not know: read it as any other text
    return decode(payload)
