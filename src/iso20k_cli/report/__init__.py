"""The gap-analysis report as a view-model: pure functions of an Assessment.

Every report format (Markdown, HTML, Word, CSV, Excel) renders the same
:class:`~iso20k_cli.report.view.ReportView`, so that they never disagree.
"""
