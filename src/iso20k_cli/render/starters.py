"""Starter documents for a new documentation repository, made from the catalogue.

``iso20k init`` writes one Markdown starter for every mandatory document of the
catalogue, in a folder per top clause, and a commented ``.iso20k.yaml``. A starter is
a template: front matter (owner, version 0.1, status draft, next review), the headings
the catalogue expects and, under each, an instruction in brackets. The recogniser's
unfilled-template rule (recognise/unwritten.py) therefore takes it for what it is, a
template that names its item but is not yet its evidence; once the instructions are
replaced by text, the same file counts as a draft of its item until it is approved.

Titles and headings are chosen by asking the recogniser itself: the starter's title is
the first of the item's names that recognition counts for the item once the document is
written, and a heading is left out when, written, it would make the section evidence of
another item. This holds for any catalogue, not only the shipped ones.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from iso20k_cli.catalogue.model import Catalogue, Item, Kind
from iso20k_cli.checks.covers_topics import Spec as CoversTopics
from iso20k_cli.checks.review_interval import Spec as ReviewInterval
from iso20k_cli.evidence.dates import add_months
from iso20k_cli.evidence.extract.markdown import parse
from iso20k_cli.evidence.extract.structure import build_sections
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import MatchedBy
from iso20k_cli.recognise.recogniser import Recogniser
from iso20k_cli.render.report.templates import render_template
from iso20k_cli.resources import templates_dir

STARTER_TEMPLATE = "document.md.j2"
CONFIG_TEMPLATE = "iso20k.yaml.j2"
CONFIG_NAME = ".iso20k.yaml"
_MAX_SLUG = 60
_MAX_KEYWORD_HEADINGS = 6
# Prose standing in for what a user will write under a heading, long enough for a
# section to count (section_min_words) and naming nothing the catalogue names.
_WRITTEN = (
    "This part is written by the organisation and says in plain words how the work is "
    "done, who does it, when it is done and what is kept of it, so that a new member of "
    "staff can follow it without further help and a reader can confirm that it happens "
    "as described here."
)


@dataclass(frozen=True)
class Heading:
    text: str
    prompt: str
    """What belongs under the heading, worded as an instruction to whoever fills it in."""
    from_words: bool = False
    """Drawn from the words the catalogue looks for, not from what it checks."""


@dataclass(frozen=True)
class Starter:
    item: str
    path: str
    """Relative to the folder written into, with ``/``."""
    title: str
    headings: tuple[Heading, ...]
    recognised: bool
    """Whether the recogniser counts the title for the item once the text is written."""


def folder_name(catalogue: Catalogue, clause_id: str) -> str:
    """The folder of a top clause: its number (two digits) and its title's first words,
    "04-context", "08-operation", "09-performance-evaluation"."""
    top = catalogue.clause(_top(catalogue, clause_id))
    number = top.id.zfill(2) if top.id.isdigit() else slug(top.id)
    short = top.title.split(" of ", 1)[0]
    return f"{number}-{slug(short)}" if slug(short) else number


def top_folders(catalogue: Catalogue) -> tuple[str, ...]:
    """A folder for every top clause, in the catalogue's order."""
    return tuple(folder_name(catalogue, c.id) for c in catalogue.clauses if c.parent is None)


def slug(text: str, limit: int = _MAX_SLUG) -> str:
    """Lower-case words joined by hyphens, at most ``limit`` characters, cut at a word."""
    # "Führung" is "fuhrung": accents go, the letters stay.
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in plain).split()
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word[:limit])
    return "-".join(kept)


def _top(catalogue: Catalogue, clause_id: str) -> str:
    current = catalogue.clause(clause_id)
    while current.parent is not None:
        current = catalogue.clause(current.parent)
    return current.id


def mandatory_documents(catalogue: Catalogue) -> tuple[Item, ...]:
    return tuple(i for i in catalogue.items if i.mandatory and i.kind is Kind.DOCUMENT)


def plan_starters(catalogue: Catalogue, items: tuple[Item, ...]) -> tuple[Starter, ...]:
    """Where each item's starter goes, its title and its headings."""
    recogniser = Recogniser(catalogue)
    starters: list[Starter] = []
    taken: set[str] = set()
    for item in items:
        folder = folder_name(catalogue, item.clause)
        title, recognised = _title(recogniser, item, folder)
        stem = f"{item.clause}-{slug(title) or slug(item.id)}"
        path = f"{folder}/{stem}.md"
        if path in taken:
            path = f"{folder}/{stem}-{slug(item.id)}.md"
        taken.add(path)
        headings = _kept_headings(recogniser, catalogue, item, path, title, _headings(item))
        starters.append(Starter(item.id, path, title, headings, recognised))
    return tuple(starters)


def _title(recogniser: Recogniser, item: Item, folder: str) -> tuple[str, bool]:
    """The first of the item's title and names that recognition counts for it, written."""
    candidates: list[str] = []
    for name in (item.title, *item.match.all_names):
        title = name[:1].upper() + name[1:]
        if title.lower() not in (c.lower() for c in candidates):
            candidates.append(title)
    for title in candidates:
        path = f"{folder}/{item.clause}-{slug(title)}.md"
        found = recogniser.recognise(_written(path, title, ()))
        if any(
            link.item == item.id and link.counted and link.matched_by is MatchedBy.TITLE
            for link in found.links
        ):
            return title, True
    return candidates[0], False


def _headings(item: Item) -> list[Heading]:
    """What the catalogue expects in the document: the topics it checks for, else the
    words it looks for, between the headings every controlled document has."""
    specific: list[Heading] = []
    for spec in item.checks:
        if isinstance(spec, CoversTopics):
            specific.extend(
                Heading(_capital(t.name), f"Describe where and how this document covers {t.name}.")
                for t in spec.topics
            )
    if not specific:
        specific = [
            Heading(
                _capital(keyword),
                f"Describe what this document sets out about {keyword}, and who is responsible.",
                from_words=True,
            )
            for keyword in item.match.keywords[:_MAX_KEYWORD_HEADINGS]
        ]
    return [
        Heading(
            "Purpose and scope",
            "State what this document is for and which services, sites and teams it covers.",
        ),
        Heading(
            "Roles and responsibilities",
            "Name the roles that own, carry out and approve what this document describes.",
        ),
        *specific,
        Heading(
            "Related documents",
            "List the policies, procedures and records this document relies on or refers to.",
        ),
        Heading(
            "Review and approval",
            "State how often this document is reviewed, who approves it and how it is kept "
            "current.",
        ),
    ]


def _kept_headings(
    recogniser: Recogniser,
    catalogue: Catalogue,
    item: Item,
    path: str,
    title: str,
    headings: list[Heading],
) -> tuple[Heading, ...]:
    """The headings that, once written, do not make their section another item's evidence
    (a "Service level" heading in a supplier contract is not the service level agreement),
    unless that item takes such a section of this one's documents as its own (the roles
    of the SMS plan); of the headings drawn from the item's words, also those that would
    name another item."""
    found = recogniser.recognise(_written(path, title, headings))
    counted = {
        link.section
        for link in found.links
        if link.item != item.id
        and link.counted
        and link.section is not None
        and item.id not in catalogue.item(link.item).match.in_sections_of
    }
    named = {miss.reason.split(" names ", 1)[0] for miss in found.misses if miss.item != item.id}
    return tuple(
        h
        for h in headings
        if f"§{h.text}" not in counted and not (h.from_words and f"§{h.text}" in named)
    )


def _written(path: str, title: str, headings: tuple[Heading, ...] | list[Heading]) -> EvidenceFile:
    """The starter as recognition will read it once every instruction is replaced by text."""
    parts = [f"# {title}", "", _WRITTEN, ""]
    for heading in headings:
        parts += [f"## {heading.text}", "", _WRITTEN, ""]
    text = "\n".join(parts)
    sections = build_sections(parse(text).marks, len(text))
    return EvidenceFile(
        path=path,
        format="markdown",
        size=len(text.encode("utf-8")),
        readable=True,
        title=title,
        title_source="front-matter",
        text=text,
        sections=tuple(sections),
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def review_date(catalogue: Catalogue, item: Item, today: dt.date) -> dt.date:
    """Today plus the item's review interval, else the catalogue's."""
    months = next(
        (s.months for s in item.checks if isinstance(s, ReviewInterval) and s.months),
        catalogue.defaults.review_interval_months,
    )
    return add_months(today, months)


def environment(template_dir: Path | None) -> Environment:
    """The shipped templates of templates/init/, behind the user's ``--template-dir``."""
    shipped = FileSystemLoader(str(templates_dir() / "init"))
    loader = (
        shipped
        if template_dir is None
        else ChoiceLoader([FileSystemLoader(str(template_dir)), shipped])
    )
    env = Environment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    # A JSON string is a YAML scalar that no title can break (a colon, a quote, a #).
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    env.filters["iso"] = lambda value: value.isoformat() if value is not None else ""
    return env


def render_starter(env: Environment, catalogue: Catalogue, starter: Starter, today: dt.date) -> str:
    item = catalogue.item(starter.item)
    clause = catalogue.clause(item.clause)
    variables: dict[str, Any] = {
        "item": item,
        "clause": clause,
        "standard": catalogue.standard,
        "title": starter.title,
        "headings": starter.headings,
        "version": "0.1",
        "status": "draft",
        "review_due": review_date(catalogue, item, today),
        "description": " ".join(item.description.split()),
    }
    return render_template(env, STARTER_TEMPLATE, variables)


def render_config(
    env: Environment, catalogue: Catalogue, catalogue_path: str | None, today: dt.date
) -> str:
    variables: dict[str, Any] = {
        "standard": catalogue.standard,
        "catalogue_path": catalogue_path,
        "defaults": catalogue.defaults,
        "conditions": sorted((c, " ".join(q.split())) for c, q in catalogue.conditions.items()),
        "today": today,
    }
    return render_template(env, CONFIG_TEMPLATE, variables)
