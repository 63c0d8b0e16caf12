"""What overflows its box in a page, measured by the browser that lays it out.

Two expressions for ``Session.evaluate``; each returns a list of sentences, one per
element that overflows, naming it and its measurements (empty: nothing overflows).
"""

from __future__ import annotations

# Shared by both probes: an element's name, and whether it is kept for screen readers only
# (.visually-hidden, a stacked table's header), which is clipped to nothing on purpose.
_HELPERS = """
  const name = (e) => {
    const cls = typeof e.className === "string"
      ? e.className : (e.className && e.className.baseVal) || "";
    return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
      + (cls.trim() ? "." + cls.trim().split(/\\s+/).join(".") : "");
  };
  const hidden = (e) => {
    for (let a = e; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === "absolute" && s.clip !== "auto") return true;
    }
    return false;
  };
  const words = (e) => e.textContent.trim().replace(/\\s+/g, " ").slice(0, 60);
"""

BOXES = (
    "(() => {"
    + _HELPERS
    + """
  const width = document.documentElement.clientWidth;
  // Inside a box that scrolls (a table's wrapper) an element may be wider than the page.
  const scrolls = (e) => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  const found = [];
  for (const e of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(e);
    if (style.display === "none" || style.display === "contents" || hidden(e)) continue;
    const drawn = e instanceof SVGElement && e.tagName.toLowerCase() !== "svg";
    const box = !drawn && style.display !== "inline"
      && (!style.display.startsWith("table") || style.display === "table-cell");
    if (box && style.overflowX === "visible" && e.clientWidth > 0
        && e.scrollWidth > e.clientWidth + 1) {
      found.push(`${name(e)}: content ${e.scrollWidth}px wide`
        + ` in a box of ${e.clientWidth}px: ${words(e)}`);
    }
    if (!scrolls(e)) {
      const r = e.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > width + 1)) {
        found.push(`${name(e)}: spans ${Math.round(r.left)}..${Math.round(r.right)}px`
          + ` of a page ${width}px wide: ${words(e)}`);
      }
    }
  }
  return found;
})()"""
)
"""Every box (block or table cell) whose content is wider than it, where it does not
scroll, and every element reaching past the page's edges outside a scrolling box."""

CHART_TEXT = (
    "(() => {"
    + _HELPERS
    + """
  const found = [];
  for (const text of document.querySelectorAll("svg text")) {
    if (hidden(text)) continue;
    const box = text.ownerSVGElement.getBoundingClientRect();
    const r = text.getBoundingClientRect();
    if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) {
      const label = (text.firstChild && text.firstChild.textContent || words(text)).trim();
      found.push(`chart text at ${Math.round(r.left)}..${Math.round(r.right)}px, outside`
        + ` its chart's ${Math.round(box.left)}..${Math.round(box.right)}px: ${label}`);
    }
  }
  return found;
})()"""
)
"""Every word of a chart that falls outside its drawing, where an SVG clips it."""

TABLE_WRAPPERS = """
[...document.querySelectorAll(".table-wrap")].map((w) => {
  const r = w.getBoundingClientRect();
  return {
    overflow: getComputedStyle(w).overflowX,
    left: r.left,
    right: r.right,
    table: w.querySelector("table").getBoundingClientRect().width,
    box: w.clientWidth,
  };
})
"""
"""Each table's wrapper: how it overflows, where it is, and how wide its table is."""
