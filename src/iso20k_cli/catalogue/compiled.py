"""The shipped catalogues in validated form, written next to them, read instead of their YAML.

Parsing and validating the default catalogue's YAML costs every run that has no cache
(the first one, and every ``--no-cache`` run) about a tenth of a second of its start-up;
reading the validated model back from JSON costs a few milliseconds. The compiled file
opens with the SHA-256 of the YAML it was made from, so a YAML file edited after it was
compiled (in a checkout or in place) is parsed as before, never answered from stale data.
tests/test_compiled_catalogue.py holds the committed files to what the YAML gives; after
editing a shipped catalogue, write them again with::

    python -m iso20k_cli.catalogue.compiled
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from pydantic import ValidationError

from iso20k_cli.catalogue.model import Catalogue
from iso20k_cli.resources import CatalogueSource, requirements_dir

FOLDER = "compiled"
_MAX_BYTES = 8 * 1024 * 1024
_DIGEST_CHARS = 64


def compiled_path(catalogue: Path) -> Path:
    """Where the compiled form of the shipped catalogue file ``catalogue`` is kept."""
    return catalogue.parent / FOLDER / f"{catalogue.stem}.json"


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def compile_catalogue(source: CatalogueSource) -> bytes:
    """The compiled form of a shipped catalogue: its YAML's digest, then the model as JSON."""
    from iso20k_cli.catalogue.loader import load_catalogue

    yaml = source.file.read_bytes()
    catalogue = load_catalogue(Path(source.label))
    return f"{_digest(yaml)}\n".encode("ascii") + catalogue.model_dump_json().encode("utf-8")


def load_compiled(source: CatalogueSource) -> Catalogue | None:
    """The shipped catalogue ``source`` from its compiled form, or None when there is none
    or it was not made from the YAML file as it is now (then the YAML is read)."""
    if not source.shipped:
        return None
    try:
        with compiled_path(source.file).open("rb") as stream:
            compiled = stream.read(_MAX_BYTES + 1)
        yaml = source.file.read_bytes()
    except OSError:
        return None
    head, newline, body = compiled.partition(b"\n")
    if len(compiled) > _MAX_BYTES or not newline or len(head) != _DIGEST_CHARS:
        return None
    if head.decode("ascii", "replace") != _digest(yaml):
        return None
    try:
        catalogue = Catalogue.model_validate_json(body)
    except (ValidationError, ValueError):
        return None
    return catalogue if catalogue.path == source.label else None


def main() -> None:
    """Write the compiled form of every shipped catalogue."""
    from iso20k_cli.resources import catalogue_source, shipped_catalogues

    for name in shipped_catalogues():
        source = catalogue_source(Path(name))
        target = compiled_path(source.file)
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(compile_catalogue(source))
        print(f"wrote {target.relative_to(requirements_dir().parent)}", file=sys.stdout)


if __name__ == "__main__":
    main()
