#!/usr/bin/env bash
# Remakes the screenshots of the example's report in docs/: the HTML in Chromium, the PDF
# and the Word report (through LibreOffice), summary pages only. Run from the repository
# root with the tool installed with its pdf extra; needs chromium, soffice and pdftoppm.
#
#   bash docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
example=examples/harbourside
as_of=2026-11-21

iso20k report "$example" --as-of "$as_of" -o "$work/report.html"
iso20k report "$example" --as-of "$as_of" -o "$work/report.pdf"
iso20k report "$example" --as-of "$as_of" -o "$work/report.docx"

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --hide-scrollbars --window-size=1100,1500 \
  --screenshot="$work/html.png" "file://$work/report.html" 2>/dev/null

# Pages 2 and 3 hold the executive summary with its gauge and clause chart.
pdftoppm -png -r 60 -f 2 -l 3 "$work/report.pdf" "$work/pdf"
mkdir "$work/word"
soffice --headless --convert-to pdf --outdir "$work/word" "$work/report.docx" >/dev/null 2>&1
pdftoppm -png -r 60 -f 2 -l 3 "$work/word/report.pdf" "$work/docx"

python - "$work" <<'EOF'
import sys
from pathlib import Path

from PIL import Image

work = Path(sys.argv[1])


def side_by_side(pages: list[Path], target: Path) -> None:
    images = [Image.open(p).convert("RGB") for p in pages]
    sheet = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), "white")
    x = 0
    for image in images:
        sheet.paste(image, (x, 0))
        x += image.width
    # A 128-colour palette keeps the pictures small enough for the repository.
    sheet.quantize(128).save(target, optimize=True)


Image.open(work / "html.png").convert("RGB").quantize(128).save("docs/report-html.png", optimize=True)
side_by_side(sorted(work.glob("pdf-*.png")), Path("docs/report-pdf.png"))
side_by_side(sorted(work.glob("docx-*.png")), Path("docs/report-docx.png"))
EOF
