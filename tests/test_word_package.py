"""Word documents are read from their parts directly; python-docx reads any package of
another shape, and both give the same result on every shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from factories import rewrite_package, write_docx
from iso20k_cli.evidence.extract import extract, word
from iso20k_cli.evidence.extract.wordpackage import read_package
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import scan


def read(path: Path) -> EvidenceFile:
    candidate = next(c for c in scan(path.parent) if c.rel == path.name)
    return extract(candidate)


def sample(path: Path) -> Path:
    return write_docx(
        path,
        [("Title", "Change Management Policy"), ("Heading 1", "1 Scope"), "All changes."],
        tables=[[["Version", "Owner"], ["2.1", "Priya Nair"]]],
        core={"title": "Change policy", "author": "Priya Nair", "version": "2.1"},
        header="Document ID: CHG-POL-001",
    )


def two_sections(path: Path) -> Path:
    """A header set in the first section only; the second section shows it too."""
    sample(path)
    document = docx.Document(str(path))
    document.add_section()
    document.add_paragraph("Appendix text.")
    document.save(str(path))
    return path


def without_core(path: Path) -> Path:
    def change(name: str, blob: bytes) -> bytes | None:
        if name == "docProps/core.xml":
            return None
        if name == "_rels/.rels":
            return blob.replace(b"docProps/core.xml", b"docProps/gone.xml")
        return blob

    return rewrite_package(sample(path), change)


def missing_part(path: Path) -> Path:
    drop = "word/numbering.xml"
    return rewrite_package(sample(path), lambda name, blob: None if name == drop else blob)


def damaged_settings(path: Path) -> Path:
    return rewrite_package(
        sample(path), lambda name, blob: b"<w:settings" if name == "word/settings.xml" else blob
    )


def macro_type(path: Path) -> Path:
    main = b"wordprocessingml.document.main+xml"
    return rewrite_package(
        sample(path),
        lambda name, blob: (
            blob.replace(main, b"ms-word.document.macroEnabled.main+xml")
            if name == "[Content_Types].xml"
            else blob
        ),
    )


SHAPES: dict[str, tuple[Callable[[Path], Path], bool]] = {
    # shape: (how it is made, whether the parts are read directly)
    "plain": (sample, True),
    "two sections": (two_sections, True),
    "no core properties": (without_core, False),
    "a relationship to a missing part": (missing_part, False),
    "a damaged settings part": (damaged_settings, False),
    "a macro-enabled main part": (macro_type, False),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_package_shape_reads_as_python_docx_reads_it(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, direct = SHAPES[shape]
    path = make(tmp_path / "policy.docx")
    assert (read_package(path) is not None) is direct
    fast = read(path)
    monkeypatch.setattr(word, "read_package", lambda _path: None)  # python-docx reads it
    assert fast == read(path)


def test_a_header_shown_by_two_sections_is_read_for_each(tmp_path: Path) -> None:
    file = read(two_sections(tmp_path / "policy.docx"))
    assert file.control.doc_id == "CHG-POL-001"
    assert file.title == "Change Management Policy"
    assert [s.heading for s in file.sections] == ["Change Management Policy", "1 Scope"]
    assert "Appendix text." in file.text


def test_broken_packages_are_unreadable_with_the_reason(tmp_path: Path) -> None:
    missing = read(missing_part(tmp_path / "missing.docx"))
    assert not missing.readable and missing.error is not None
    assert "numbering.xml" in missing.error
    damaged = read(damaged_settings(tmp_path / "damaged.docx"))
    assert not damaged.readable and damaged.error is not None
    assert "XMLSyntaxError" in damaged.error


def test_style_names_follow_each_documents_own_styles(tmp_path: Path) -> None:
    """Documents sharing a template share its style names; another template's names for
    the same style ids are its own."""
    paragraphs: list[str | tuple[str, str]] = [("Heading 1", "Scope"), "All changes."]
    first = write_docx(tmp_path / "first.docx", paragraphs)
    second = rewrite_package(
        write_docx(tmp_path / "second.docx", paragraphs),
        lambda name, blob: (
            blob.replace(b'<w:name w:val="heading 1"/>', b'<w:name w:val="Intro"/>')
            if name == "word/styles.xml"
            else blob
        ),
    )
    for _ in range(2):
        assert [s.heading for s in read(first).sections] == ["Scope"]
        assert read(first).title == "Scope"
        assert read(second).sections == ()
        assert read(second).title is None
