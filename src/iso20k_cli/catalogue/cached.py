"""The parsed catalogue, kept under a digest of the file's content and the tool's fingerprint.

A shipped catalogue is read from its compiled form when that was made from the file as
it is (:mod:`iso20k_cli.catalogue.compiled`), with or without a cache.

Parsing the catalogue's YAML with line numbers takes a noticeable part of a run; reading
back the validated model as JSON takes a few milliseconds. Only a catalogue that loaded
without error is kept, so an invalid one is reported the same way on every run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import TypeAdapter

from iso20k_cli.cache.entries import validated
from iso20k_cli.cache.fingerprint import tool_fingerprint
from iso20k_cli.cache.store import Store, key_of
from iso20k_cli.catalogue.compiled import load_compiled
from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.resources import catalogue_source

KIND = "catalogue"
_CATALOGUE: TypeAdapter[Catalogue] = TypeAdapter(Catalogue)
_MAX_READ = 4 * 1024 * 1024
"""Past this the loader refuses the file anyway (its own limit is lower): not cached."""


def _digest(source: Path) -> str | None:
    try:
        with source.open("rb") as stream:
            content = stream.read(_MAX_READ + 1)
    except OSError:
        return None
    if len(content) > _MAX_READ:
        return None
    return hashlib.sha256(content).hexdigest()


def load_catalogue_cached(path: Path | None, store: Store | None) -> Catalogue:
    """As :func:`~iso20k_cli.catalogue.loader.load_catalogue`, through the cache when
    there is one."""
    source = catalogue_source(path)
    compiled = load_compiled(source)
    if compiled is not None:
        return compiled
    # The YAML loader is imported only when the catalogue has to be parsed.
    from iso20k_cli.catalogue.loader import load_catalogue

    if store is None:
        return load_catalogue(path)
    digest = _digest(source.file)
    if digest is None:
        return load_catalogue(path)  # it reports what is wrong with the file
    label = source.label
    trusted = "shipped" if source.shipped else "given"
    key = key_of(KIND, tool_fingerprint(), label, trusted, digest)
    found = validated(_CATALOGUE, store.get(KIND, key))
    if found is not None and found.path == label:
        return found
    catalogue = load_catalogue(path)
    # Kept only if the file read is the file hashed: it may have changed in between.
    if _digest(source.file) == digest:
        body = catalogue.model_dump_json().encode("utf-8")
        if validated(_CATALOGUE, body) == catalogue:
            store.put(KIND, key, body)
    return catalogue
