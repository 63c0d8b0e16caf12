"""The parts of a Word package that the Word reader uses, read without python-docx.

``docx.Document`` inflates and parses every part a document relates to and wraps
each in an object; most of a small document's reading time went there, above all
to the styles part (python-docx's own template carries 350 KB of it), and
importing python-docx (its element classes registered one by one) took about
45 ms in the main process before the workers start. Here the relationships are
walked as python-docx walks them and the same parts are parsed, by lxml with
nothing resolved or fetched (:mod:`safexml`), except that:

- parts that are never parsed (images, themes, ``stylesWithEffects``) are only
  looked up in the archive's directory, not inflated;
- the styles part is reduced to its style names once per distinct content: the
  documents of one organisation share a handful of templates.

A package of any other shape (no core properties or styles part, a main part
of another type, a relationship that leads nowhere, a part with comments, a
document type or processing instructions, which python-docx's parser keeps or
reads otherwise) is left to python-docx, so what it makes of it, or the error
it raises, stays the reader's answer.
"""

from __future__ import annotations

import hashlib
import posixpath
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from iso20k_cli.evidence.extract import safexml
from iso20k_cli.evidence.extract.wordprops import WordProperties, word_properties
from iso20k_cli.evidence.extract.wordxml import (
    BODY,
    DOCUMENT,
    FTR,
    HDR,
    NAME,
    R_ID,
    SECT_PR,
    STYLE,
    STYLE_ID,
    VAL,
    P,
    W,
)

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_MAIN_TYPE, _STYLES_TYPE = _OFFICE + "document.main+xml", _OFFICE + "styles+xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_IMAGE, _RT_MAIN, _RT_STYLES = _RT + "image", _RT + "officeDocument", _RT + "styles"
_RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
# The parts python-docx parses as XML when it opens a package (its registered part types).
_XML_TYPES = frozenset(
    {
        _CORE_TYPE,
        _OFFICE + "comments+xml",
        _MAIN_TYPE,
        _OFFICE + "footer+xml",
        _OFFICE + "header+xml",
        _OFFICE + "numbering+xml",
        _OFFICE + "settings+xml",
        _STYLES_TYPE,
    }
)
_HEADER_REF, _FOOTER_REF = W + "headerReference", W + "footerReference"
# A part bigger than this is left to python-docx (a document's text is bounded later).
MAX_PART_BYTES = 64 * 1024 * 1024
# A package relating more parts than this is left to python-docx; real documents relate
# a few dozen (more with many images, which are only looked up).
MAX_PARTS = 2_000
# Style names of this many distinct styles parts are kept per process.
_STYLE_CACHE_SIZE = 32
_style_cache: dict[bytes, dict[str, str]] = {}
_LOCAL_HEADER = 30  # bytes of a zip member's local header before its name


class _Declined(Exception):
    """The package is not of the plain shape read here."""


@dataclass(frozen=True)
class _Rel:
    rid: str
    reltype: str
    target: str
    """The absolute part name, as python-docx resolves it."""


@dataclass
class WordPackage:
    body: Any
    """The document's ``w:body`` element."""
    style_names: dict[str, str]
    """Lower-cased style name by style id, of every style the styles part defines."""
    core: WordProperties
    headers_footers: list[Any]
    """The header and then the footer (``w:hdr``, ``w:ftr``) of each section, where it
    shows one."""


def _sections(document: Any) -> list[Any]:
    """``CT_Document.sectPr_lst`` (``w:body/w:p/w:pPr/w:sectPr | w:body/w:sectPr``), in
    document order; declined when a section's properties stand anywhere else, where
    python-docx's "preceding section" would find them too."""
    found = []
    for sect_pr in document.iter(SECT_PR):
        parent = sect_pr.getparent()
        if parent.tag == W + "pPr":
            paragraph = parent.getparent()
            if paragraph.tag != P:
                raise _Declined
            parent = paragraph.getparent()
        if parent.tag != BODY or parent.getparent() is None or parent.getparent().tag != DOCUMENT:
            raise _Declined
        found.append(sect_pr)
    return found


def _header_footer(
    sections: list[Any], index: int, footer: bool, parts: dict[str, Any]
) -> Any | None:
    """The default header (or footer) a section shows: its own or, as python-docx
    resolves it, that of the nearest section before it that has one."""
    tag = _FOOTER_REF if footer else _HEADER_REF
    for current in reversed(sections[: index + 1]):
        ref = next((r for r in current.iterchildren(tag) if r.get(W + "type") == "default"), None)
        if ref is not None:
            rid = ref.get(R_ID)
            part = parts.get(rid) if rid is not None else None
            if part is None or part.tag not in (HDR, FTR):
                raise _Declined
            return part
    return None


def read_package(path: Path) -> WordPackage | None:
    """The package's parts, or None when python-docx should read it instead."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive)
    except Exception:  # noqa: BLE001 - python-docx reads it again and says what is wrong
        return None


def _read(archive: zipfile.ZipFile) -> WordPackage:
    members = set(archive.namelist())
    overrides, defaults = _content_types(archive.read("[Content_Types].xml"))

    def content_type(partname: str) -> str:
        found = overrides.get(partname.lower())
        if found is None:
            found = defaults.get(posixpath.splitext(partname)[1][1:].lower())
        if found is None:
            raise _Declined
        return found

    package_rels = _rels(archive, members, "/")
    parsed: dict[str, etree._Element] = {}
    rels_of: dict[str, list[_Rel]] = {"/": package_rels}
    names: dict[str, str] | None = None
    # Depth first, in relationship order, visiting each part once: python-docx's walk.
    stack = [iter(package_rels)]
    visited: set[str] = set()
    while stack:
        rel = next(stack[-1], None)
        if rel is None:
            stack.pop()
            continue
        if rel.target in visited:
            continue
        visited.add(rel.target)
        if len(visited) > MAX_PARTS or rel.target[1:] not in members:
            raise _Declined
        rels_of[rel.target] = _rels(archive, members, rel.target)
        stack.append(iter(rels_of[rel.target]))
        kind = content_type(rel.target)
        if rel.reltype == _RT_IMAGE:
            continue  # python-docx keeps an image as bytes, whatever its stated type
        if kind == _STYLES_TYPE:
            if names is not None:
                raise _Declined
            names = _style_names(archive, rel.target[1:])
        elif kind in _XML_TYPES:
            parsed[rel.target] = _parse(_blob(archive, rel.target[1:]))

    main = _only(package_rels, _RT_MAIN)
    core = _only(package_rels, _RT_CORE)
    if content_type(main.target) != _MAIN_TYPE:
        raise _Declined
    if content_type(core.target) != _CORE_TYPE:
        raise _Declined
    styles = _only(rels_of[main.target], _RT_STYLES)
    document, core_element = parsed.get(main.target), parsed.get(core.target)
    if document is None or document.tag != DOCUMENT or core_element is None:
        raise _Declined
    body = document.find(BODY)
    if body is None:
        raise _Declined
    if names is None or content_type(styles.target) != _STYLES_TYPE:
        raise _Declined
    related = {rel.rid: parsed[rel.target] for rel in rels_of[main.target] if rel.target in parsed}
    sections = _sections(document)
    headers_footers = [
        part
        for index in range(len(sections))
        for footer in (False, True)
        if (part := _header_footer(sections, index, footer, related)) is not None
    ]
    return WordPackage(
        body=body,
        style_names=names,
        core=word_properties(core_element),
        headers_footers=headers_footers,
    )


def _blob(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise _Declined
    return archive.read(name)


def _parse(blob: bytes) -> Any:
    """A part parsed as python-docx's parser reads it, when certainly alike: that parser
    keeps comments and processing instructions and drops blank text between elements."""
    body = blob[3:] if blob.startswith(b"\xef\xbb\xbf") else blob
    declarations = body.count(b"<?")
    if b"<!" in body or declarations > 1 or (declarations == 1 and not body.startswith(b"<?xml")):
        raise _Declined
    return etree.fromstring(blob, safexml.parser())


def _only(rels: list[_Rel], reltype: str) -> _Rel:
    found = [rel for rel in rels if rel.reltype == reltype]
    if len(found) != 1:
        raise _Declined
    return found[0]


def _content_types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    root = _parse(blob)
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for child in root:
        if child.tag == _TYPES + "Override":
            overrides[(child.get("PartName") or "").lower()] = child.get("ContentType") or ""
        elif child.tag == _TYPES + "Default":
            defaults[(child.get("Extension") or "").lower()] = child.get("ContentType") or ""
    return overrides, defaults


def _rels(archive: zipfile.ZipFile, members: set[str], partname: str) -> list[_Rel]:
    """The internal relationships of a part, targets resolved as python-docx resolves them."""
    base, name = posixpath.split(partname)
    member = posixpath.join(base, "_rels", f"{name}.rels")[1:]
    if member not in members:
        return []
    found = []
    for element in _parse(_blob(archive, member)):
        if element.tag != _RELS:
            continue
        rid, reltype, target = element.get("Id"), element.get("Type"), element.get("Target")
        if rid is None or reltype is None or target is None:
            raise _Declined
        if element.get("TargetMode") == "External":
            continue
        found.append(_Rel(rid, reltype, posixpath.normpath(posixpath.join(base, target))))
    return found


def _stored(archive: zipfile.ZipFile, name: str) -> bytes:
    """What reading a member depends on, as stored: its directory entry's fields, its
    local header and its compressed data. Equal for two members, reading them gives
    the same bytes, or the same error: the same CRC is checked on the same data."""
    info = archive.getinfo(name)
    if max(info.file_size, info.compress_size) > MAX_PART_BYTES or archive.fp is None:
        raise _Declined
    stream = archive.fp
    stream.seek(info.header_offset)
    header = stream.read(_LOCAL_HEADER)
    if len(header) != _LOCAL_HEADER:
        raise _Declined
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    stored = stream.read(name_length + extra_length + info.compress_size)
    entry = (info.filename, info.flag_bits, info.compress_type, info.CRC, info.file_size)
    return repr(entry).encode() + header + stored


def _style_names(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Paragraph style names by style id, lower-cased; ids are localised ("berschrift1")
    while names of built-in styles are stored in English ("heading 1"), so names decide.

    A styles part stored as one read before (a template's) is not inflated again: its
    names are known, and reading it would give the same bytes."""
    key = hashlib.blake2b(_stored(archive, name), digest_size=20).digest()
    names = _style_cache.get(key)
    if names is None:
        names = {}
        for style in _parse(_blob(archive, name)).iterchildren(STYLE):
            style_id = style.get(STYLE_ID)
            if style_id:
                names[style_id] = _style_name(style)
        if len(_style_cache) >= _STYLE_CACHE_SIZE:
            _style_cache.pop(next(iter(_style_cache)))
        _style_cache[key] = names
    return names


def _style_name(style: Any) -> str:
    name = style.find(NAME)
    value = name.get(VAL) if name is not None else None
    if name is not None and value is None:
        raise _Declined  # python-docx complains of a nameless name
    return str(value or "").lower()
