"""Turning a page's spans into label tokens and value tokens.

A span may be a label alone (``厂牌型号``), a label and its value in one run
(``开票人：于俪``), a value, or a piece of a label (a label wrapped inside its
cell, or printed one character per line down the side of a block). Labels are
found at the start of a span — followed by nothing, a colon or a bracket, or
long enough not to be the start of a value — and, after a colon, further along
it; the rest of the span becomes value tokens with the boxes of their own
characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.documents.page_text import Box, TextSpan
from desktop_app.recognition.forms.fuzzy import MIN_LENGTH, misread_label

_COLONS = ":："
#: Marks that are never a value on their own (a dash is: 吨位 printed as ``-``).
_PUNCTUATION = ",，.。;；、/\\|'\"“”‘’`"
#: A wording at least this long is a label even when a value follows without a colon
#: (``开票人周志``: the colon is often not printed or not read).
_SELF_EVIDENT = 3


@dataclass(frozen=True)
class Token:
    """A label or a value on the page. ``wording`` is the folded label text (labels only)."""

    text: str
    box: Box
    wording: str = ""
    score: float = 1.0
    size: float = 0.0
    #: Whether the token's left/right edge is its OCR line's (the detector pads it).
    padded_left: bool = False
    padded_right: bool = False

    @property
    def is_label(self) -> bool:
        return bool(self.wording)

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def vertical(self) -> bool:
        """True for a label printed one character a line (a block's side header)."""
        width = self.box[2] - self.box[0]
        return len(self.text) >= 2 and self.height > 1.5 * width


def _fold_char(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", ch) if not c.isspace())


def glyph_width(char: str) -> float:
    """Relative advance of ``char``: CJK and full-width 1, Latin letters and digits about half."""
    if char.isspace():
        return 0.4
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.55


def _char_boxes(span: TextSpan) -> list[Box]:
    """One box per character: the span's own, or its box cut by the characters' advance
    widths (an OCR line: a Chinese character is about twice as wide as a digit)."""
    if len(span.chars) == len(span.text):
        return list(span.chars)
    x0, y0, x1, y1 = span.box
    widths = [glyph_width(ch) for ch in span.text]
    unit = (x1 - x0) / max(sum(widths), 1e-6)
    out: list[Box] = []
    at = x0
    for width in widths:
        out.append((at, y0, at + width * unit, y1))
        at += width * unit
    return out


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class _Folded:
    """A span's text folded for label matching, remembering which character each folded one came from."""

    def __init__(self, text: str) -> None:
        self.text = ""
        self.origin: list[int] = []
        self.spaced: set[int] = set()  # folded positions preceded by white space
        pending_space = False
        for index, ch in enumerate(text):
            folded = _fold_char(ch)
            if not folded:
                pending_space = True
                continue
            if pending_space and self.text:
                self.spaced.add(len(self.text))
            pending_space = False
            self.text += folded
            self.origin.extend([index] * len(folded))


def _label_at(
    folded: str, start: int, wordings: list[str], spaced: set[int] | frozenset[int] = frozenset()
) -> str | None:
    """The longest wording that stands as a label at ``folded[start:]``: followed by
    nothing, a colon, a bracket or a space (``电话 0371-1234``), or long enough to be
    a label whatever follows."""
    for wording in wordings:
        if not folded.startswith(wording, start):
            continue
        end = start + len(wording)
        rest = folded[end:]
        # A block's name and a field's label run together (二手车市场 + 地址): one label,
        # read as the field of that block (see reader._resolve_sections).
        joined = next((w for w in wordings if rest.startswith(w)), None)
        if joined is not None and _label_at(folded, end, wordings, spaced) is not None:
            return wording + joined
        if not rest or rest[0] in _COLONS or wording[0] == "(" or rest[0] in "(（":
            return wording
        if end in spaced and not _continues_word(wording, rest):
            return wording
        if len(wording) >= _SELF_EVIDENT and not _continues_word(wording, rest):
            return wording
        if _figures_after_words(wording, rest):
            return wording
    return None


def _figures_after_words(wording: str, rest: str) -> bool:
    """True when figures follow a label's Chinese words with no space (``吨位2177``,
    ``小写¥88558.43``): the printer's value run into its label, not a longer word."""
    cjk = "\u4e00" <= wording[-1] <= "\u9fff"
    return cjk and ((rest[0].isascii() and rest[0].isalnum()) or rest[0] in "¥￥")


def _continues_word(wording: str, rest: str) -> bool:
    """True when ``rest`` carries on the label's words (``地址`` + ``栏``) rather than a value."""
    return rest[0] in "号码名称代码及和" and len(wording) < 6


def split_span(
    span: TextSpan, wordings: list[str], same: Callable[[str, str], bool] = lambda a, b: False
) -> list[Token]:
    """The label and value tokens of ``span`` (``wordings`` folded, longest first); a
    line that is a label misread by a character or two (see ``fuzzy``) is that label
    (``same`` tells wordings of one field apart from others, for ties)."""
    folded = _Folded(span.text)
    boxes = _char_boxes(span)
    misread = _misread(folded.text, wordings, same)
    if misread is not None and _label_at(folded.text, 0, wordings, folded.spaced) is None:
        wording, end = misread
        if end >= len(folded.text):
            return [Token(span.text.strip(), span.box, wording, span.score, span.size, True, True)]
        cut = folded.origin[end]
        rest = TextSpan(span.text[cut:], _union(boxes[cut:]), (), span.size, span.score)
        head = span.text[:cut].strip()
        label = Token(head, _union(boxes[:cut]), wording, span.score, span.size, True, False)
        return [label, *split_span(rest, wordings, same)]
    if len(span.chars) == len(span.text):
        # A space the text layer leaves out still shows as a gap between characters.
        gap = 0.15 * max(span.box[3] - span.box[1], 1.0)
        for i in range(1, len(folded.text)):
            before, after = boxes[folded.origin[i - 1]], boxes[folded.origin[i]]
            if after[0] - before[2] > gap:
                folded.spaced.add(i)
    tokens: list[Token] = []
    pieces: list[tuple[int, int, str]] = []  # (start, end) in folded text, wording or ""
    position = 0
    label = _label_at(folded.text, 0, wordings, folded.spaced)
    while position < len(folded.text):
        if label is not None:
            end = position + len(label)
            while end < len(folded.text) and folded.text[end] in _COLONS:
                end += 1
            pieces.append((position, end, label))
            position = end
            label = None
            continue
        nxt = _next_label_after_colon(folded.text, position, wordings)
        spaced = _next_label_after_space(folded, position, wordings)
        if spaced is not None and (nxt is None or spaced[0] < nxt[0]):
            nxt = spaced
        end = nxt[0] if nxt else len(folded.text)
        pieces.append((position, end, ""))
        position = end
        label = nxt[1] if nxt else None
    for index, (start, end, wording) in enumerate(pieces):
        first, last = folded.origin[start], folded.origin[end - 1]
        text = span.text[first : last + 1].strip()
        if not wording:
            text = text.strip(_COLONS + " ")
        if not wording and not text.strip(_PUNCTUATION):
            continue  # a comma or slash left of a label (进口证明书号，) is no value
        box = _union(boxes[first : last + 1])
        edges = (index == 0, index == len(pieces) - 1)
        tokens.append(Token(text, box, wording, span.score, span.size, *edges))
    return tokens


def _misread(
    folded: str, wordings: list[str], same: Callable[[str, str], bool]
) -> tuple[str, int] | None:
    """A misread label filling the whole of ``folded``, or its start before a colon:
    its wording and where it ends in ``folded``."""
    whole = misread_label(folded, tuple(wordings), same)
    if whole is not None:
        return whole, len(folded)
    colon = next((i for i, ch in enumerate(folded) if ch in _COLONS), -1)
    if colon >= MIN_LENGTH:
        head = misread_label(folded[:colon], tuple(wordings), same)
        if head is not None:
            return head, colon + 1
    return None


def _next_label_after_colon(folded: str, start: int, wordings: list[str]) -> tuple[int, str] | None:
    """A further label in a run like ``电话:0371-1234 账号:6222…``: one followed by a colon."""
    match = _after_colon_pattern(tuple(wordings)).search(folded, start + 1)
    return (match.start(), match.group(1)) if match else None


def _next_label_after_space(
    folded: _Folded, start: int, wordings: list[str]
) -> tuple[int, str] | None:
    """A further label after a space and standing alone (``苏A12345  登记证号``): a value
    and the next cell's label run together where a rule is missing or was not seen."""
    for index in sorted(i for i in folded.spaced if i > start):
        label = _label_at(folded.text, index, wordings, folded.spaced)
        end = index + len(label) if label else 0
        if label and (
            end == len(folded.text) or end in folded.spaced or folded.text[end] in _COLONS
        ):
            return index, label
    return None


@functools.lru_cache(maxsize=8)
def _after_colon_pattern(wordings: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``wordings`` (longest first, so the alternation prefers it) before a colon."""
    return re.compile("(?=(" + "|".join(map(re.escape, wordings)) + ")[" + _COLONS + "])")


@functools.lru_cache(maxsize=8)
def _prefixes(wordings: tuple[str, ...]) -> frozenset[str]:
    """Every proper prefix of ``wordings``: what a label's first line or character may be."""
    return frozenset(w[:i] for w in wordings for i in range(1, len(w)))


def join_wrapped_labels(
    spans: list[TextSpan],
    wordings: list[str],
    together: Callable[[TextSpan, TextSpan], bool] = lambda a, b: True,
) -> list[TextSpan]:
    """Spans with a label's pieces joined: a label wrapped to a second line, or printed
    one character a line down the side of a block (``购/买/方/信/息``). ``together``
    says whether two spans share a cell: a label never continues across a rule."""
    complete = {_loose(w) for w in wordings}
    prefixes = _prefixes(tuple(sorted(complete)))
    order = sorted(range(len(spans)), key=lambda i: (spans[i].box[1], spans[i].box[0]))
    used: set[int] = set()
    merged: dict[int, TextSpan] = {}
    for i in order:
        if i in used:
            continue
        joined = _loose(_fold_all(spans[i].text))
        chain = [i]
        while joined in prefixes:
            taken = used | set(chain)
            nxt = None
            for found in (
                _next_beside(spans, chain[-1], taken),
                _next_below(spans, _line_of(spans, chain), taken),
            ):
                if found is None:
                    continue
                candidate = joined + _loose(_fold_all(spans[found].text))
                if candidate in prefixes or candidate in complete:
                    nxt = found
                    break
                misread = misread_label(candidate, tuple(sorted(complete)))
                if misread is not None and len(joined) >= MIN_LENGTH - 1:
                    nxt, candidate = found, misread  # a character of the label lost (增值税 / 额)
                    break
            if nxt is None or not together(spans[chain[-1]], spans[nxt]):
                break
            chain.append(nxt)
            joined = candidate
        if len(chain) > 1 and joined in complete:
            # A piece passed over before (址 a pixel higher than 地) is taken all the same.
            used.update(chain)
            merged[i] = _merged([spans[j] for j in chain])
    return [merged.get(i, spans[i]) for i in order if i in merged or i not in used]


def _loose(folded: str) -> str:
    """A label's pieces compared without the slashes between its names, which OCR often
    drops at the end of a wrapped line (``身份证号码`` / ``组织机构代码``); the label joined
    so is then read as a misreading of the wording (``fuzzy``)."""
    return folded.replace("/", "")


def _fold_all(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


def _next_beside(spans: list[TextSpan], index: int, taken: set[int]) -> int | None:
    """The span right of ``spans[index]`` on its line, a few characters away: the next
    character of a label printed spaced out across its cell (``地    址``)."""
    _, y0, x1, y1 = spans[index].box
    height = y1 - y0
    best, best_gap = None, 4.0 * height
    for j, other in enumerate(spans):
        if j in taken:
            continue
        gap = other.box[0] - x1
        overlap = min(y1, other.box[3]) - max(y0, other.box[1])
        if -0.3 * height <= gap < best_gap and overlap > 0.6 * height:
            best, best_gap = j, gap
    return best


def _line_of(spans: list[TextSpan], chain: list[int]) -> int:
    """The widest piece of the chain's last line (``统一社会信用代码`` rather than the ``/``
    read apart after it): the next line of the label is looked for under it."""
    last = spans[chain[-1]].box
    row = [i for i in chain if min(last[3], spans[i].box[3]) - max(last[1], spans[i].box[1]) > 0]
    return max(row, key=lambda i: spans[i].box[2] - spans[i].box[0])


def _next_below(spans: list[TextSpan], index: int, taken: set[int]) -> int | None:
    """The span right under ``spans[index]`` and within its width (give or take a
    character): the next line of a label wrapped or centred in its cell."""
    x0, _, x1, y1 = spans[index].box
    height = spans[index].box[3] - spans[index].box[1]
    # A side header spreads its characters down the whole block: wider gaps.
    single = len(spans[index].text.strip()) == 1
    best, best_gap = None, (4.0 if single else 1.2) * height
    for j, other in enumerate(spans):
        if j in taken:
            continue
        gap = other.box[1] - y1
        if single:
            inside = other.box[0] >= x0 - 0.8 * height and other.box[2] <= x1 + 0.8 * height
        else:  # a wrapped line may be longer than the one above it (统一社会信用代码/)
            across = min(x1, other.box[2]) - max(x0, other.box[0])
            inside = across >= 0.5 * min(x1 - x0, other.box[2] - other.box[0])
        if single and len(other.text.strip()) != 1:
            continue
        # OCR boxes are padded: two lines of a wrapped label squeezed into a low cell
        # (限乘 / 人数) overlap by up to ~55% of a box; the next line still starts
        # well below this one's top.
        below = other.box[1] > spans[index].box[1] + 0.4 * height
        if -0.6 * height <= gap < best_gap and inside and below:
            best, best_gap = j, gap
    return best


def _merged(chain: list[TextSpan]) -> TextSpan:
    boxes = [s.box for s in chain]
    text = "".join(s.text for s in chain)
    return TextSpan(text, _union(boxes), (), chain[0].size, min(s.score for s in chain))
