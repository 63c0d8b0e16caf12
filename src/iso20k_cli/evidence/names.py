"""Whether a value read as an owner, author, approver or signatory names someone.

Office and PDF properties are filled in by whatever wrote the file: a library
("openpyxl", "python-docx", "Apache POI"), an application ("LibreOffice",
"Microsoft Office User") or an installation default ("Administrator", "user").
Templates carry placeholders ("[Name]", "TBC", "________"). None of these is the
person or team responsible for a document, and an auditor shown one would ask who is.

The list below is the one place these values are kept; every reader of an owner,
approver or signatory asks :func:`person` before using a value.
"""

from __future__ import annotations

# Lower-cased, spaces collapsed, a trailing version number dropped ("openpyxl 3.1.2").
GENERIC_NAMES: frozenset[str] = frozenset(
    {
        # libraries and tools that write documents
        "openpyxl",
        "xlsxwriter",
        "python-docx",
        "python docx",
        "python-pptx",
        "python pptx",
        "docx4j",
        "apache poi",
        "poi",
        "pandas",
        "reportlab",
        "pypdf",
        "pypdf2",
        "pdfkit",
        "wkhtmltopdf",
        "itext",
        "ghostscript",
        "pandoc",
        "latex",
        "pdftex",
        "aspose",
        "pdfsharp",
        "phpword",
        "phpspreadsheet",
        "phpexcel",
        "jasperreports",
        "crystal reports",
        # applications and their default user names
        "libreoffice",
        "openoffice",
        "openoffice.org",
        "microsoft office user",
        "microsoft office",
        "microsoft",
        "microsoft word",
        "microsoft excel",
        "microsoft powerpoint",
        "word",
        "excel",
        "powerpoint",
        "office user",
        "windows user",
        "google docs",
        "google sheets",
        "adobe acrobat",
        "acrobat",
        "writer",
        "calc",
        # installation defaults and generic accounts
        "unknown",
        "administrator",
        "admin",
        "user",
        "default",
        "root",
        "system",
        "guest",
        "owner",
        "author",
        "creator",
        "editor",
        "name",
        "none",
        "null",
        "n a",  # "n/a", its slash read as a space
        "na",
        "tbc",
        "tbd",
        "to be confirmed",
        "to be decided",
        "pending",
        "your name",
        "author name",
        "owner name",
        "insert name",
        "first last",
        "firstname lastname",
        "name surname",
        # a status or a tick where a name should be ("Approval: Yes")
        "yes",
        "no",
        "y",
        "n",
        "x",
        "ok",
        "approved",
        "signed",
        "draft",
        "final",
        "pending approval",
        "not approved",
    }
)
# Words that only software names hold: "Writer/LibreOffice_7.6", "Acrobat Distiller".
TOOL_WORDS: frozenset[str] = frozenset(
    {
        "openpyxl",
        "xlsxwriter",
        "python-docx",
        "python-pptx",
        "docx4j",
        "libreoffice",
        "openoffice",
        "openoffice.org",
        "reportlab",
        "pypdf",
        "wkhtmltopdf",
        "ghostscript",
        "pandoc",
        "aspose",
        "pdfsharp",
        "phpword",
        "phpspreadsheet",
        "jasperreports",
        "acrobat",
        "distiller",
    }
)
_BRACKETS = ("[", "<", "{", "(")
MAX_NAME_CHARS = 120


def _normalised(value: str) -> str:
    for mark in "®™/_":
        value = value.replace(mark, " ")
    words = value.lower().split()
    # "LibreOffice 7.6", "openpyxl v3.1": a version after the name is still the tool.
    while len(words) > 1 and words[-1].lstrip("v")[:1].isdigit():
        words.pop()
    return " ".join(words).strip(" .,:;")


def is_generic(value: str) -> bool:
    """Whether ``value`` names software, a default account or a template placeholder."""
    text = _normalised(value)
    if not any(c.isalpha() for c in text):
        return True  # "----", "________", "01/02": a line to sign on, not a name
    if text[:1] in _BRACKETS:
        return True  # "[Name]", "<owner>", "{author}"
    return text in GENERIC_NAMES or any(word in TOOL_WORDS for word in text.split())


def person(value: object) -> str | None:
    """``value`` as a name of someone responsible, or None when it names no one."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split()).strip(" _:;,")
    if not text or len(text) > MAX_NAME_CHARS or "___" in value or is_generic(text):
        return None
    return text
