"""Memory that does not grow with the text read: each file is recognised as it is read and
keeps only what the checks read of it, and the JSON output is written entry by entry.
Neither may change a single result or byte."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import AS_OF, REPO, Folder, Invoke
from factories import write_xlsx
from iso20k_cli.assess.digest import READS_CONTENT
from iso20k_cli.assess.engine import assess
from iso20k_cli.assess.pipeline import RunOptions, run_pipeline
from iso20k_cli.checks.specs import CHECK_TYPES
from iso20k_cli.cli.output import write_atomically
from iso20k_cli.errors import OutputError
from iso20k_cli.evidence import collect as collect_module
from iso20k_cli.evidence.collect import collect
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate
from iso20k_cli.render.jsonout import render_json

BODY = "Incidents are logged, classified and resolved within the agreed targets. " * 40


def rich_folder(root: Path) -> Path:
    """The example, with what the owner search and a nil return read, and files that are
    evidence of nothing."""
    folder = root / "evidence"
    shutil.copytree(REPO / "examples/harbourside", folder)
    write_xlsx(
        folder / "02-leadership/RACI matrix.xlsx",
        {
            "RACI": [
                ["Process", "Service Desk Manager", "Change Manager", "Quality Lead"],
                ["Incident Management Process", "A/R", "C", "I"],
                ["Change enablement", "C", "RA", "I"],
            ],
            "Roles": [["Role", "Name"], ["Quality Lead", "Priya Raman"]],
        },
        {"title": "Roles and responsibilities RACI matrix"},
    )
    (folder / "07-resolution/Problem-Management-Procedure.md").write_text(
        "---\ntitle: Problem Management Procedure\nowner: Service Desk Manager\n"
        "version: 1.0\nstatus: approved\napproved: 2026-06-01\n---\n"
        "# Problem Management Procedure\n\nProcess owner: Jane Smith\n\n"
        f"## Steps\n\n{BODY}\n\n| Step | Owner |\n|---|---|\n| Log | Desk |\n",
        encoding="utf-8",
    )
    (folder / "05-services/contractual-disputes-2026.md").write_text(
        "---\ntitle: Contractual disputes record 2026\ndate: 2026-10-01\n---\n"
        "# Contractual disputes 2026\n\nNone this period.\n",
        encoding="utf-8",
    )
    for n in range(3):
        (folder / f"04-support/notes-{n}.md").write_text(
            f"# Lunch rota {n}\n\n{BODY}\n\n| Day | Who |\n|---|---|\n| Mon | Sam |\n",
            encoding="utf-8",
        )
    return folder


def test_every_check_type_says_whether_it_reads_content() -> None:
    assert set(READS_CONTENT) == set(CHECK_TYPES)


def test_slimmed_files_give_the_assessment_of_whole_ones(tmp_path: Path) -> None:
    folder = rich_folder(tmp_path)
    as_of = dt.date.fromisoformat(AS_OF)
    run = run_pipeline(RunOptions(folder, as_of))
    settings = run.settings  # the example's configuration: what is ignored, the date order
    whole = collect(folder, ignore=settings.ignore, date_order=settings.date_order)
    assessed = assess(run.catalogue, settings, whole.files, as_of, str(folder), whole.notes)
    assert assessed == run.assessment
    # The comparison means something: content was dropped, where nothing reads it.
    slim = {f.path: f for f in run.evidence.files}
    full = {f.path: f for f in whole.files}
    assert slim["04-support/notes-0.md"].text == ""
    assert slim["04-support/notes-0.md"].tables == ()
    assert full["04-support/notes-0.md"].tables
    # Management review minutes are judged on the topics their text covers.
    assert (
        slim["09-performance/MR-minutes-2026-10-14.md"]
        == full["09-performance/MR-minutes-2026-10-14.md"]
    )
    # Evidence of a policy's item keeps what the owner search reads: its owner line.
    procedure = slim["07-resolution/Problem-Management-Procedure.md"]
    assert procedure.text == "Process owner: Jane Smith"
    assert procedure.tables == () and procedure.sections == ()
    raci = slim["02-leadership/RACI matrix.xlsx"]
    assert [t.section for t in raci.tables] == ["RACI", "Roles"]
    assert len(slim) == len(full)


def test_json_output_is_the_indented_dump_of_the_assessment(cli: Invoke, tmp_path: Path) -> None:
    folder = rich_folder(tmp_path)
    run = run_pipeline(RunOptions(folder, dt.date.fromisoformat(AS_OF)))
    expected = json.dumps(run.assessment.model_dump(mode="json"), indent=2, ensure_ascii=False)
    expected += "\n"
    assert render_json(run.assessment) == expected
    printed = cli("check", folder, "--as-of", AS_OF, "-f", "json", "--exit-zero")
    assert printed.exit_code == 0
    assert printed.stdout == expected
    written, baseline = tmp_path / "out.json", tmp_path / "baseline.json"
    saved = cli(
        "check", folder, "--as-of", AS_OF, "-f", "json", "-o", written, "--write-baseline", baseline
    )
    assert saved.exit_code in (0, 1), saved.stderr
    assert written.read_text(encoding="utf-8") == expected
    assert baseline.read_text(encoding="utf-8") == expected


def test_json_output_of_an_empty_folder(cli: Invoke, evidence: Folder) -> None:
    result = cli(
        "check", evidence.root, "--as-of", AS_OF, "-f", "json", "--exit-zero", "--allow-empty"
    )
    data = result.json()
    assert data["files"] == []
    assert result.stdout == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def test_files_are_settled_once_each_in_any_number_of_workers(evidence: Folder) -> None:
    for n in range(60):
        evidence.add(f"d{n % 3}/page-{n:02d}.md", f"# Page {n}\n\n{BODY}\n")
    evidence.add("evidence.yaml", "files:\n  - path: d0/page-00.md\n    title: Front page\n")
    seen: list[str] = []

    def settle(file: EvidenceFile) -> EvidenceFile:
        seen.append(file.path)
        return file.model_copy(update={"text": ""})

    serial = collect(evidence.root, jobs=1)
    parallel = collect(evidence.root, jobs=2, settle=settle)
    assert sorted(seen) == [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert all(f.text == "" for f in parallel.files)
    # The manifest is laid over each file before it is settled.
    assert parallel.files[0].title == "Front page"
    assert [f.model_copy(update={"text": ""}) for f in serial.files] == list(parallel.files)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork" or (os.cpu_count() or 1) < 2,
    reason="files are settled in workers when forked, on more than one core",
)
def test_files_settled_in_workers_give_the_output_of_one_process(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = rich_folder(tmp_path)
    # A manifest entry for a file read in a worker, and one for no file: both are noted
    # here, where the workers' results are kept.
    manifest = folder / "evidence.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + "  - path: 04-support/notes-1.md\n    title: Capacity plan\n"
        + "  - path: 04-support/missing.md\n    title: Nowhere\n",
        encoding="utf-8",
    )
    args = ("check", folder, "--as-of", AS_OF, "-f", "json", "--exit-zero", "--no-cache")
    monkeypatch.setattr(collect_module, "SETTLE_IN_WORKERS_MIN", 10**9)
    serial = cli(*args)
    monkeypatch.setattr(collect_module, "SETTLE_IN_WORKERS_MIN", 0)
    settled: list[int] = []
    real = collect_module._settles_in_workers

    def counted(candidates: list[Candidate], jobs: int | None) -> int:
        settled.append(workers := real(candidates, jobs))
        return workers

    monkeypatch.setattr(collect_module, "_settles_in_workers", counted)
    parallel = cli(*args)
    assert len(settled) == 1 and settled[0] > 1
    assert parallel.exit_code == serial.exit_code == 0
    assert parallel.stdout == serial.stdout
    data = parallel.json()
    titles = {f["path"]: f["title"] for f in data["files"]}
    assert titles["04-support/notes-1.md"] == "Capacity plan"
    assert "entry 3 ('04-support/missing.md') names a file that does not exist" in parallel.stdout


def test_output_failing_midway_leaves_no_file(tmp_path: Path) -> None:
    def pieces() -> Iterator[str]:
        yield "{\n"
        raise RuntimeError("renderer failed")

    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError):
        write_atomically(target, pieces())
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError):
        write_atomically(tmp_path / "missing" / "out.json", iter(["{}"]))
