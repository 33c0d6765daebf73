"""Plain-text lines of a benchmark run, for the terminal and docs/benchmarks.md."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.bench.accuracy import ORIGIN_TEXT, BenchRun, PageRun
from desktop_app.bench.scoring import PageScore


def _pct(value: float, count: int) -> str:
    return f"{100 * value:6.2f}%" if count else "    n/a"


def page_line(run: PageRun, verbose: bool = False) -> str:
    """One page: field and box accuracy, false fills, seconds (and what was wrong)."""
    s = run.score
    line = (
        f"{run.page.path.name:28} {run.page.mode:7} fields {s.right:3}/{s.fields:<3}"
        f" {_pct(s.accuracy, s.fields)}  boxes {_pct(s.box_accuracy, s.boxes)}"
        f"  false fills {s.false_fills}  {run.seconds:5.2f} s"
    )
    if run.origin:
        line += f"  {run.origin}"
    if run.error:
        line += f"  ERROR {run.error}"
    if verbose:
        for name, truth, got in s.wrong:
            line += f"\n    {name}: expected {truth!r}, got {got!r}"
        if s.bad_boxes:
            line += f"\n    boxes off: {', '.join(s.bad_boxes)}"
    return line


def _score_line(label: str, s: PageScore) -> str:
    return (
        f"{label:30} fields {s.right}/{s.fields} = {_pct(s.accuracy, s.fields).strip()}"
        f"   boxes {s.boxes_right}/{s.boxes} = {_pct(s.box_accuracy, s.boxes).strip()}"
        f"   false fills {s.false_fills}/{s.blanks} = {_pct(s.false_fill_rate, s.blanks).strip()}"
    )


def _group_lines(
    result: BenchRun, title: str, key: Callable[[PageRun], str], *, always: bool = False
) -> list[str]:
    """One line per distinct value of ``key`` (none when all pages share one, unless ``always``)."""
    values = result.values(key)
    if len(values) < (1 if always else 2):
        return []
    lines = [f"by {title}"]
    for value in values:
        lines.append(_score_line(f"  {value}", result.total(where=lambda r, v=value: key(r) == v)))
    return lines


def _layout_label(run: PageRun) -> str:
    page = run.page
    return f"{page.layout} (holdout)" if page.layout and page.holdout else page.layout


def _seen(run: PageRun) -> str:
    if not run.page.layout:
        return ""
    return "layouts not seen (holdout)" if run.page.holdout else "layouts seen"


def generation_lines(result: BenchRun) -> list[str]:
    """Figures by generation, then one line per generation and condition (when the
    manifest names generations: the paper-page generator's folders)."""
    lines = _group_lines(result, "generation", lambda r: r.page.generation, always=True)
    if not lines:
        return []
    lines.append("by generation and condition")
    for generation in result.values(lambda r: r.page.generation):
        for mode in result.values(
            lambda r, g=generation: r.page.mode if r.page.generation == g else ""
        ):
            pick = lambda r, g=generation, m=mode: r.page.generation == g and r.page.mode == m  # noqa: E731
            lines.append(_score_line(f"  {generation} {mode}", result.total(where=pick)))
    return lines


def breakdown_lines(result: BenchRun) -> list[str]:
    """Figures by generation (and condition), file format, form, layout (the holdout
    apart) and answer origin."""
    lines = generation_lines(result)
    lines += _group_lines(result, "planted check failure", lambda r: r.page.planted, always=True)
    lines += _group_lines(result, "format", lambda r: r.page.format)
    lines += _group_lines(result, "form", lambda r: r.page.kind)
    lines += _group_lines(result, "layout", _layout_label)
    lines += _group_lines(result, "layout set", _seen)
    lines += _group_lines(
        result, "origin (read from text / recognized)", lambda r: r.origin, always=True
    )
    unreadable = [r for r in result.runs if r.unreadable]
    if unreadable:
        kinds = sorted({r.page.format for r in unreadable})
        lines.append(
            f"unreadable files {len(unreadable)} ({', '.join(kinds)}): scored as empty answers"
        )
    return lines


def summary_lines(result: BenchRun) -> list[str]:
    """Overall and per-condition figures, the breakdowns, then the median timings."""
    lines = [_score_line("overall", result.total()), "by condition"]
    lines += [_score_line(f"  {mode}", result.total(mode)) for mode in result.modes()]
    lines += breakdown_lines(result)
    ocr, extract = result.median("ocr"), result.median("extract")
    share = f" ({100 * extract / ocr:.1f}% of OCR)" if ocr else ""
    lines.append(
        f"median s/page   total {result.median():.3f}   ocr {ocr:.3f}   extraction {extract:.4f}{share}"
    )
    origins = result.values(lambda r: r.origin)
    if len(origins) > 1 or origins == [ORIGIN_TEXT]:
        per_origin = "   ".join(f"{o} {result.median(origin=o):.3f}" for o in origins)
        lines.append(f"median s/page by origin   {per_origin}")
    errors = sum(1 for r in result.runs if r.error)
    lines.append(f"pages {len(result.runs)}   errors {errors}")
    return lines
