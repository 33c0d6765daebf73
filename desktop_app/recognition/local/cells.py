"""Whether two pieces of text lie in one cell of the form: no rule runs between them.

The template knows where values start, not where their cells end; a value wrapped to
a second line (a long model name, address or bank) must keep that line and never take
the next field's. The ruling of the page (``ruling.find_segments``) is found only when
a value asks (a page with no wrapped value costs nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop_app.recognition.local.fragments import Fragment
from desktop_app.recognition.local.ocr import OcrLine
from desktop_app.recognition.local.placement import Apart

#: Share of a line's height kept clear below the upper line's middle: a rule between
#: two lines lies lower than that and above the lower line's middle (a line printed
#: across a rule, mostly below it, is in the cell below).
CLEAR = 0.3


def rules_between(image: Any, lines: Sequence[OcrLine]) -> Apart:
    """The ``Apart`` test of ``image``: whether a horizontal rule runs between an upper
    and a lower fragment, under the part of the page both span."""
    found: list[Any] = []

    def horizontals() -> list[Any]:
        if not found:
            from desktop_app.recognition.local.page_text_from_ocr import char_height
            from desktop_app.recognition.local.ruling import find_segments

            segments = find_segments(image, char_height(lines))
            found.append([s for s in segments if s.horizontal])
        return found[0]

    def apart(upper: Fragment, lower: Fragment) -> bool:
        left = max(upper.left_mid[0], lower.left_mid[0])
        right = min(upper.right_mid[0], lower.right_mid[0])
        x = (left + right) / 2.0 if right > left else lower.left_mid[0] + lower.height
        top = upper.center[1] + CLEAR * upper.height
        bottom = lower.center[1]
        return any(
            min(s.x0, s.x1) <= x <= max(s.x0, s.x1) and top < s.across_at(x) < bottom
            for s in horizontals()
        )

    return apart
