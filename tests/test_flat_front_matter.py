"""The fast reading of flat front-matter gives exactly what the YAML loader gives, or nothing.

Compared on every front-matter block of the labelled corpus and the example, and on
thousands of generated blocks built from values whose YAML type is easy to get wrong
(numbers, booleans, nulls, dates, indicators, comments, quotes, odd whitespace).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from iso20k_cli.evidence.flatyaml import FlatReader
from iso20k_cli.evidence.frontmatter import (
    _YAML,
    _DatesAsText,
    parse_front_matter,
    split_front_matter,
)

ROOT = Path(__file__).resolve().parents[1]
_READER = FlatReader(_DatesAsText)
_PURE = YAML(typ="safe", pure=True)
_PURE.Constructor = _DatesAsText

KEYS = [
    "title", "owner", "version", "status", "approved", "review_due", "Doc ID", "doc-id",
    "approved_by", "date", "1", "0x1", "true", "null", "~", "2026-01-01", "C#", "it's",
    "R&D", "key with  spaces", "naïve", "_private", "a.b", "x?y", "a:b", "k #x", "k ",
    "-k", "?k", "[k]", "{k}", "'k'", '"k"', "&k", "*k", "!k", "|k", ">k", "%k", "@k", "`k",
    ".k", "...", "<<", "=",
]  # fmt: skip
VALUES = [
    "", "Incident Log 4", "approved", "Draft", "1", "1.0", "1.10", "1.2.3", "v1.2", "017",
    "0o17", "0x1F", "0b101", "1_000", "+1", "-1", "-1.5", "1e3", "1E-3", "1.5e+3", ".5",
    "3.", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "inf", "nan", "true", "True", "TRUE",
    "false", "yes", "No", "on", "off", "y", "n", "null", "Null", "NULL", "~", "none",
    "2026-03-01", "2026-3-1", "2026-03-01T10:00:00", "2026-03-01 10:00:00 +01:00",
    "2026-02-30", "0000-00-00", "03/04/2026", "25/04/2026", "10:30", "1:20:30",
    "C#", "a #b", "a#b", "a: b", "a:b", "a:", "R&D", "x, y", "a [b]", "a {b}", "it's",
    'say "hi"', "'quoted'", '"quoted"', "[a, b]", "{a: b}", "@x", "`x", "%x", "|", ">",
    "|-", "-", "- a", "-a", "? x", "?x", ":x", "!tag x", "!!str 1", "&a x", "*a", "#c",
    "ünïcödé — dash", "a\\b", "trailing   ", "two  spaces", "=", "<<", "...", "--- x",
    "\tTab", "a\tb", "\u00a0nbsp", "\ufeffbom", "a\rb", "1" * 30, "9" * 5000,
    "0_", "_1", "1__0", "0", "-0", "+0.0", "00", "08", "0o8", "0x", "0xg",
    '"1.2"', "'1.2'", '"a #b"', "'a: b'", '"a\\"b"', "'it''s'", '"a\\nb"', '""', "''",
    '"x" y', "'x' #c", '"open', "'", '"', '"\'"', "'\"'", '"  padded "', '"ü\\u00fc"',
]  # fmt: skip
LINES = ["", "# a comment", "  indented: x", "  - item", "- item", "   ", "%YAML 1.2", "#"]


def _same(fast: dict[Any, Any], loaded: Any) -> bool:
    # repr tells True from 1 and 1.0 from 1, and shows nan as nan.
    return isinstance(loaded, dict) and repr(list(fast.items())) == repr(list(loaded.items()))


def _load(loader: YAML, raw: str) -> Any:
    try:
        return loader.load(raw)
    except Exception as exc:  # noqa: BLE001 - any failure of the loader is compared below
        return exc


def _check(raw: str) -> bool:
    """Whether the fast reading took ``raw``; fails when it disagrees with a loader."""
    fast = _READER.read(raw)
    if fast is None:
        return False
    for loader in (_PURE, _YAML):
        loaded = _load(loader, raw)
        assert _same(fast, loaded), f"{raw!r}: fast {fast!r}, loader {loaded!r}"
    return True


def _blocks(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in (".md", ".mdx", ".markdown", ".txt") and path.is_file():
            raw, _ = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
            if raw is not None:
                found.append(raw)
    return found


@pytest.mark.parametrize("folder", ["tests/data/corpus", "examples/harbourside"])
def test_real_front_matter_reads_as_the_loader_reads_it(folder: str) -> None:
    blocks = _blocks(ROOT / folder)
    taken = sum(_check(raw) for raw in blocks)
    # Real front-matter is mostly flat: the fast reading must take most of it.
    assert len(blocks) >= 20
    assert taken >= len(blocks) // 2


def test_generated_front_matter_reads_as_the_loader_reads_it() -> None:
    rng = random.Random(20)
    taken = 0
    for _ in range(6000):
        lines = []
        for _ in range(rng.randint(1, 5)):
            roll = rng.random()
            if roll < 0.1:
                lines.append(rng.choice(LINES))
            else:
                key = rng.choice(KEYS) if roll < 0.4 else rng.choice(KEYS[:10])
                gap = rng.choice([" ", " ", "  ", ""])
                lines.append(f"{key}:{gap}{rng.choice(VALUES)}")
        raw = "\n".join(lines) + rng.choice(["\n", "", "\n\n"])
        taken += _check(raw)
    assert taken >= 600  # the generated blocks exercise the fast reading, not only its refusals


@pytest.mark.parametrize("value", VALUES)
def test_every_value_alone_reads_as_the_loader_reads_it(value: str) -> None:
    _check(f"title: {value}\n")
    _check(f"{value}: x\n")


def test_what_the_loader_refuses_is_left_to_it() -> None:
    for raw in ("a: b\na: c\n", "a: b\n  c: d\n", "a: [b\n", "a: *x\n", "a:b\n", "a: b # c\n"):
        assert _READER.read(raw) is None


def test_front_matter_results_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"---\n{raw}---\nBody\n" for raw in _blocks(ROOT / "examples/harbourside")]
    texts += [
        "---\ntitle: Policy\nversion: 1.10\napproved: 03/04/2026\nreview_due: 0000-00-00\n---\n",
        "---\ntitle: Policy\ntitle: Again\n---\n",
        "---\nstatus: Approved\napproved: 2026-02-30\nowner: ~\n---\n",
    ]
    fast = [parse_front_matter(text) for text in texts]
    monkeypatch.setattr(_READER.__class__, "read", lambda self, raw: None)
    slow = [parse_front_matter(text) for text in texts]
    assert fast == slow
