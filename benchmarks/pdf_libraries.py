"""Compare PDF text extractors on speed and robustness (the figures behind choosing pypdf).

Not a test: run it by hand in an environment that has the candidates installed:

    python -m venv /tmp/pdfbench && /tmp/pdfbench/bin/pip install pypdf pypdfium2 pdfminer.six
    /tmp/pdfbench/bin/python benchmarks/pdf_libraries.py

It generates a corpus (multi-page text PDFs, encrypted, truncated, garbage and
image-only "scans"), extracts each file with each library and prints the time
taken and how each malformed file was handled.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from factories import pdf_bytes, write_pdf

LINES = [
    f"Line {n}: incident INC-{n:05d} resolved within target; root cause recorded."
    for n in range(45)
]


def corpus(root: Path) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = {
        k: [] for k in ("text", "encrypted", "truncated", "garbage", "scan")
    }
    for n in range(200):
        groups["text"].append(
            write_pdf(root / f"text-{n}.pdf", [LINES] * 5, {"Title": f"Report {n}"})
        )
    for n in range(20):
        groups["encrypted"].append(write_pdf(root / f"enc-{n}.pdf", [LINES], password="secret"))
        data = pdf_bytes([LINES] * 3)
        cut = root / f"cut-{n}.pdf"
        cut.write_bytes(data[: int(len(data) * (0.3 + n / 40))])
        groups["truncated"].append(cut)
        junk = root / f"junk-{n}.pdf"
        junk.write_bytes(b"%PDF-1.4\n" + bytes((i * 31 + n) % 256 for i in range(4000)))
        groups["garbage"].append(junk)
        groups["scan"].append(write_pdf(root / f"scan-{n}.pdf", [[""]] * 2, scan=True))
    return groups


def with_pypdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise PermissionError("encrypted")
    return "".join(page.extract_text() or "" for page in reader.pages)


def with_pdfium(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def with_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(path))


LIBRARIES: dict[str, Callable[[Path], str]] = {
    "pypdf": with_pypdf,
    "pypdfium2": with_pdfium,
    "pdfminer.six": with_pdfminer,
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        groups = corpus(Path(tmp))
        for name, extract in LIBRARIES.items():
            start = time.perf_counter()
            chars = sum(len(extract(p)) for p in groups["text"])
            elapsed = time.perf_counter() - start
            print(
                f"{name:13} text: {len(groups['text'])} files x 5 pages in {elapsed:6.2f} s "
                f"({len(groups['text']) / elapsed:6.1f} files/s, {chars} chars)"
            )
            for group in ("encrypted", "truncated", "garbage", "scan"):
                outcomes: Counter[str] = Counter()
                for path in groups[group]:
                    try:
                        text = extract(path)
                        outcomes["empty text" if not text.strip() else "text"] += 1
                    except Exception as exc:  # noqa: BLE001 - the point is to see what each raises
                        outcomes[f"raised {type(exc).__name__}"] += 1
                summary = ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
                print(f"{'':13} {group:9}: {summary}")


if __name__ == "__main__":
    main()
