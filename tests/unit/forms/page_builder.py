"""Builds PageText pages for the form reader's tests: ruled rows of label and value cells.

A row is a list of ``(text, width)`` cells; each text is drawn left-aligned in its
cell (several lines when it holds newlines). Characters get boxes of ``size`` pixels,
so a page here reads like a PDF text layer.
"""

from __future__ import annotations

from desktop_app.documents.page_text import ORIGIN_PDF, PageText, Rule, TextSpan

SIZE = 20.0


def span(text: str, x: float, y: float, size: float = SIZE) -> TextSpan:
    """``text`` written from ``(x, y)`` (top-left), one ``size``-wide box a character."""
    chars = tuple((x + i * size, y, x + (i + 1) * size, y + size) for i in range(len(text)))
    return TextSpan(text, (x, y, x + len(text) * size, y + size), chars, size)


def table(
    rows: list[list[tuple[str, float]]],
    *,
    top: float = 200.0,
    left: float = 40.0,
    row_height: float = 60.0,
    header: list[TextSpan] | None = None,
    origin: str = ORIGIN_PDF,
) -> PageText:
    """A page with ``header`` spans above a ruled table of ``rows``."""
    spans: list[TextSpan] = list(header or [])
    rules: list[Rule] = []
    width = max(sum(w for _, w in row) for row in rows)
    y = top
    for row in rows:
        rules.append(Rule(left, y, left + width, y))
        x = left
        for text, cell_width in row:
            rules.append(Rule(x, y, x, y + row_height))
            lines = [t for t in text.split("\n")] if text else []
            for n, line in enumerate(lines):
                if line:
                    spans.append(span(line, x + 6, y + 8 + n * (SIZE + 4)))
            x += cell_width
        rules.append(Rule(x, y, x, y + row_height))
        y += row_height
    rules.append(Rule(left, y, left + width, y))
    return PageText(left * 2 + width, y + 100, 150.0, tuple(spans), tuple(rules), origin)
