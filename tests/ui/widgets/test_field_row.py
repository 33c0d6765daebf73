"""A field row marks a value the engine doubts until the clerk changes or confirms it."""

from __future__ import annotations

from desktop_app.core.schema import FormType, field_spec
from desktop_app.review.review_state import FieldReview
from desktop_app.ui.widgets.field_row import FieldRow


def _review(confidence: float | None) -> FieldReview:
    spec = field_spec(FormType.MOTOR, "购买方名称")
    assert spec is not None
    return FieldReview(spec, "方军红", "方军红", confidence=confidence)


def test_a_doubted_value_is_marked_with_its_confidence(qtbot) -> None:
    row = FieldRow("购买方名称", "购买方名称", "en")
    qtbot.addWidget(row)
    review = _review(0.62)
    row.show_review(review)
    assert not row._doubt.isHidden()
    assert "62%" in row._doubt.toolTip()
    review.confirmed = True  # the clerk looked: no mark any more
    row.show_review(review)
    assert row._doubt.isHidden()
    edited = _review(0.62)
    edited.value = "万军红"
    row.show_review(edited)
    assert row._doubt.isHidden()


def test_a_sure_value_or_one_without_a_confidence_is_not_marked(qtbot) -> None:
    row = FieldRow("购买方名称", "购买方名称", "zh")
    qtbot.addWidget(row)
    for confidence in (0.97, None):
        row.show_review(_review(confidence))
        assert row._doubt.isHidden()
