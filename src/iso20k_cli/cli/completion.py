"""Shell completion of clause and item ids, for ``explain`` and ``catalogue show``.

typer calls these only when the shell asks for completions (``--install-completion``
sets that up), never for ``--help`` or a run: the catalogue is loaded here, not at import.
"""

from pathlib import Path

import typer


def complete_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Clause and item ids of the catalogue in use that start with what was typed, with
    their titles; nothing when the catalogue cannot be read (completion never fails)."""
    from iso20k_cli.cache.location import open_cache
    from iso20k_cli.catalogue.cached import load_catalogue_cached
    from iso20k_cli.errors import Iso20kError

    chosen = ctx.params.get("catalogue")
    evidence = ctx.params.get("evidence_dir")
    try:
        store = open_cache(evidence if isinstance(evidence, Path) else Path.cwd())
        catalogue = load_catalogue_cached(chosen if isinstance(chosen, Path) else None, store)
    except (Iso20kError, OSError):
        return []
    typed = incomplete.lower()
    pairs = [
        *((c.id, c.title) for c in catalogue.clauses),
        *((i.id, i.title) for i in catalogue.items),
    ]
    return [(value, title) for value, title in pairs if value.lower().startswith(typed)]
