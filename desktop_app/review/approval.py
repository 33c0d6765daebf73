"""What stands between a page and its approval, without Qt.

Ctrl+Enter approves a page only when the clerk has reviewed it: every field confirmed,
no error-level check failing, and not a duplicate of another queued page. Otherwise
the window asks, listing what is open (``ApprovalIssues``); approving anyway is an
explicit choice, and ``audit_note`` says in the audit trail what was approved over.

An office may approve at page level (``Preferences.approve_page_level``): unconfirmed
fields then need no question, but errors and duplicates always ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.review.review_state import ReviewState
from desktop_app.store import Duplicate


@dataclass(frozen=True)
class FieldIssue:
    """One field that stands in the way: its name, label and why (check messages or '')."""

    name: str
    label: str
    why: str = ""


@dataclass(frozen=True)
class ApprovalIssues:
    """Errors, unconfirmed fields and duplicates of one page, in display order."""

    errors: tuple[FieldIssue, ...] = ()
    unconfirmed: tuple[FieldIssue, ...] = ()
    duplicates: tuple[Duplicate, ...] = field(default=())

    def must_ask(self, page_level: bool = False) -> bool:
        """Whether approving needs the clerk's explicit word."""
        if self.errors or self.duplicates:
            return True
        return bool(self.unconfirmed) and not page_level

    def listed(self, page_level: bool = False) -> tuple[FieldIssue, ...]:
        """The fields to show the clerk: errors, then (unless approving by page) unconfirmed."""
        return self.errors if page_level else (*self.errors, *self.unconfirmed)

    def first_field(self, page_level: bool = False) -> str | None:
        """The field to go to first: the first error, else the first unconfirmed field."""
        listed = self.listed(page_level)
        return listed[0].name if listed else None

    def audit_note(self, page_level: bool = False) -> str:
        """What was approved over, for the audit trail (in Chinese, as the audit sheet is).

        Example: ``仍然通过：2 个错误（发票代码、开票日期）；33 个字段未确认；重复``.
        """
        # Approving by page with nothing else open is the office's rule, not an override.
        asked = bool(self.errors or self.duplicates or not page_level)
        parts = []
        if self.errors:
            names = "、".join(issue.name for issue in self.errors)
            parts.append(f"{len(self.errors)} 个错误（{names}）")
        if self.unconfirmed:
            how = "（按页通过）" if page_level and asked else ""
            parts.append(f"{len(self.unconfirmed)} 个字段未确认{how}")
        if self.duplicates:
            parts.append("重复")
        if not parts:
            return ""
        return ("仍然通过：" if asked else "按页通过：") + "；".join(parts)


def approval_issues(
    review: ReviewState, duplicates: Sequence[Duplicate] = (), language: str = "zh"
) -> ApprovalIssues:
    """The open points of ``review`` (and its page's ``duplicates``) before approval."""
    errors: list[FieldIssue] = []
    unconfirmed: list[FieldIssue] = []
    for name in review.names():
        state = review.field(name)
        label = state.spec.label.get(language)
        if state.worst_level == "error":
            why = "；".join(
                c.message.get(language) for c in state.checks if c.level.value == "error"
            )
            errors.append(FieldIssue(name, label, why))
        elif not state.confirmed and review.needs_confirmation(name):
            unconfirmed.append(FieldIssue(name, label))
    return ApprovalIssues(tuple(errors), tuple(unconfirmed), tuple(duplicates))
