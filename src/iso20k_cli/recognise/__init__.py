"""Recognition: which catalogue items each evidence file (or section of it) is evidence of.

Runs between extraction and assessment; builds its indexes once per run and costs
look-ups per file.
"""
