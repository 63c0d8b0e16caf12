"""Precision and recall of recognition on the labelled corpus (not a timed test).

    python benchmarks/recognition.py [--details] [--tuning] [--json] [--catalogue FILE] [FOLDER …]

Each folder under tests/data/corpus/ is a subset of a real, openly licensed
documentation set with a ``labels.yaml`` answer file written as a lead auditor would
(see tests/data/corpus/LABELLING.md). The tool's *counted* links are compared with
the labels, file by file: a counted link to an item the file is labelled for is right,
any other counted link is wrong, and a labelled item with no counted link is missed.
It also counts counted links of record items made from a template, a picture or a
document that describes a process (which must never happen). The source marked
``held_out`` is kept out of tuning: judge a change by it. ``--details`` lists only the
tuned sources' errors, and ``--tuning`` leaves the held-out ones out altogether, so that
work on recognition does not read what is meant to check it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ruamel.yaml import YAML  # noqa: E402

from iso20k_cli.catalogue.loader import load_catalogue  # noqa: E402
from iso20k_cli.catalogue.model import Kind  # noqa: E402
from iso20k_cli.evidence.collect import collect  # noqa: E402
from iso20k_cli.recognise.recogniser import Recogniser  # noqa: E402
from iso20k_cli.resources import default_catalogue_path  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
# Genres that are never a record of operation.
_NOT_RECORDS = frozenset({"template", "policy", "process", "plan"})


@dataclass
class Score:
    folder: str
    held_out: bool
    files: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    bad_records: int = 0
    wrong_links: list[str] = field(default_factory=list)
    missed_links: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        counted = self.right + self.wrong
        return self.right / counted if counted else 1.0

    @property
    def recall(self) -> float:
        wanted = self.right + self.missed
        return self.right / wanted if wanted else 1.0


def score_folder(folder: Path, recogniser: Recogniser, kinds: dict[str, Kind]) -> Score:
    labels = YAML(typ="safe").load((folder / "labels.yaml").read_text(encoding="utf-8"))
    expected: dict[str, set[str]] = {
        path: set(entry.get("counts") or ()) for path, entry in labels["files"].items()
    }
    result = Score(folder.name, bool(labels.get("held_out")))
    evidence = collect(folder, jobs=1)
    for file in evidence.files:
        if file.path not in expected:
            continue  # SOURCE.md, labels.yaml: the corpus's own files
        result.files += 1
        recognition = recogniser.recognise(file)
        counted = {link.item: link for link in recognition.links if link.counted}
        wanted = expected[file.path]
        for item, link in sorted(counted.items()):
            if item in wanted:
                result.right += 1
            else:
                result.wrong += 1
                where = f" {link.section}" if link.section else ""
                result.wrong_links.append(f"{file.path}{where} -> {item} ({link.detail})")
            if kinds[item] is Kind.RECORD and (
                recognition.genre in _NOT_RECORDS or file.format == "other"
            ):
                result.bad_records += 1
        for item in sorted(wanted - counted.keys()):
            result.missed += 1
            near = next((m.reason for m in recognition.misses if m.item == item), "not named")
            result.missed_links.append(f"{file.path} -> {item} ({near})")
    return result


def _total(scores: Sequence[Score], name: str, held_out: bool) -> Score:
    total = Score(name, held_out)
    for s in scores:
        total.files += s.files
        total.right += s.right
        total.wrong += s.wrong
        total.missed += s.missed
        total.bad_records += s.bad_records
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="corpus folders (default: all)")
    parser.add_argument("--catalogue", type=Path, default=None)
    parser.add_argument("--details", action="store_true", help="list wrong and missed links")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--tuning",
        action="store_true",
        help="leave the held-out sources out entirely, so that tuning never sees them",
    )
    parser.add_argument(
        "--show-held-out",
        action="store_true",
        help="with --details, list the held-out sources' links too (spends them as a check)",
    )
    args = parser.parse_args(argv)
    catalogue = load_catalogue(args.catalogue or default_catalogue_path())
    recogniser = Recogniser(catalogue)
    kinds = {item.id: item.kind for item in catalogue.items}
    folders = [Path(f) for f in args.folders] or sorted(
        p.parent for p in CORPUS.glob("*/labels.yaml")
    )
    scores = [score_folder(folder, recogniser, kinds) for folder in folders]
    if args.tuning:
        scores = [s for s in scores if not s.held_out]
    held_out = [s for s in scores if s.held_out]
    rows = [
        *scores,
        _total([s for s in scores if not s.held_out], "tuned", False),
        *([_total(held_out, "held out", True)] if held_out else []),
        _total(scores, "total", False),
    ]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        **{k: v for k, v in asdict(r).items() if not k.endswith("_links")},
                        "precision": r.precision,
                        "recall": r.recall,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
        return 0
    print(
        f"{'folder':<14} {'files':>5} {'right':>5} {'wrong':>5} {'missed':>6} "
        f"{'precision':>9} {'recall':>6} {'bad records':>11}"
    )
    for r in rows:
        mark = " (held out)" if r.held_out and r.folder != "held out" else ""
        print(
            f"{r.folder:<14} {r.files:>5} {r.right:>5} {r.wrong:>5} {r.missed:>6} "
            f"{r.precision:>9.1%} {r.recall:>6.1%} {r.bad_records:>11}{mark}"
        )
    if args.details:
        for s in scores:
            if s.held_out and not args.show_held_out:
                continue  # read, a held-out source's errors would be tuned on
            for line in s.wrong_links:
                print(f"WRONG  {s.folder}: {line}")
            for line in s.missed_links:
                print(f"MISSED {s.folder}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
