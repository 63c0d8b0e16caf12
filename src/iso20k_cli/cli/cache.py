"""``iso20k cache``: where the cache of earlier runs is, what it holds, and clearing it."""

from iso20k_cli.cli.result import Output, Result


def info() -> Result:
    """Show where the cache is, how many entries it holds and its size against its limit."""
    from iso20k_cli.cache.location import cache_dir, max_bytes
    from iso20k_cli.cache.store import usage

    where = cache_dir()
    found = usage(where)
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(found.by_kind.items()))
    lines = (
        f"location: {where}",
        f"entries: {found.entries}" + (f" ({kinds})" if kinds else ""),
        f"size: {_megabytes(found.size)} of at most {_megabytes(max_bytes())}",
    )
    return Result((Output("".join(line + "\n" for line in lines)),))


def clear() -> Result:
    """Remove every cache entry; the next run reads every file afresh."""
    from iso20k_cli.cache.location import cache_dir
    from iso20k_cli.cache.store import clear as clear_store
    from iso20k_cli.text.counts import plural

    where = cache_dir()
    removed = clear_store(where)
    entries = plural(removed.entries, "entry", "entries")
    said = f"removed {entries} ({_megabytes(removed.size)}) from {where}\n"
    return Result((Output(said),))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
