"""What recognition decided about each file, kept under the file's extracted content and
the catalogue's, so that an unchanged file in an unchanged catalogue is not recognised again.

Recognition is a function of one file as read (after the evidence manifest has been
laid over it) and of the catalogue; the key is a digest of both in full, so any change
to either, or to the tool, is a miss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from pydantic import TypeAdapter, ValidationError

from iso20k_cli.cache.fingerprint import tool_fingerprint
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.evidence.model import EvidenceFile
from iso20k_cli.recognise.model import FileRecognition
from iso20k_cli.recognise.recogniser import Recogniser

KIND = "recognition"
_ADAPTER: TypeAdapter[FileRecognition] = TypeAdapter(FileRecognition)


class RecognitionCache:
    """Recognitions kept per file under the file as read and the catalogue."""

    def __init__(self, catalogue: Catalogue, store: Store) -> None:
        self._catalogue = catalogue
        self._store = store
        self._fingerprint = tool_fingerprint()
        self._catalogue_digest = hashlib.sha256(
            catalogue.model_dump_json().encode("utf-8")
        ).hexdigest()
        self._recogniser: Recogniser | None = None  # built only when a file is recognised

    def recognise(self, file: EvidenceFile) -> FileRecognition:
        """``file``'s recognition, from the cache where it can be."""
        body = file.model_dump_json().encode("utf-8")
        key = key_of(KIND, self._fingerprint, self._catalogue_digest, body)
        found = _read(self._store.get(KIND, key), file)
        if found is None:
            self._recogniser = self._recogniser or Recogniser(self._catalogue)
            found = self._recogniser.recognise(file)
            kept = _ADAPTER.dump_json(found)
            if _read(kept, file) == found:
                self._store.put(KIND, key, kept)
        return found


def recognise_cached(
    catalogue: Catalogue, files: Sequence[EvidenceFile], store: Store
) -> tuple[FileRecognition, ...]:
    """Each file's recognition, in the order of ``files``, from the cache where it can be."""
    cache = RecognitionCache(catalogue, store)
    return tuple(cache.recognise(file) for file in files)


def _read(body: bytes | None, file: EvidenceFile) -> FileRecognition | None:
    if body is None:
        return None
    try:
        found = _ADAPTER.validate_json(body)
    except (ValidationError, ValueError):
        return None
    return found if found.path == file.path else None
