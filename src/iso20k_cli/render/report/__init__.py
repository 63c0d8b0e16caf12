"""The gap-analysis report: its view-model and every format that renders it.

The view-model (``view``, ``plan``, ``gaps``, ``strengths``, ``method``, ``labels``,
``branding``) is made of pure functions of an Assessment; every report format
(Markdown, HTML, Word, CSV, Excel) renders the same :class:`~.view.ReportView`, so
that they never disagree. Which module renders which ``--format`` is said once, in
iso20k_cli/formats.py.
"""
