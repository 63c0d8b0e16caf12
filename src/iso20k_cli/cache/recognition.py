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


def recognise_cached(
    catalogue: Catalogue, files: Sequence[EvidenceFile], store: Store
) -> tuple[FileRecognition, ...]:
    """Each file's recognition, in the order of ``files``, from the cache where it can be."""
    fingerprint = tool_fingerprint()
    catalogue_digest = hashlib.sha256(catalogue.model_dump_json().encode("utf-8")).hexdigest()
    recogniser: Recogniser | None = None  # built only when a file has to be recognised
    results: list[FileRecognition] = []
    for file in files:
        key = key_of(KIND, fingerprint, catalogue_digest, file.model_dump_json().encode("utf-8"))
        found = _read(store.get(KIND, key), file)
        if found is None:
            recogniser = recogniser or Recogniser(catalogue)
            found = recogniser.recognise(file)
            body = _ADAPTER.dump_json(found)
            if _read(body, file) == found:
                store.put(KIND, key, body)
        results.append(found)
    return tuple(results)


def _read(body: bytes | None, file: EvidenceFile) -> FileRecognition | None:
    if body is None:
        return None
    try:
        found = _ADAPTER.validate_json(body)
    except (ValidationError, ValueError):
        return None
    return found if found.path == file.path else None
