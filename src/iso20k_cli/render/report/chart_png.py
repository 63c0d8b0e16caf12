"""The report's charts as PNG images, for the Word report.

Word shows SVG only from Office 2016 on and python-docx embeds raster images only, so
the Word report gets the same shapes as the HTML's SVG (``charts.py``) drawn by Pillow,
which the package already depends on (python-pptx reads slide images with it). The
chart is drawn at three times its final size and scaled down, which smooths the edges
Pillow draws without anti-aliasing.

Text is drawn in DejaVu Sans or Liberation Sans when the system has them: the fonts
the layout's width estimate is made from, so every label fits as it does in the SVG.
Without them Pillow's own font is used, which is narrower still.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from iso20k_cli.render.report import charts

# Pixels per unit of the chart in the image, and the supersampling factor.
SCALE, SUPER = 2, 3
_FONTS = {
    False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"),
    True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"),
}
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def _font(size: int, bold: bool) -> Font:
    for name in _FONTS[bold]:
        try:
            # A bare name is looked for in the system's font folders.
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _colour(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _draw(draw: ImageDraw.ImageDraw, shape: charts.Shape, k: float) -> None:
    if isinstance(shape, charts.Text):
        font = _font(round(shape.size * k), shape.weight >= 600)
        anchor = _ANCHORS[shape.anchor]
        draw.text((shape.x * k, shape.y * k), shape.text, _colour(shape.colour), font, anchor)
    elif isinstance(shape, charts.Bar):
        box = (shape.x * k, shape.y * k, (shape.x + shape.width) * k, (shape.y + shape.height) * k)
        draw.rounded_rectangle(box, radius=3 * k, fill=_colour(shape.colour))
    else:
        r = shape.radius * k
        box = (shape.cx * k - r, shape.cy * k - r, shape.cx * k + r, shape.cy * k + r)
        # Pillow's angles run clockwise from three o'clock: the top half is 180 to 360.
        start, end = 180 + 180 * shape.start, 180 + 180 * shape.end
        half = shape.stroke * k / 2
        outer = (box[0] - half, box[1] - half, box[2] + half, box[3] + half)
        draw.arc(outer, start, end, _colour(shape.colour), round(shape.stroke * k))


def render(chart: charts.Chart) -> bytes:
    """The chart as a PNG on a white background, ``SCALE`` pixels per unit."""
    k = SCALE * SUPER
    size = (round(chart.width * k), round(chart.height * k))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for shape in chart.shapes:
        _draw(draw, shape, k)
    final = image.resize(
        (round(chart.width * SCALE), round(chart.height * SCALE)), Image.Resampling.LANCZOS
    )
    buffer = io.BytesIO()
    final.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
