"""Each file recognised as soon as it is read, and kept only as far as the assessment reads it.

Held whole to the end, a folder's files cost memory in proportion to the text read
(11 KB a file on a folder of 50,000 Markdown pages). Recognition needs one file at a
time; after it, the results and most checks read only a file's path, title, document
control and dates. Its text, sections and tables are read by few checks:

- the checks of :data:`READS_CONTENT` read the content of their own item's evidence,
  and the nil return of a conditional item reads its evidence's text: such files are
  kept whole, and so is an agreement, whose approval, identification and review are
  judged from its text (see ``checks/profiles.py``);
- ``audit_impartiality`` looks for process owners in every item's evidence: in their
  process tables, RACI matrices and lists of role holders, the headings those stand
  under, and their "Process owner:" line (``checks/owners.py``);
- ``corrective_actions`` reads the text of the items it takes nonconformities from.

A file evidence of nothing keeps none of them. A register's entries (its record set)
are taken while the file is whole, before its tables go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import TypeVar

from pydantic import BaseModel

from iso20k_cli.assess.recognised import Recognised, RecognitionCache, recognised
from iso20k_cli.assess.settled import Settled, SettledCache
from iso20k_cli.cache.store import Store
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.checks import audit_impartiality, corrective_actions
from iso20k_cli.checks.entries import RecordSet
from iso20k_cli.checks.owners import owner_line, owner_tables
from iso20k_cli.checks.registry import REGISTRY
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import FileRecognition
from iso20k_cli.recognise.recogniser import Recogniser
from iso20k_cli.settings.config import Settings

READS_CONTENT: dict[str, bool] = {name: check.reads_content for name, check in REGISTRY.items()}
"""Whether a check type reads the text, sections or tables of its item's evidence (the
others read document control, record dates and record sets), as each module declares."""


class Keep(IntEnum):
    """How much of a file's content is kept after recognition."""

    NOTHING = 0
    OWNERS = 1
    """The tables that name owners, the sections they stand under and the process-owner
    line: what the owner search reads of other items' evidence."""
    ALL = 2


@dataclass(frozen=True)
class Retention:
    """Which evidence the checks of one catalogue and configuration read the content of."""

    whole: frozenset[str]
    """Items whose counted evidence is kept whole."""
    owners: bool
    """Some item searches every item's evidence for process owners."""

    @classmethod
    def of(cls, catalogue: Catalogue, settings: Settings) -> Retention:
        whole: set[str] = set()
        owners = False
        for item in catalogue.items:
            if item.applies_when is not None:
                whole.add(item.id)  # a nil return ("none this period") is read in the text
            for declared in item.checks:
                spec = settings.tuned(item, declared)
                if READS_CONTENT[spec.type]:
                    whole.add(item.id)
                if isinstance(spec, audit_impartiality.Spec):
                    owners = True
                if isinstance(spec, corrective_actions.Spec):
                    whole.update(spec.nonconformities_from)
        return cls(frozenset(whole), owners)

    def signature(self) -> str:
        """The same text for the same retention in every process (a set's order is not)."""
        return f"{sorted(self.whole)} {self.owners}"

    def keep(self, recognition: FileRecognition) -> Keep:
        counted = [link.item for link in recognition.links if link.counted]
        if not counted:
            return Keep.NOTHING
        if recognition.genre == "agreement" or any(item in self.whole for item in counted):
            return Keep.ALL
        return Keep.OWNERS if self.owners else Keep.NOTHING


def slimmed(file: EvidenceFile, keep: Keep) -> EvidenceFile:
    """``file`` without the content no check will read."""
    if keep is Keep.ALL:
        return file
    update: dict[str, object] = {"text": "", "sections": (), "tables": ()}
    if keep is Keep.OWNERS:
        tables = owner_tables(file)
        # The owner search names a table's place by the first section of its heading.
        placed = {t.section for t in tables}
        first = {s.heading: s for s in reversed(file.sections) if s.heading in placed}
        sections = tuple(s for s in file.sections if first.get(s.heading) is s)
        update = {"text": owner_line(file.text), "sections": sections, "tables": tables}
    return _lean(file, control=_lean(file.control), **update)


_M = TypeVar("_M", bound=BaseModel)
_FIELDS: dict[type[BaseModel], set[str]] = {}


def _lean(model: _M, **update: object) -> _M:
    """A copy of ``model`` with ``update``, for keeping many of them.

    Each pydantic instance records the names of the fields it was given in a set of its
    own, which for these models weighs more than their values (728 bytes); the copies
    share one set of all their fields' names (sets are never changed on frozen models,
    and nothing here asks which fields were given)."""
    names = _FIELDS.setdefault(type(model), set(type(model).model_fields))
    return type(model).model_construct(names, **{**model.__dict__, **update})


def _share_names(model: BaseModel) -> None:
    names = _FIELDS.setdefault(type(model), set(type(model).model_fields))
    if model.__pydantic_fields_set__ is not names:
        object.__setattr__(model, "__pydantic_fields_set__", names)


class Digest:
    """Recognises each file as it is read (``collect(settle=…)``) and slims it.

    In two halves, so that the first can run in the worker process that read the file:
    :meth:`settle` recognises and slims a file, and changes nothing here; :meth:`take`
    keeps what it gave, in this process."""

    def __init__(
        self,
        catalogue: Catalogue,
        settings: Settings,
        cache: Store | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._settings = settings
        self.cache = cache
        self._date_order = settings.date_order
        self._retention = Retention.of(catalogue, settings)
        self._recogniser: Recogniser | None = None  # built only when a file is recognised
        self._kept: SettledCache | None = None
        # With a cache, a file seen before is neither recognised nor dated again.
        if cache is not None:
            recognitions = RecognitionCache(catalogue, cache, settings.date_order)
            self._recognise = recognitions.recognise
            digest, order = recognitions.catalogue_digest, settings.date_order
            self._kept = SettledCache(cache, digest, order, self._retention.signature())
        else:
            self._recognise = self._fresh
        self._recognitions: dict[str, FileRecognition] = {}
        self._record_sets: dict[str, RecordSet] = {}

    def __call__(self, file: EvidenceFile) -> EvidenceFile:
        return self.take(self.settle(file))

    def settle(self, file: EvidenceFile) -> Settled:
        return self._settled(file, self._recognise(file))

    def settled(self, key: str, rel: str) -> EvidenceFile | None:
        """The file ``rel`` as an earlier run settled it from the file read under ``key``
        (nothing laid over it), kept here; None when the cache holds no sound entry."""
        found = self._kept.get(key, rel) if self._kept is not None else None
        if found is None:
            return None
        # Read back, a file and its control each carry their own set of field names.
        return self.take(replace(found, lean=True))

    def settle_keyed(self, file: EvidenceFile, key: str) -> Settled:
        """:meth:`settle` for a file nothing is laid over, kept under ``key`` (the key of
        the file as read) for later runs instead of under its recognition's key."""
        settled = self._settled(file, self._fresh(file))
        if self._kept is not None:
            self._kept.put(key, settled)
        return settled

    def _fresh(self, file: EvidenceFile) -> Recognised:
        self._recogniser = self._recogniser or Recogniser(self._catalogue)
        return recognised(self._recogniser, file, self._date_order)

    def _settled(self, file: EvidenceFile, found: Recognised) -> Settled:
        keep = self._retention.keep(found.recognition)
        return Settled(slimmed(file, keep), found.recognition, found.entries, keep is not Keep.ALL)

    def take(self, settled: Settled) -> EvidenceFile:
        """Keep what :meth:`settle` gave (here or in another process); the file to keep."""
        file = settled.file
        self._recognitions[file.path] = settled.recognition
        if settled.entries is not None:
            self._record_sets[file.path] = settled.entries
        if settled.lean:
            # Sent from a worker, the file and its control each came with their own
            # set of field names: shared again, as _lean made them.
            _share_names(file)
            _share_names(file.control)
        return file

    def with_order(self, order: DateOrder) -> Digest:
        """A digest like this one for files read with ``order`` as their default."""
        settings = self._settings.model_copy(update={"date_order": order})
        return Digest(self._catalogue, settings, self.cache)

    def adopt(self, other: Digest) -> None:
        """Take what ``other`` settled (files read again) in place of what this one did."""
        for path, recognition in other._recognitions.items():
            self._recognitions[path] = recognition
            self._record_sets.pop(path, None)
        self._record_sets.update(other._record_sets)

    def recognitions(self, files: Iterable[EvidenceFile]) -> tuple[FileRecognition, ...]:
        """What recognition decided about each of ``files``, in their order."""
        return tuple(self._recognitions[f.path] for f in files)

    def record_sets(self, files: Iterable[EvidenceFile]) -> dict[str, RecordSet]:
        """The record sets among ``files``, in their order."""
        return {f.path: s for f in files if (s := self._record_sets.get(f.path)) is not None}
