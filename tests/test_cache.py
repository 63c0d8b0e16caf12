"""The cache: a warm run reports byte for byte what a cold one does, reads only what
changed, and never trusts an entry it cannot verify."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import iso20k_cli.cache.fingerprint as fingerprint_module
import iso20k_cli.catalogue.loader as loader_module
import iso20k_cli.evidence.cached as evidence_cache
import iso20k_cli.evidence.collect as collect_module
from conftest import AS_OF, MINI, Folder, Invoke, Result
from factories import write_csv, write_docx, write_pdf, write_xlsx
from iso20k_cli.cache.fingerprint import library_versions
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.checks.entries import KindRows, record_set
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.extract import extract
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.evidence.scan import Candidate


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test alone."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ISO20K_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files each run extracts (read afresh, not taken from the cache)."""
    seen: list[str] = []

    def counting(candidate: Candidate, date_order: DateOrder | None = None) -> EvidenceFile:
        seen.append(candidate.rel)
        return extract(candidate, date_order=date_order)

    monkeypatch.setattr(collect_module, "extract", counting)
    return seen


def _mixed(folder: Folder) -> Folder:
    control = ["Version 1.2", "Status: Approved", "Approved by: Head of Service"]
    folder.add(
        "incident-policy.md",
        "# Incident management policy\n\nIncidents are recorded and resolved.\n",
        status="approved",
        approved="2026-03-01",
    )
    write_docx(
        folder.root / "Change Management Procedure.docx",
        [("Title", "Change management procedure"), *control, "Changes are assessed."],
    )
    write_xlsx(
        folder.root / "Incident Log.xlsx",
        {
            "Incidents": [
                ["Ref", "Logged", "Summary"],
                ["INC-1", dt.date(2026, 9, 2), "Disk full"],
                ["INC-2", dt.date(2026, 10, 5), "VPN down"],
            ]
        },
    )
    write_pdf(
        folder.root / "internal-audit-report-2026-09-20.pdf",
        [["Internal audit report", *control, "Findings were agreed with the owners."]],
        {"Title": "Internal audit report"},
    )
    write_csv(
        folder.root / "security-incident-log.csv",
        [["Number", "Opened", "Summary"], ["SEC-1", "2026-10-01", "Phishing"]],
    )
    return folder


def _check(cli: Invoke, folder: Folder, *extra: str | Path, catalogue: Path = MINI) -> Result:
    result = cli(
        "check", folder.root, "--catalogue", catalogue, "--as-of", AS_OF, "-f", "json", *extra
    )
    assert result.exit_code in (0, 1), result.stderr
    return result


def _entries(cache: Path, kind: str = "evidence") -> list[Path]:
    return sorted((cache / "v1" / kind).rglob("*.json"))


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_a_warm_run_reads_nothing_and_reports_byte_for_byte_the_same(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str]
) -> None:
    _mixed(evidence)
    before = _tree(evidence.root)
    cold = _check(cli, evidence)
    assert sorted(reads) == sorted(_tree(evidence.root))
    assert len(_entries(cache)) == 5 and len(_entries(cache, "catalogue")) == 1
    reads.clear()
    warm = _check(cli, evidence)
    assert reads == []
    assert warm.stdout == cold.stdout
    uncached = _check(cli, evidence, "--no-cache")
    assert uncached.stdout == cold.stdout
    # The evidence folder is read, never written.
    assert _tree(evidence.root) == before


def test_a_changed_file_is_read_again_and_only_it(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str]
) -> None:
    _mixed(evidence)
    _check(cli, evidence)
    write_docx(
        evidence.root / "Change Management Procedure.docx",
        [("Title", "Change enablement procedure"), "Changes are assessed and approved."],
    )
    reads.clear()
    changed = _check(cli, evidence)
    assert reads == ["Change Management Procedure.docx"]
    titles = {f["path"]: f["title"] for f in changed.json()["files"]}
    assert titles["Change Management Procedure.docx"] == "Change enablement procedure"
    assert changed.stdout == _check(cli, evidence, "--no-cache").stdout


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-20] + b"X" + data[-19:], id="body-changed"),
        pytest.param(
            lambda data: data.replace(b"iso20k-cache 1 ", b"iso20k-cache 9 ", 1), id="version"
        ),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x80\x04\x95 not a cache entry\n" + data, id="garbage"),
    ],
)
@pytest.mark.parametrize("kind", ["evidence", "settled"])
def test_a_damaged_entry_is_ignored_and_rebuilt(
    cli: Invoke,
    evidence: Folder,
    cache: Path,
    reads: list[str],
    damage: Callable[[bytes], bytes],
    kind: str,
) -> None:
    """A damaged extraction is read again; a damaged settled file is settled again from
    its extraction, which is not read again."""
    _mixed(evidence)
    cold = _check(cli, evidence)
    if kind == "evidence":
        _forget_settled(cache)
    target = _entries(cache, kind)[0]
    sound = target.read_bytes()
    target.write_bytes(damage(sound))
    reads.clear()
    assert _check(cli, evidence).stdout == cold.stdout
    assert len(reads) == (1 if kind == "evidence" else 0)
    assert target.read_bytes() == sound


@pytest.mark.parametrize("kind", ["evidence", "settled"])
def test_a_sound_entry_under_another_files_key_is_not_trusted(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str], kind: str
) -> None:
    """An entry copied over another (checksum intact) names the wrong key and file."""
    _mixed(evidence)
    cold = _check(cli, evidence)
    if kind == "evidence":
        _forget_settled(cache)
    first, second = _entries(cache, kind)[:2]
    first.write_bytes(second.read_bytes())
    reads.clear()
    assert _check(cli, evidence).stdout == cold.stdout
    assert len(reads) == (1 if kind == "evidence" else 0)


@pytest.mark.parametrize("kind", ["evidence", "settled"])
def test_a_forged_body_with_a_fresh_checksum_is_still_only_data(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str], kind: str
) -> None:
    """Entries are JSON read by the model, never code: a body that is not what the
    entry holds, or that names another file, is refused and the file read (or settled)
    again."""
    _mixed(evidence)
    cold = _check(cli, evidence)
    if kind == "evidence":
        _forget_settled(cache)
    store = Store(cache, 10**9)
    elsewhere = b'{"path": "elsewhere.md", "format": "markdown", "size": 1, "readable": true}'
    if kind == "settled":
        elsewhere = b'{"file": %s, "recognition": {"path": "elsewhere.md"}, "lean": true}' % (
            elsewhere
        )
    for entry, body in zip(
        _entries(cache, kind)[:2], [b'{"__reduce__": "os.system"}', elsewhere], strict=True
    ):
        store.put(kind, entry.stem, body)
    reads.clear()
    assert _check(cli, evidence).stdout == cold.stdout
    assert len(reads) == (2 if kind == "evidence" else 0)


def _forget_settled(cache: Path) -> None:
    """Leave only the extractions, so that a run reads them back."""
    shutil.rmtree(cache / "v1" / "settled")


def test_date_order_is_part_of_the_key(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str]
) -> None:
    write_csv(
        evidence.root / "incident-log.csv",
        [
            ["Ref", "Logged", "Summary"],
            ["INC-1", "03/04/2026", "Disk"],
            ["INC-2", "05/06/2026", "VPN"],
        ],
    )

    def span(order: str) -> tuple[str, str]:
        evidence.add(".iso20k.yaml", f"date_order: {order}\n")
        files = {f["path"]: f for f in _check(cli, evidence).json()["files"]}
        log = files["incident-log.csv"]
        return log["first_record"], log["last_record"]

    assert span("dmy") == ("2026-04-03", "2026-06-05")
    reads.clear()
    assert span("mdy") == ("2026-03-04", "2026-05-06")
    assert reads == ["incident-log.csv"]
    reads.clear()
    assert span("dmy") == ("2026-04-03", "2026-06-05")
    assert reads == []


def test_a_large_file_rewritten_at_the_same_size_and_time_is_read_again(
    cli: Invoke,
    evidence: Folder,
    cache: Path,
    reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the size that is always hashed, a file is known by its times; restoring the
    modification time by hand does not hide a change, as the change time moves."""
    monkeypatch.setattr(evidence_cache, "HASHED_UP_TO", 0)
    monkeypatch.setattr(evidence_cache, "RACY_SECONDS", 0)
    hashed: list[str] = []
    real_digest = evidence_cache._content_digest

    def digest(candidate: Candidate, expected: evidence_cache.Stamp) -> str | None:
        hashed.append(candidate.rel)
        return real_digest(candidate, expected)

    monkeypatch.setattr(evidence_cache, "_content_digest", digest)
    policy = evidence.add("incident-policy.md", "# Incident management policy\n\nVersion A.\n")
    old = time.time() - 3600
    os.utime(policy, (old, old))
    _check(cli, evidence)
    reads.clear()
    _check(cli, evidence)
    assert reads == [] and hashed == []  # known by its times: neither hashed nor read
    stamp, size = policy.stat().st_mtime_ns, policy.stat().st_size
    policy.write_text("# Incident escalation policy\n\nVersion B.\n", encoding="utf-8")
    os.utime(policy, ns=(stamp, stamp))
    assert (policy.stat().st_mtime_ns, policy.stat().st_size) == (stamp, size)
    reads.clear()
    result = _check(cli, evidence)
    assert reads == ["incident-policy.md"]
    titles = {f["path"]: f["title"] for f in result.json()["files"]}
    assert titles["incident-policy.md"] == "Incident escalation policy"


def test_a_file_modified_just_now_is_known_by_its_content(
    evidence: Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within the racy window a second change could leave the times as they were: such a
    file is hashed whatever its size, and keyed by its times once the window has passed."""
    monkeypatch.setattr(evidence_cache, "HASHED_UP_TO", 0)
    path = evidence.add("plan.md", "# Plan\n")
    candidate = Candidate("plan.md", path, path.stat().st_size)
    cache = evidence_cache.EvidenceCache(Store(tmp_path / "c", 10**9), None)
    now = time.time_ns()
    fresh = cache.key(candidate, now)
    later = now + (evidence_cache.RACY_SECONDS + 1) * 10**9
    settled = cache.key(candidate, later)
    assert fresh is not None and settled is not None and fresh.key != settled.key
    # Rewritten at once with the same content: the same key, taken from the content.
    path.write_text("# Plan\n", encoding="utf-8")
    assert (again := cache.key(candidate, time.time_ns())) is not None and again.key == fresh.key
    # A date in the future is no more to be trusted than a recent one.
    ahead = time.time() + 3600
    os.utime(path, (ahead, ahead))
    assert (future := cache.key(candidate, later)) is not None and future.key == fresh.key


def _unread(result: Result, path: str) -> str | None:
    error: str | None = next(f["error"] for f in result.json()["files"] if f["path"] == path)
    return error


def test_a_file_gone_while_it_was_read_is_read_again_next_time(
    cli: Invoke, evidence: Folder, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file moved away and back while a run read it (a sync client, a script that
    rebuilds the folder) is unreadable that once; neither its failure nor what was
    recognised of it is kept for a later run, nor for a copy of the folder."""
    _mixed(evidence)
    name = "Change Management Procedure.docx"
    moved = False

    def moving(candidate: Candidate, date_order: DateOrder | None = None) -> EvidenceFile:
        nonlocal moved
        if candidate.rel != name or moved:
            return extract(candidate, date_order=date_order)
        moved = True
        away = evidence.root.parent / "away.docx"
        (evidence.root / name).rename(away)
        try:
            return extract(candidate, date_order=date_order)
        finally:
            away.rename(evidence.root / name)

    monkeypatch.setattr(collect_module, "extract", moving)
    first = _check(cli, evidence)
    assert "No such file" in (_unread(first, name) or "")
    again = _check(cli, evidence)
    assert _unread(again, name) is None
    assert again.stdout == _check(cli, evidence, "--no-cache").stdout
    copy = Folder(evidence.root.parent / "copy")
    shutil.copytree(evidence.root, copy.root)
    assert _unread(_check(cli, copy), name) is None


def test_a_read_that_failed_is_not_kept(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure can be the moment's (out of time on a busy machine, out of memory): the
    next run tries again."""
    import iso20k_cli.evidence.extract.markdown as markdown_reader

    _mixed(evidence)
    evidence.add("policy.md", "# Problem management policy\n\nProblems are resolved.\n")
    real = markdown_reader.extract

    def short_of_memory(candidate: Candidate) -> object:
        if candidate.rel == "policy.md":
            raise MemoryError
        return real(candidate)

    monkeypatch.setattr(markdown_reader, "extract", short_of_memory)
    assert _unread(_check(cli, evidence), "policy.md") == "too large to read in memory"
    monkeypatch.setattr(markdown_reader, "extract", real)
    reads.clear()
    assert _unread(_check(cli, evidence), "policy.md") is None
    assert reads == ["policy.md"]


def test_no_cache_writes_no_cache(cli: Invoke, evidence: Folder, cache: Path) -> None:
    _mixed(evidence)
    _check(cli, evidence, "--no-cache")
    assert not cache.exists()
    result = cli("explain", evidence.root, "incident-policy", "--catalogue", MINI, "--no-cache")
    assert result.exit_code == 0, result.stderr
    report = cli("report", evidence.root, "--catalogue", MINI, "-f", "md", "--no-cache")
    assert report.exit_code == 0, report.stderr
    assert not cache.exists()


def test_a_cache_folder_inside_the_evidence_folder_is_not_used(
    cli: Invoke, evidence: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mixed(evidence)
    monkeypatch.setenv("ISO20K_CACHE_DIR", str(evidence.root / "cache"))
    before = _tree(evidence.root)
    first = _check(cli, evidence)
    assert _tree(evidence.root) == before
    assert _check(cli, evidence).stdout == first.stdout


def test_an_unwritable_cache_folder_costs_only_time(
    cli: Invoke, evidence: Folder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _mixed(evidence)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ISO20K_CACHE_DIR", str(blocker / "cache"))
    assert _check(cli, evidence).stdout == _check(cli, evidence, "--no-cache").stdout


def test_the_catalogue_is_parsed_once_until_it_changes(
    cli: Invoke,
    evidence: Folder,
    cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[Path | None] = []
    real = loader_module.load_catalogue

    def counting(path: Path | None = None) -> object:
        parsed.append(path)
        return real(path)

    monkeypatch.setattr(loader_module, "load_catalogue", counting)
    mine = tmp_path / "catalogue.yaml"
    mine.write_bytes(MINI.read_bytes())
    evidence.add("incident-policy.md", "# Incident policy\n\nIncidents are resolved.\n")
    first = _check(cli, evidence, catalogue=mine)
    second = _check(cli, evidence, catalogue=mine)
    assert parsed == [mine] and second.stdout == first.stdout
    text = mine.read_text(encoding="utf-8")
    assert "title: Incident policy" in text
    mine.write_text(text.replace("title: Incident policy", "title: Incident rules"), "utf-8")
    changed = _check(cli, evidence, catalogue=mine)
    assert parsed == [mine, mine]
    titles = {item["id"]: item["title"] for item in changed.json()["items"]}
    assert "Incident rules" in titles.values()
    # The shipped catalogue is never parsed: its compiled form is read.
    parsed.clear()
    shipped = [cli("check", evidence.root, "--as-of", AS_OF, "-f", "json").stdout for _ in range(2)]
    assert parsed == [] and shipped[0] == shipped[1]


def test_cache_info_and_clear(cli: Invoke, evidence: Folder, cache: Path) -> None:
    _mixed(evidence)
    _check(cli, evidence)
    (cache / "notes.txt").write_text("someone else's file", encoding="utf-8")
    info = cli("cache", "info")
    assert info.exit_code == 0
    assert f"location: {cache}" in info.stdout
    assert "entries: 11 (catalogue 1, evidence 5, settled 5)" in info.stdout
    cleared = cli("cache", "clear")
    assert cleared.exit_code == 0 and "removed 11 entries" in cleared.stdout
    assert not (cache / "v1").exists()
    assert (cache / "notes.txt").read_text(encoding="utf-8") == "someone else's file"
    assert "entries: 0" in cli("cache", "info").stdout


def test_the_cache_is_trimmed_to_its_limit_oldest_first(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache", limit=10_000)
    assert store is not None
    keys = [key_of("test", str(n)) for n in range(10)]
    for age, key in enumerate(keys):
        store.put("evidence", key, b"x" * 1_800)
        stamp = time.time() - 1000 + age  # the first written is the oldest
        os.utime(store._path("evidence", key), (stamp, stamp))
    store.trim()
    kept = [k for k in keys if store.get("evidence", k) is not None]
    assert kept == keys[-4:]  # 4 entries of about 1.9 KB: under 80% of the limit


def test_links_in_the_evidence_folder_are_neither_followed_nor_cached(
    cli: Invoke, evidence: Folder, cache: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("# Incident policy\n\nSecret text from outside.\n", encoding="utf-8")
    evidence.add("incident-policy.md", "# Incident policy\n\nIncidents are resolved.\n")
    (evidence.root / "linked.md").symlink_to(outside)
    first = _check(cli, evidence)
    assert _check(cli, evidence).stdout == first.stdout
    assert len(_entries(cache)) == 1
    assert all(b"Secret text" not in p.read_bytes() for p in cache.rglob("*.json"))


def test_a_file_swapped_for_a_link_or_a_pipe_after_the_scan_is_not_hashed(
    evidence: Folder, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("# Outside\n", encoding="utf-8")
    path = evidence.add("plan.md", "# Plan\n")
    candidate = Candidate("plan.md", path, path.stat().st_size)
    cache = evidence_cache.EvidenceCache(Store(tmp_path / "c", 10**9), None)
    keyed = cache.key(candidate)
    assert keyed is not None
    path.unlink()
    path.symlink_to(outside)
    assert cache.key(candidate) is None
    # Swapped between the look at the file and its opening: the open does not follow it.
    assert evidence_cache._content_digest(candidate, keyed.stamp) is None
    path.unlink()
    os.mkfifo(path)
    assert cache.key(candidate) is None
    assert evidence_cache._content_digest(candidate, keyed.stamp) is None


def test_a_folder_read_by_worker_processes_is_cached_file_by_file(
    cli: Invoke, evidence: Folder, cache: Path
) -> None:
    """Enough files to be read in worker processes: each result is kept under its own
    file's key, whatever order the workers finish in."""
    _mixed(evidence)
    for n in range(collect_module.PARALLEL_MIN_FILES + 4):
        evidence.add(
            f"logs/incident-log-2026-{n % 12 + 1:02}-{n:03}.md",
            f"# Incident log {n}\n\nIncident {n} was resolved within target.\n",
            record_date=f"2026-{n % 12 + 1:02}-01",
        )
    files = len(list(evidence.root.rglob("*.*")))
    assert collect_module.workers_for(files) > 1 or (os.cpu_count() or 1) == 1
    cold = _check(cli, evidence)
    assert len(_entries(cache)) == files
    assert _check(cli, evidence).stdout == cold.stdout
    changed = evidence.add(
        "logs/incident-log-2026-01-000.md",
        "# Problem review\n\nThe review found the cause.\n",
        record_date="2026-01-01",
    )
    after = _check(cli, evidence)
    assert len(_entries(cache)) == files + 1
    titles = {f["path"]: f["title"] for f in after.json()["files"]}
    assert titles[changed.relative_to(evidence.root).as_posix()] == "Problem review"
    assert after.stdout == _check(cli, evidence, "--no-cache").stdout


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork" or (os.cpu_count() or 1) < 2,
    reason="files are settled in workers when forked, on more than one core",
)
def test_files_settled_in_workers_are_cached_and_the_cache_trimmed(
    cli: Invoke, evidence: Folder, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read, kept and recognised in worker processes: each file is kept under its own key,
    and what the workers wrote counts towards trimming the cache to its limit."""
    monkeypatch.setattr(collect_module, "SETTLE_IN_WORKERS_MIN", 0)
    monkeypatch.setenv("ISO20K_CACHE_MAX_MB", "1")
    workers: list[int] = []
    real = collect_module._settles_in_workers

    def counted(candidates: list[Candidate], jobs: int | None) -> int:
        workers.append(chosen := real(candidates, jobs))
        return chosen

    monkeypatch.setattr(collect_module, "_settles_in_workers", counted)
    _mixed(evidence)
    _check(cli, evidence)  # the catalogue is kept now: this process writes nothing more
    assert len(_entries(cache)) == 5
    body = "Incidents are logged, classified and resolved within the agreed targets. " * 1200
    for n in range(24):
        evidence.add(f"notes/page-{n:02}.md", f"# Notes {n}\n\n{body}\n")
    workers.clear()
    cold = _check(cli, evidence)
    assert workers and workers[0] > 1
    # 24 pages of 90 KB, each kept whole: over the 1 MB limit, so trimmed below it.
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    assert 0 < size <= 1024 * 1024
    assert 0 < len(_entries(cache)) < 5 + 24
    warm = _check(cli, evidence)
    assert warm.stdout == cold.stdout == _check(cli, evidence, "--no-cache").stdout


@pytest.mark.parametrize(
    "command",
    [
        ("explain", "incident-policy"),
        ("report", "-f", "md"),
    ],
)
def test_report_and_explain_read_the_cache_and_say_the_same(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str], command: tuple[str, ...]
) -> None:
    _mixed(evidence)
    name, *rest = command
    args: list[str | Path] = [name, evidence.root, *rest, "--catalogue", MINI, "--as-of", AS_OF]
    cold = cli(*args)
    assert cold.exit_code == 0, cold.stderr
    assert len(reads) == 5
    reads.clear()
    warm = cli(*args)
    assert reads == [] and warm.stdout == cold.stdout
    assert cli(*args, "--no-cache").stdout == cold.stdout


def test_parser_versions_are_read_from_the_installed_packages(tmp_path: Path) -> None:
    first, second = tmp_path / "site-a", tmp_path / "site-b"
    for folder, names in (
        (first, ["pypdf-7.1.1.dist-info", "Python_Docx-1.2.0.dist-info", "rich-13.0.dist-info"]),
        (second, ["pypdf-6.0.0.dist-info", "ruamel.yaml-0.19.1.dist-info"]),
    ):
        for name in names:
            (folder / name).mkdir(parents=True)
    found = library_versions([str(first), str(tmp_path / "missing"), str(second)])
    # The first installation on the path is the one imported; rich parses no evidence.
    assert found == ["pypdf 7.1.1", "python_docx 1.2.0", "ruamel_yaml 0.19.1"]


def test_a_change_to_the_tools_code_changes_its_fingerprint(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "evidence").mkdir(parents=True)
    module = package / "evidence" / "dates.py"
    module.write_text("ORDER = 'dmy'\n", encoding="utf-8")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    before = fingerprint_module._modules(str(package))
    assert [line.split()[0] for line in before] == [f"evidence{os.sep}dates.py"]
    (package / "__pycache__" / "x.pyc").write_bytes(b"compiled again")
    assert fingerprint_module._modules(str(package)) == before
    module.write_text("ORDER = 'mdy'\n", encoding="utf-8")
    os.utime(module, ns=(1, 1))  # same size; its time differs
    assert fingerprint_module._modules(str(package)) != before


def test_cache_false_in_the_configuration_keeps_nothing(
    cli: Invoke, evidence: Folder, cache: Path, reads: list[str]
) -> None:
    _mixed(evidence)
    evidence.add(".iso20k.yaml", "organisation: Acme\ncache: false\n")
    first = _check(cli, evidence)
    reads.clear()
    assert _check(cli, evidence).stdout == first.stdout
    assert len(reads) == 5
    assert not cache.exists()


def test_a_pipe_or_a_link_in_place_of_an_entry_is_a_miss(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "cache", limit=10**9)
    assert store is not None
    sound, piped, linked = (key_of("test", str(n)) for n in range(3))
    store.put("evidence", sound, b'{"a": 1}')
    store.put("evidence", linked, b'{"b": 2}')
    assert store.get("evidence", sound) == b'{"a": 1}'
    pipe = Path(store._path("evidence", piped))
    pipe.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(pipe)
    assert store.get("evidence", piped) is None  # returns at once: no writer is awaited
    # A sound entry moved elsewhere and linked back is not followed.
    link = Path(store._path("evidence", linked))
    elsewhere = tmp_path / "elsewhere.json"
    link.replace(elsewhere)
    link.symlink_to(elsewhere)
    assert store.get("evidence", linked) is None


def test_a_warm_run_dates_no_register_again(
    cli: Invoke, evidence: Folder, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_csv(
        evidence.root / "incident-log.csv",
        [
            ["Ref", "Logged", "Summary"],
            ["INC-1", "2026-04-03", "Disk"],
            ["INC-2", "2026-06-05", "VPN"],
        ],
    )
    cold = _check(cli, evidence)
    dated: list[str] = []

    def counting(
        file: EvidenceFile,
        genre: str | None,
        order: DateOrder | None,
        kinds: Sequence[KindRows] = (),
    ) -> object:
        dated.append(file.path)
        return record_set(file, genre, order, kinds)

    monkeypatch.setattr("iso20k_cli.assess.recognised.record_set", counting)
    warm = _check(cli, evidence)
    assert warm.stdout == cold.stdout
    log = {f["path"]: f for f in warm.json()["files"]}["incident-log.csv"]
    span = (log["first_record"], log["last_record"], log["entries"])
    assert span == ("2026-04-03", "2026-06-05", 2)
    assert dated == []  # the entries came with the recognition
    # Another order of day and month is another entry: the register is dated again.
    evidence.add(".iso20k.yaml", "date_order: mdy\n")
    _check(cli, evidence)
    assert dated == ["incident-log.csv"]


def test_a_warm_run_takes_each_unchanged_file_settled_from_one_entry(
    cli: Invoke, evidence: Folder, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing laid over the files: neither their extraction nor their recognition is
    read back, and nothing is recognised or slimmed again."""
    _mixed(evidence)
    cold = _check(cli, evidence)
    assert len(_entries(cache, "settled")) == 5 and not _entries(cache, "recognition")
    looked_up: list[str] = []
    real_get = Store.get

    def counting(self: Store, kind: str, key: str) -> bytes | None:
        looked_up.append(kind)
        return real_get(self, kind, key)

    monkeypatch.setattr(Store, "get", counting)
    monkeypatch.setattr("iso20k_cli.assess.digest.slimmed", _never)
    monkeypatch.setattr("iso20k_cli.assess.digest.recognised", _never)
    warm = _check(cli, evidence)
    assert warm.stdout == cold.stdout
    assert sorted(looked_up) == ["catalogue", *["settled"] * 5]


def _never(*_args: object, **_kwargs: object) -> object:
    raise AssertionError("a warm run settled a file again")


def test_files_a_manifest_or_a_navigation_lays_over_are_not_kept_settled(
    cli: Invoke, evidence: Folder, cache: Path
) -> None:
    """What is laid over a file is not part of its extraction's key: such a folder keeps
    recognitions under the file as laid over, as before."""
    _mixed(evidence)
    evidence.add(
        "evidence.yaml",
        "files:\n  - path: incident-policy.md\n    owner: Head of Service\n",
    )
    cold = _check(cli, evidence)
    assert not _entries(cache, "settled") and len(_entries(cache, "recognition")) == 5
    assert _check(cli, evidence).stdout == cold.stdout


def test_settled_entries_are_found_again_by_another_process(
    evidence: Folder, cache: Path, tmp_path: Path
) -> None:
    """Keys are the same text in every process (a set's order changes with the hash
    seed): a second run adds no entry."""
    _mixed(evidence)
    env = {**os.environ, "ISO20K_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "iso20k_cli", "check", str(evidence.root)]
    # The shipped catalogue: its checks read the content of many items' evidence.
    command += ["--as-of", AS_OF, "-f", "json"]
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            command,
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        outputs.append(done.stdout)
        if seed == "1":
            first = sorted(p.name for p in cache.rglob("*.json"))
    assert outputs[0] == outputs[1]
    assert sorted(p.name for p in cache.rglob("*.json")) == first
    assert len(_entries(cache, "settled")) == 5
