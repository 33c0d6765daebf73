"""The Qt-free review model: order, states, checks re-run, next field to review."""

from __future__ import annotations

from window_fakes import sample_result

from desktop_app.core.schema import Group
from desktop_app.review.review_state import FieldState, ReviewState


def test_every_field_of_the_form_in_group_order() -> None:
    review = ReviewState(sample_result())
    names = review.names()
    assert len(names) == 38  # every documented motor field, even those not returned
    groups = [review.field(n).spec.group for n in names]
    assert groups == sorted(groups, key=list(Group).index)
    assert names.index("发票代码") < names.index("发票号码") < names.index("购买方名称")


def test_unreturned_fields_are_blank_and_unlocated() -> None:
    review = ReviewState(sample_result())
    assert review.field("购买方名称").value == ""
    assert review.field("省").polygon is None
    assert review.field("发票代码").polygon is not None


def test_fixing_the_price_clears_the_sum_error() -> None:
    review = ReviewState(sample_result())
    changed: list[set[str]] = []
    review.changed.append(changed.append)
    review.set_value("不含税价(小写)", "¥34188.00")
    assert review.field("价税合计(小写)").state is FieldState.ERROR
    assert review.field("不含税价(小写)").state is FieldState.ERROR
    assert "价税合计(小写)" in changed[-1]
    review.set_value("不含税价(小写)", "¥34188.03")
    assert review.field("价税合计(小写)").state is FieldState.RECOGNIZED
    assert review.field("不含税价(小写)").state is FieldState.RECOGNIZED


def test_states_edited_confirmed() -> None:
    review = ReviewState(sample_result())
    review.set_value("发票号码", "00012346")
    assert review.field("发票号码").state is FieldState.EDITED
    assert review.field("发票号码").recognized == "00012345"
    review.set_confirmed("发票号码")
    assert review.field("发票号码").state is FieldState.CONFIRMED


def test_next_needing_review_skips_confirmed_and_wraps() -> None:
    review = ReviewState(sample_result())
    names = review.names()
    review.set_confirmed(names[1])
    assert review.next_needing_review(names[0]) == names[2]
    for name in names[1:]:
        review.set_confirmed(name)
    assert review.next_needing_review(names[5]) == names[0]
    review.set_confirmed(names[0])
    assert review.next_needing_review(names[0]) is None


def test_validator_is_injectable() -> None:
    calls = []
    review = ReviewState(sample_result(), validator=lambda values, form: calls.append(values) or [])
    review.set_value("发票号码", "1")
    assert len(calls) == 2 and calls[-1]["发票号码"] == "1"


def test_fields_the_engine_doubts_are_reviewed_first_until_edited() -> None:
    result = sample_result()
    doubted = result.with_confidences({"增值税税额": 0.5, "发票号码": 0.95, "开票日期": 0.2})
    review = ReviewState(doubted)
    order = review.review_order()
    assert order[:2] == [n for n in review.names() if n in ("增值税税额", "开票日期")]
    assert review.field("开票日期").doubtful and not review.field("发票号码").doubtful
    assert review.next_needing_review(None) == order[0]
    review.set_value("开票日期", "2017-07-30")  # the clerk's own value is not doubted
    assert not review.field("开票日期").doubtful
    assert review.review_order()[0] == "增值税税额"
    assert ReviewState(result).review_order() == ReviewState(result).names()


def test_the_page_qr_code_is_checked_as_the_clerk_edits() -> None:
    from dataclasses import replace

    result = sample_result()
    number, day = result.value("发票号码"), result.value("开票日期")
    code = result.value("发票代码")
    qr = f"01,03,{code},{number},1.00,{day.replace('-', '')},,AB"  # its amount equals no total
    state = ReviewState(replace(result, qr=qr))
    failed = {c.check_id for name in state.names() for c in state.field(name).checks}
    assert "qr_match" in failed
    assert [c.check_id for c in state.field("开票日期").checks] == []
    state.set_value("开票日期", "2000-01-01")
    assert "qr_match" in {c.check_id for c in state.field("开票日期").checks}
    # Without a QR payload nothing is compared.
    plain = ReviewState(result)
    assert "qr_match" not in {c.check_id for n in plain.names() for c in plain.field(n).checks}
