"""What stands between a page and its approval: errors, unconfirmed fields, duplicates."""

from __future__ import annotations

from window_fakes import sample_result

from desktop_app.review.approval import approval_issues
from desktop_app.review.review_state import ReviewState
from desktop_app.store import Duplicate


def test_an_unreviewed_page_must_ask_unless_approved_by_page() -> None:
    review = ReviewState(sample_result())
    issues = approval_issues(review)
    assert issues.errors == ()
    assert len(issues.unconfirmed) == len(review.names())
    assert issues.must_ask() and not issues.must_ask(page_level=True)
    assert issues.first_field() == review.names()[0]
    assert issues.first_field(page_level=True) is None
    assert issues.audit_note(page_level=True) == f"按页通过：{len(review.names())} 个字段未确认"
    assert issues.audit_note().startswith("仍然通过：")


def test_errors_come_first_and_always_ask() -> None:
    review = ReviewState(sample_result())
    for name in review.names():
        review.set_confirmed(name)
    review.set_value("价税合计(小写)", "¥1.00")  # the sum no longer adds up
    issues = approval_issues(review, language="en")
    assert issues.errors[0].name in ("不含税价(小写)", "增值税税额", "价税合计(小写)")
    assert issues.unconfirmed == ()
    assert issues.must_ask(page_level=True)
    assert issues.first_field(page_level=True) == issues.errors[0].name
    assert all(i.why for i in issues.errors)
    assert issues.audit_note().startswith(f"仍然通过：{len(issues.errors)} 个错误（")


def test_a_duplicate_always_asks_and_a_reviewed_page_does_not() -> None:
    review = ReviewState(sample_result())
    for name in review.names():
        review.set_confirmed(name)
    assert not approval_issues(review).must_ask()
    assert approval_issues(review).audit_note() == ""
    twin = approval_issues(review, [Duplicate(1, 2, "same_invoice")])
    assert twin.must_ask(page_level=True)
    assert twin.first_field() is None
    assert twin.audit_note() == "仍然通过：重复"


def test_an_edit_withdraws_the_approval() -> None:
    review = ReviewState(sample_result())
    review.approved = True
    review.set_value("发票号码", "00012346")
    assert not review.approved


def test_the_codes_a_einvoice_does_not_have_need_no_confirming() -> None:
    from desktop_app.core.model import RecognitionResult, RecognizedField

    paper_only = ("发票代码", "机打代码", "机打号码", "机器编号")
    fields = [RecognizedField(name, "") for name in paper_only]
    fields += [
        RecognizedField("发票号码", "25312000000012345678"),
        RecognizedField("发票类型", "电子发票（机动车销售统一发票）"),
    ]
    review = ReviewState(RecognitionResult(tuple(fields)))
    issues = approval_issues(review)
    assert not {i.name for i in issues.unconfirmed} & set(paper_only)
    assert not any(review.needs_review(name) for name in paper_only)
    review.set_value("发票代码", "153001720011")  # typed in: now a value to confirm
    assert review.needs_review("发票代码")
    paper = ReviewState(RecognitionResult(tuple(RecognizedField(n, "") for n in paper_only)))
    assert all(paper.needs_review(name) for name in paper_only)  # a paper form has them
