"""Legacy PowerPoint (.ppt) evidence: files saved by PowerPoint (Apache POI's test files)
and decks built here record by record, read back through the collector and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import struct
from pathlib import Path

import pytest

from conftest import AS_OF, Folder, Invoke
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.extract import legacypowerpoint
from iso20k_cli.evidence.extract.base import MAX_TEXT_CHARS
from iso20k_cli.evidence.model import SectionKind
from pptdeck import (
    PptFile,
    PptSlide,
    container,
    ppt_bytes,
    ppt_streams,
    record,
    text_atoms,
    write_ppt,
)
from test_evidence_formats import read
from worddoc import compound_file

D = dt.date
LEGACY = Path(__file__).parent / "data" / "legacy"


def review(**changes: object) -> PptFile:
    """A management review deck: a title slide, inputs, decisions with a text box, notes."""
    deck = PptFile(
        slides=[
            PptSlide(title="Management Review 2026", body="Service Management System\r"),
            PptSlide(
                title="Inputs",
                body="Status of actions from previous reviews\rService performance and KPI"
                "\rInternal audit results\x0bthree minor findings\rCustomer satisfaction: 4.3"
                "\rNonconformities and corrective actions\rRisks and opportunities\r",
                notes="Audit report presented by the quality manager.",
            ),
            PptSlide(
                title="Decisions and actions",
                body="Decisions: renew the hosting contract\rOpportunities for improvement "
                "logged\r",
                box="Attendees: J. Doe (chair), A. Smith",
                wide_title=False,
            ),
            PptSlide(body="Questions?\r"),
        ],
        title="Management Review 2026",
        author="Jane Doe",
        created=dt.datetime(2026, 3, 2, 9, 0),
        saved=dt.datetime(2026, 3, 10, 17, 30),
    )
    for name, value in changes.items():
        setattr(deck, name, value)
    return deck


def test_slides_are_sections_headed_by_their_titles(evidence: Folder) -> None:
    write_ppt(evidence.root / "review.ppt", review())
    f = read(evidence)["review.ppt"]
    assert f.readable and f.format == "ppt"
    assert [s.heading for s in f.sections] == [
        "Management Review 2026",
        "Inputs",
        "Decisions and actions",
        "Slide 4",
    ]
    assert {s.kind for s in f.sections} == {SectionKind.SLIDE}
    inputs = f.sections[1]
    slide_text = f.text[inputs.start : inputs.end]
    # Paragraphs and line breaks are lines; the notes belong to their slide.
    assert "Internal audit results\nthree minor findings" in slide_text
    assert slide_text.endswith("Audit report presented by the quality manager.")
    decisions = f.text[f.sections[2].start : f.sections[2].end]
    assert "Attendees: J. Doe (chair), A. Smith" in decisions  # a drawn text box
    assert f.text.endswith("Slide 4\nQuestions?")
    assert f.title == "Management Review 2026" and f.title_source == "metadata"
    assert f.control.owner == "Jane Doe"
    assert f.record_dates == (D(2026, 3, 2), D(2026, 3, 10))


def test_first_slide_title_stands_in_when_the_properties_have_none(evidence: Folder) -> None:
    write_ppt(evidence.root / "untitled.ppt", review(title=None, author=None, created=None))
    f = read(evidence)["untitled.ppt"]
    assert f.title == "Management Review 2026" and f.title_source == "heading"
    assert f.control.owner is None


def test_powerpoint_2003_file_slides_titles_notes_and_properties(evidence: Folder) -> None:
    shutil.copy(LEGACY / "basic_test_ppt_file.ppt", evidence.root)
    shutil.copy(LEGACY / "with_textbox.ppt", evidence.root)
    files = read(evidence)
    basic = files["basic_test_ppt_file.ppt"]
    assert basic.readable and basic.title == "This is a test title"
    assert [s.heading for s in basic.sections] == [
        "This is a test title",
        "This is the title on page 2",
    ]
    assert "It has several blocks of text\nNone of them have formatting" in basic.text
    assert "These are the notes for page 1" in basic.text
    assert basic.control.owner == "Hogwarts"
    assert basic.record_dates[0] == D(2005, 5, 13)
    boxes = files["with_textbox.ppt"]
    assert [s.heading for s in boxes.sections] == ["Slide 1"]
    assert "Hello, World!!!\nI am just a poor boy" in boxes.text


def test_atoms_marked_as_containers_and_bytes_after_the_records(evidence: Folder) -> None:
    # PowerPoint 2007 marks its theme atom (a zip archive) as a container; a fast save
    # can leave bytes after the last live record.
    theme = record(0x0428, b"PK\x03\x04" + b"\xff" * 60, version=0xF)
    deck = review(document_extra=theme)
    stream = ppt_streams(deck)["PowerPoint Document"] + struct.pack("<HHI", 0, 0x0FA0, 1 << 30)
    (evidence.root / "theme.ppt").write_bytes(_with_stream(stream))
    f = read(evidence)["theme.ppt"]
    assert f.readable, f.error
    assert [s.heading for s in f.sections][:2] == ["Management Review 2026", "Inputs"]


def test_pptx_named_ppt_is_read_as_pptx(evidence: Folder) -> None:
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Service Review"
    slide.placeholders[1].text = "Availability 99.9%"
    deck.save(str(evidence.root / "renamed.ppt"))
    f = read(evidence)["renamed.ppt"]
    assert f.readable and f.sections[0].heading == "Service Review"
    assert "Availability 99.9%" in f.text


def test_check_recognises_a_ppt_management_review(cli: Invoke, evidence: Folder) -> None:
    write_ppt(evidence.root / "Management Review 2026.ppt", review(title=None))
    result = cli("check", evidence.root, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = result.json()
    item = {i["id"]: i for i in data["items"]}["management-review-minutes"]
    assert [e["path"] for e in item["evidence"]] == ["Management Review 2026.ppt"]
    files = {f["path"]: f for f in data["files"]}
    assert files["Management Review 2026.ppt"]["readable"] is True
    assert files["Management Review 2026.ppt"]["format"] == "ppt"


# --- damaged, crafted and encrypted files ----------------------------------------------


def _with_stream(data: bytes) -> bytes:
    streams = ppt_streams(review())
    streams["PowerPoint Document"] = data
    return compound_file(streams)


def _hostile(name: str) -> bytes:
    if name == "past-the-end.ppt":
        slide = record(0x03F3, b"\0" * 20) + record(0x0FA0, b"x\0" * 4)[:8]
        return _with_stream(container(0x03E8, container(0x0FF0, slide)) + b"\0" * 8)
    if name == "too-deep.ppt":
        # Containers each claiming all the rest: nesting without end.
        depth = legacypowerpoint.MAX_DEPTH + 10
        data = b""
        for _ in range(depth):
            data = record(0x03E8, data, version=0xF)
        return _with_stream(data)
    if name == "truncated.ppt":
        data = ppt_bytes(review())
        return data[: len(data) // 3]
    if name == "encrypted.ppt":
        return ppt_bytes(review(extra_streams={"EncryptedSummary": b"\0" * 64}))
    if name == "crypt-session.ppt":
        stream = ppt_streams(review())["PowerPoint Document"]
        return _with_stream(stream[:100] + container(0x2F14, record(0x2F15, b"\0" * 16)))
    if name == "garbled-after-crypt.ppt":
        return _with_stream(container(0x2F14, b"") + b"\xff" * 64)
    if name == "no-stream.ppt":
        streams = ppt_streams(review())
        del streams["PowerPoint Document"]
        return compound_file(streams)
    if name == "not-ole.ppt":
        return b"\x00\x01 just some bytes " * 100
    raise AssertionError(name)


HOSTILE = {
    "past-the-end.ppt": "past the end of its container",
    "too-deep.ppt": f"nested more than {legacypowerpoint.MAX_DEPTH} deep",
    "truncated.ppt": "damaged",
    "encrypted.ppt": "encrypted PowerPoint file: a password is needed",
    "crypt-session.ppt": "encrypted PowerPoint file: a password is needed",
    "garbled-after-crypt.ppt": "encrypted PowerPoint file",
    "no-stream.ppt": "not a PowerPoint 97-2003 file: the file has no PowerPoint Document stream",
    "not-ole.ppt": "not a PowerPoint 97-2003 file: the file is not an OLE2 compound file",
}


def test_hostile_files_are_unreadable_with_a_reason(cli: Invoke, evidence: Folder) -> None:
    for name in HOSTILE:
        (evidence.root / name).write_bytes(_hostile(name))
    shutil.copy(LEGACY / "Password_Protected-hello.ppt", evidence.root)
    write_ppt(evidence.root / "review.ppt", review())
    result = cli("check", evidence.root, "--as-of", AS_OF, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    files = {f["path"]: f for f in result.json()["files"]}
    for name, reason in HOSTILE.items():
        assert files[name]["readable"] is False, name
        assert reason in files[name]["error"], (name, files[name]["error"])
    assert "encrypted PowerPoint file" in files["Password_Protected-hello.ppt"]["error"]
    assert files["review.ppt"]["readable"] is True


def test_record_count_is_bounded(evidence: Folder, monkeypatch: pytest.MonkeyPatch) -> None:
    # A compound file of one FAT holds 7 MB, less than a million records: the bound is
    # lowered to show it holds (tests/hostile reads most of a million in time).
    monkeypatch.setattr(legacypowerpoint, "MAX_RECORDS", 1000)
    (evidence.root / "many.ppt").write_bytes(_with_stream(record(0x0FA8, b"") * 1001))
    (evidence.root / "enough.ppt").write_bytes(_with_stream(record(0x0FA8, b"") * 400))
    files = read(evidence)
    assert "more than 1,000 records; refusing to read further" in (files["many.ppt"].error or "")
    assert files["enough.ppt"].readable


@pytest.mark.parametrize("wide", [True, False])
def test_text_is_bounded_by_the_character_limit(tmp_path: Path, wide: bool) -> None:
    long = "word " * (MAX_TEXT_CHARS // 5 + 1000)
    slides = [record(0x03F3, struct.pack("<IIiII", 2, 0, 0, 256, 0)), text_atoms(1, long, wide)]
    data = _with_stream(container(0x03E8, container(0x0FF0, *slides)))
    path = tmp_path / "evidence" / "long.ppt"
    path.parent.mkdir()
    path.write_bytes(data)
    f = {e.path: e for e in collect(path.parent, jobs=1).files}["long.ppt"]
    assert f.readable and len(f.text) <= MAX_TEXT_CHARS
    assert f.text.startswith("Slide 1\nword word")
