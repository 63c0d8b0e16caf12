"""What the pipeline settled of each file, kept under the key of the file as read.

A file's recognition, record set and slimmed content are functions of the file as read,
the catalogue, the order of day and month, and which content the checks read (the
retention). Where nothing is laid over a file (no evidence manifest, no site navigation,
no git history), the file as read is the file settled, so the extraction's cache key
stands for it: an unchanged file is then taken from one entry, without its extraction
being read back, recognised from cache, or slimmed again. The key is a digest of all of
them, so any change to one, or to the tool, is a miss.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter

from iso20k_cli.cache.entries import validated
from iso20k_cli.cache.fingerprint import tool_fingerprint
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.checks.entries import RecordSet
from iso20k_cli.evidence.dates import DateOrder
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import FileRecognition

KIND = "settled"


@dataclass(frozen=True)
class Settled:
    """What recognising one file gave: the file slimmed, and what is kept of it apart."""

    file: EvidenceFile
    recognition: FileRecognition
    entries: RecordSet | None
    lean: bool
    """Whether ``file`` was slimmed, its models sharing one set of field names."""


_ADAPTER: TypeAdapter[Settled] = TypeAdapter(Settled)


class SettledCache:
    """Settled files kept per extraction key, catalogue, order of day and month and
    retention."""

    def __init__(
        self,
        store: Store,
        catalogue_digest: str,
        date_order: DateOrder | None,
        retention: str,
    ) -> None:
        self._store = store
        self._base = (tool_fingerprint(), catalogue_digest, date_order or "-", retention)

    def get(self, read_key: str, rel: str) -> Settled | None:
        """The file ``rel`` as settled from the file read under ``read_key``, if kept."""
        return _read(self._store.get(KIND, self._key(read_key)), rel)

    def put(self, read_key: str, settled: Settled) -> None:
        """Keep ``settled``, if it reads back as it is."""
        body = _ADAPTER.dump_json(settled)
        if _read(body, settled.file.path) == settled:
            self._store.put(KIND, self._key(read_key), body)

    def _key(self, read_key: str) -> str:
        return key_of(KIND, *self._base, read_key)


def _read(body: bytes | None, rel: str) -> Settled | None:
    found = validated(_ADAPTER, body)
    if found is None or found.file.path != rel or found.recognition.path != rel:
        return None
    return found
