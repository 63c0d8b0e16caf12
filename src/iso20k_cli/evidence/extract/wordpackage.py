"""The parts of a Word package that the Word reader uses, read without python-docx's
package model.

``docx.Document`` inflates and parses every part a document relates to and wraps
each in an object; most of a small document's reading time went there, above all
to the styles part (python-docx's own template carries 350 KB of it). Here the
relationships are walked the same way and the same parts are parsed, with the
same parser and element classes, except that:

- parts that are never parsed (images, themes, ``stylesWithEffects``) are only
  looked up in the archive's directory, not inflated;
- the styles part is reduced to its style names once per distinct content: the
  documents of one organisation share a handful of templates.

A package of any other shape (no core properties or styles part, a main part
of another type, a relationship that leads nowhere) is left to python-docx, so
what it makes of it, or the error it raises, stays the reader's answer.
"""

from __future__ import annotations

import hashlib
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.oxml.coreprops import CT_CoreProperties
from docx.oxml.document import CT_Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.section import CT_HdrFtr, CT_SectPr
from docx.oxml.styles import CT_Style
from lxml import etree

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_STYLE, _STYLE_ID, _NAME, _VAL = qn("w:style"), qn("w:styleId"), qn("w:name"), qn("w:val")
# The parts python-docx parses as XML when it opens a package (its registered part types).
_XML_TYPES = frozenset(
    {
        CT.OPC_CORE_PROPERTIES,
        CT.WML_COMMENTS,
        CT.WML_DOCUMENT_MAIN,
        CT.WML_FOOTER,
        CT.WML_HEADER,
        CT.WML_NUMBERING,
        CT.WML_SETTINGS,
        CT.WML_STYLES,
    }
)
# A package relating more parts than this is left to python-docx; real documents relate
# a few dozen (more with many images, which are only looked up).
MAX_PARTS = 2_000
# Style names of this many distinct styles parts are kept per process.
_STYLE_CACHE_SIZE = 32
_style_cache: dict[bytes, dict[str, str]] = {}


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
    document: CT_Document
    style_names: dict[str, str]
    """Lower-cased style name by style id, of every style the styles part defines."""
    core: CoreProperties
    headers_footers: list[CT_HdrFtr]
    """The header and then the footer of each section, where it shows one."""


def _header_footer(
    sect_pr: CT_SectPr, footer: bool, parts: dict[str, etree._Element]
) -> CT_HdrFtr | None:
    """The default header (or footer) a section shows: its own or, as python-docx
    resolves it, that of the nearest section before it that has one."""
    current: CT_SectPr | None = sect_pr
    while current is not None:
        ref = (
            current.get_footerReference(WD_HEADER_FOOTER.PRIMARY)
            if footer
            else current.get_headerReference(WD_HEADER_FOOTER.PRIMARY)
        )
        if ref is not None:
            part = parts.get(ref.rId)
            if not isinstance(part, CT_HdrFtr):
                raise _Declined
            return part
        current = current.preceding_sectPr
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
    styles_blob: bytes | None = None
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
        if rel.reltype == RT.IMAGE:
            continue  # python-docx keeps an image as bytes, whatever its stated type
        if kind == CT.WML_STYLES:
            if styles_blob is not None:
                raise _Declined
            styles_blob = archive.read(rel.target[1:])
        elif kind in _XML_TYPES:
            parsed[rel.target] = parse_xml(archive.read(rel.target[1:]))

    main = _only(package_rels, RT.OFFICE_DOCUMENT)
    core = _only(package_rels, RT.CORE_PROPERTIES)
    if content_type(main.target) != CT.WML_DOCUMENT_MAIN:
        raise _Declined
    if content_type(core.target) != CT.OPC_CORE_PROPERTIES:
        raise _Declined
    styles = _only(rels_of[main.target], RT.STYLES)
    document, core_element = parsed.get(main.target), parsed.get(core.target)
    if not isinstance(document, CT_Document) or not isinstance(core_element, CT_CoreProperties):
        raise _Declined
    if styles_blob is None or content_type(styles.target) != CT.WML_STYLES:
        raise _Declined
    related = {rel.rid: parsed[rel.target] for rel in rels_of[main.target] if rel.target in parsed}
    headers_footers = [
        part
        for sect_pr in document.sectPr_lst
        for footer in (False, True)
        if (part := _header_footer(sect_pr, footer, related)) is not None
    ]
    return WordPackage(
        document=document,
        style_names=_style_names(styles_blob),
        core=CoreProperties(core_element),
        headers_footers=headers_footers,
    )


def _only(rels: list[_Rel], reltype: str) -> _Rel:
    found = [rel for rel in rels if rel.reltype == reltype]
    if len(found) != 1:
        raise _Declined
    return found[0]


def _content_types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    root = parse_xml(blob)
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
    for element in parse_xml(archive.read(member)):
        if element.tag != _RELS:
            continue
        rid, reltype, target = element.get("Id"), element.get("Type"), element.get("Target")
        if rid is None or reltype is None or target is None:
            raise _Declined
        if element.get("TargetMode") == "External":
            continue
        found.append(_Rel(rid, reltype, posixpath.normpath(posixpath.join(base, target))))
    return found


def _style_names(blob: bytes) -> dict[str, str]:
    """Paragraph style names by style id, lower-cased; ids are localised ("berschrift1")
    while names of built-in styles are stored in English ("heading 1"), so names decide."""
    key = hashlib.blake2b(blob, digest_size=20).digest()
    names = _style_cache.get(key)
    if names is None:
        names = {}
        for style in parse_xml(blob).iterchildren(_STYLE):
            style_id = style.get(_STYLE_ID)
            if style_id and isinstance(style, CT_Style):
                names[style_id] = _style_name(style)
        if len(_style_cache) >= _STYLE_CACHE_SIZE:
            _style_cache.pop(next(iter(_style_cache)))
        _style_cache[key] = names
    return names


def _style_name(style: CT_Style) -> str:
    name = style.find(_NAME)
    value = name.get(_VAL) if name is not None else None
    if name is not None and value is None:
        value = style.name_val  # python-docx's own complaint about a nameless name
    return (value or "").lower()
