"""What recognition decided about each file, and the file's record set, kept under the
file's extracted content, the catalogue's and the order of day and month in use, so that
an unchanged file in an unchanged catalogue is neither recognised nor dated again.

Both are functions of one file as read (after the evidence manifest has been laid over
it), of the catalogue and, for the record set's dates, of ``date_order``; the key is a
digest of all of them in full, so any change to one, or to the tool, is a miss.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pydantic import TypeAdapter

from iso20k_cli.cache.entries import validated
from iso20k_cli.cache.fingerprint import tool_fingerprint
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.checks.entries import RecordSet, record_set
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import FileRecognition
from iso20k_cli.recognise.recogniser import Recogniser

KIND = "recognition"


@dataclass(frozen=True)
class Recognised:
    """One file's recognition and, for a register or export of dated rows, its entries."""

    recognition: FileRecognition
    entries: RecordSet | None


_ADAPTER: TypeAdapter[Recognised] = TypeAdapter(Recognised)


def recognised(
    recogniser: Recogniser, file: EvidenceFile, date_order: DateOrder | None
) -> Recognised:
    recognition = recogniser.recognise(file)
    entries = record_set(file, recognition.genre, date_order, recognition.kinds)
    return Recognised(recognition, entries)


class RecognitionCache:
    """Recognitions and record sets kept per file under the file as read, the catalogue
    and the order of day and month."""

    def __init__(self, catalogue: Catalogue, store: Store, date_order: DateOrder | None) -> None:
        self._catalogue = catalogue
        self._store = store
        self._date_order = date_order
        self._fingerprint = tool_fingerprint()
        self.catalogue_digest = hashlib.sha256(
            catalogue.model_dump_json().encode("utf-8")
        ).hexdigest()
        self._recogniser: Recogniser | None = None  # built only when a file is recognised

    def recognise(self, file: EvidenceFile) -> Recognised:
        """``file``'s recognition and record set, from the cache where they can be."""
        body = file.model_dump_json().encode("utf-8")
        order = self._date_order or "-"
        key = key_of(KIND, self._fingerprint, self.catalogue_digest, order, body)
        found = _read(self._store.get(KIND, key), file)
        if found is None:
            self._recogniser = self._recogniser or Recogniser(self._catalogue)
            found = recognised(self._recogniser, file, self._date_order)
            kept = _ADAPTER.dump_json(found)
            if _read(kept, file) == found:
                self._store.put(KIND, key, kept)
        return found


def _read(body: bytes | None, file: EvidenceFile) -> Recognised | None:
    found = validated(_ADAPTER, body)
    return found if found is not None and found.recognition.path == file.path else None
