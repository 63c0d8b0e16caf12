"""The report as PDF: the HTML report laid out on A4 pages by WeasyPrint.

WeasyPrint is an optional extra (``pip install "iso20k[pdf]"``): it needs the system's
Pango library, which not every machine that runs ``check`` in CI has. It is imported
only here and only when a PDF is asked for.

The page is the HTML report's own, with its print styles (A4, each major section on a
new page, no row cut in two, page numbers). A few rules are added for paper only:
where WeasyPrint lays out differently from a browser, and page numbers in the contents.
"""

from __future__ import annotations

from types import ModuleType

from iso20k_cli.errors import MissingExtraError
from iso20k_cli.render.report.context import ReportContext
from iso20k_cli.render.report.html_report import render_html
from iso20k_cli.render.report.view import ReportView

INSTALL = 'pip install "iso20k[pdf]"'

# What WeasyPrint lays out differently from a browser: an inline-flex badge as wide as
# its line, no auto-fit grid tracks, an SVG's size from its viewBox alone, and a wide
# table's columns sized past the page (the browser shrinks the page to fit instead).
# Tables are sized from the body's 10pt on paper, not from the screen's root size. An
# item's heading stays with its table (WeasyPrint would leave a lone header row).
# A stylesheet given to WeasyPrint is the user's, below the page's own: hence !important.
PAPER_CSS = """
.badge { display: inline-block !important; line-height: 1.35; }
.badge .icon { vertical-align: -2px; margin-right: 0.3em; }
.stages { grid-template-columns: 1fr 1fr !important; }
.summary-grid { grid-template-columns: 11rem 1fr !important; }
.summary-grid figure { margin: 0; }
.gauge { width: 11rem !important; height: 6.5rem !important; }
table { font-size: 0.92em !important; }
table.actions, table.files { table-layout: fixed; }
table.actions th, table.actions td { padding-left: 0.35rem; padding-right: 0.35rem; }
table.actions thead th:nth-child(1) { width: 6%; }
table.actions thead th:nth-child(2) { width: 12%; }
table.actions thead th:nth-child(3) { width: 15%; }
table.actions thead th:nth-child(4) { width: 22%; }
table.actions thead th:nth-child(5) { width: 21%; }
table.actions thead th:nth-child(6) { width: 12%; }
table.actions thead th:nth-child(7) { width: 12%; }
table.files thead th:nth-child(1) { width: 29%; }
table.files thead th:nth-child(2) { width: 12%; }
table.files thead th:nth-child(3) { width: 19%; }
table.files thead th:nth-child(4) { width: 22%; }
table.files thead th:nth-child(5) { width: 18%; }
.block, .clause-head, .clause > .table-wrap { break-inside: avoid; }
.clause-head { break-after: avoid; }
.toc a::after { content: leader(".") target-counter(attr(href url), page); }
"""


def engine() -> ModuleType:
    """WeasyPrint, or an error that says how to install it.

    The command calls this before it reads the folder, so that a missing extra is said
    at once and nothing is written.
    """
    try:
        import weasyprint
    except ImportError:
        raise MissingExtraError(
            f"--format pdf needs the optional PDF support, which is not installed: {INSTALL}"
        ) from None
    except OSError as exc:
        # WeasyPrint is there but the system's Pango library it draws text with is not.
        raise MissingExtraError(
            "--format pdf needs the Pango library (on Debian and Ubuntu: apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0): {exc}"
        ) from None
    module: ModuleType = weasyprint
    return module


def render_pdf(view: ReportView, context: ReportContext) -> bytes:
    weasyprint = engine()
    html = render_html(view, context)
    # As the HTML's Content-Security-Policy says: nothing is fetched but the data: URIs
    # of the page itself (the logo). A template that names anything else gets nothing.
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(
        stylesheets=[weasyprint.CSS(string=PAPER_CSS, url_fetcher=fetcher)]
    )
    return pdf
