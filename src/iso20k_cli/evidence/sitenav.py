"""Page titles from a documentation site's navigation (MkDocs' ``nav:``).

A site built with MkDocs names its pages in ``mkdocs.yml``; the pages themselves often
start without a heading, so the first heading further down ("Purpose", "Checklist") is
no title. The navigation is where the organisation named each page, and a reader of
the site sees that name. Only the ``nav:`` block is read, as bounded YAML: the rest of
the file may carry tags that only MkDocs can load.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.yamlio import YamlBoundsError, check_bounds

SITE_FILES = ("mkdocs.yml", "mkdocs.yaml")
MAX_SITE_BYTES = 512 * 1024
MAX_PAGES = 10_000
_MAX_DEPTH = 12
_YAML = YAML(typ="safe")


def nav_titles(root: Path) -> dict[str, str]:
    """Relative path of each page below ``root`` -> its title in the site's navigation.

    Nothing when there is no site file at the root or it cannot be read: the titles
    are a help to recognition, never a reason to stop a run.
    """
    for name in SITE_FILES:
        path = root / name
        if path.is_symlink() or not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_SITE_BYTES:
                return {}
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return {}
        return titles_in(text)
    return {}


def titles_in(text: str) -> dict[str, str]:
    """The page titles a ``mkdocs.yml`` text gives, keyed by path below the site root."""
    docs_dir = "docs"
    block: list[str] = []
    inside = False
    for line in text.split("\n"):
        if line[:1] not in ("", " ", "\t", "-", "#"):
            inside = line.rstrip().startswith("nav:")
            key, _, value = line.partition(":")
            if key.strip() == "docs_dir" and value.strip():
                docs_dir = value.strip().strip("'\"").strip("/")
        if inside:
            block.append(line)
    if not block:
        return {}
    raw = "\n".join(block)
    try:
        check_bounds(raw, _MAX_DEPTH, 10 * len(raw), check_dates=False)
        data = _YAML.load(raw)
    except (YAMLError, YamlBoundsError, ValueError, TypeError):
        return {}
    base = PurePosixPath(docs_dir)
    if base.is_absolute() or ".." in base.parts:
        return {}
    found: dict[str, str] = {}
    _walk(data.get("nav") if isinstance(data, dict) else None, base, found)
    return found


def _walk(entries: Any, base: PurePosixPath, found: dict[str, str]) -> None:
    """Entries are ``Title: page.md``, ``Title: [entries]`` or a bare ``page.md``; a
    loop, not recursion on the data, since the depth is bounded above."""
    stack = [entries]
    while stack and len(found) < MAX_PAGES:
        current = stack.pop()
        if not isinstance(current, list):
            continue
        for entry in reversed(current):
            if not isinstance(entry, dict):
                continue  # a bare page takes the title it has
            for title, target in entry.items():
                if isinstance(target, list):
                    stack.append(target)
                elif isinstance(title, str) and isinstance(target, str) and title.strip():
                    page = _page(target, base)
                    if page is not None:
                        found.setdefault(page, " ".join(title.split()))


def _page(target: str, base: PurePosixPath) -> str | None:
    if "://" in target or target.startswith(("/", "#", "mailto:")):
        return None
    page = base / PurePosixPath(target.strip())
    if ".." in page.parts:
        return None
    return page.as_posix()


def titled(file: EvidenceFile, titles: dict[str, str]) -> EvidenceFile:
    """``file`` with its navigation title, unless it states its own in front matter."""
    title = titles.get(file.path)
    if title is None or file.title_source == "front-matter":
        return file
    return file.model_copy(update={"title": title, "title_source": "navigation"})
