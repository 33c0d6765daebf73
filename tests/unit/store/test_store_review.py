"""Results, edits, confirmations, statuses and the audit trail; duplicates; threads."""

from __future__ import annotations

import json
import threading

from desktop_app.core.codec import result_to_response
from desktop_app.core.schema import FormType
from desktop_app.store import PageStatus, open_store


def test_saving_a_result_stores_the_answer_and_values(store, fake_doc, motor_result) -> None:
    (page,) = fake_doc(store, "a.png")
    store.save_recognition(page, motor_result)
    record = store.page(page)
    assert record.status is PageStatus.NEEDS_REVIEW and record.form_type is FormType.MOTOR
    assert store.document(record.document_id).form_type is FormType.MOTOR
    recognition = store.recognition(page)
    assert recognition is not None and recognition.engine == "cloud"
    assert json.loads(recognition.response_json) == result_to_response(motor_result)
    values = store.field_values(page)
    assert [v.name for v in values] == [f.name for f in motor_result.fields]
    assert all(v.current == v.recognized and not v.confirmed for v in values)


def test_edits_and_confirmations_are_audited(store, fake_doc, motor_result) -> None:
    (page,) = fake_doc(store, "a.png")
    store.save_recognition(page, motor_result)
    edited = store.edit_field(page, "发票号码", "00880891")
    assert edited.edited and edited.recognized == "00880890"
    store.edit_field(page, "发票号码", "00880891")  # no change: no entry
    store.confirm_field(page, "发票号码")
    store.edit_field(page, "完税凭证号码", "WS123")  # a field the answer lacked
    edits = [(e.action, e.field, e.old, e.new, e.user) for e in store.audit_trail([page])]
    assert edits[-3:] == [
        ("edit", "发票号码", "00880890", "00880891", "clerk"),
        ("confirm", "发票号码", "", "", "clerk"),
        ("edit", "完税凭证号码", "", "WS123", "clerk"),
    ]
    corrected = store.corrected_result(page)
    assert corrected.value("发票号码") == "00880891" and corrected.value("完税凭证号码") == "WS123"
    assert corrected.get("发票号码").polygon == motor_result.get("发票号码").polygon


def test_status_changes_are_audited_with_reasons(store, fake_doc) -> None:
    (page,) = fake_doc(store, "a.png")
    store.mark_failed(page, "Network.Timeout", "网络超时")
    assert store.page(page).error_message == "网络超时"
    store.requeue(page)
    assert store.page(page).error_code == ""
    store.reject(page, "不是发票")
    trail = [(e.old, e.new) for e in store.audit_trail() if e.action == "status"]
    assert trail == [
        ("new", "failed (网络超时)"),
        ("failed", "new"),
        ("new", "rejected (不是发票)"),
    ]


def test_recognizing_again_replaces_values(store, fake_doc, motor_result) -> None:
    (page,) = fake_doc(store, "a.png")
    store.save_recognition(page, motor_result)
    store.edit_field(page, "备注", "改过")
    store.save_recognition(page, motor_result.with_value("备注", "第二次"))
    assert store.values(page)["备注"] == "第二次"
    assert store.recognition(page).response_json.count("第二次") == 1


def test_claimed_pages_interrupted_by_a_crash_are_new_again(db_path, fake_doc) -> None:
    with open_store(db_path) as store:
        pages = fake_doc(store, "a.pdf", pages=3)
        assert store.new_page_ids([pages[0], pages[2]]) == [pages[0], pages[2]]
        assert store.claim_page(pages[0]) and store.claim_page(pages[2])
        assert not store.claim_page(pages[0])  # already taken
        assert store.page(pages[0]).status is PageStatus.RECOGNIZING
        assert store.new_page_ids() == [pages[1]]
    with open_store(db_path) as store:
        assert {p.status for p in store.pages()} == {PageStatus.NEW}


def test_same_file_twice_is_flagged(store, fake_doc) -> None:
    a = fake_doc(store, "a.pdf", pages=2, sha="same")
    b = fake_doc(store, "copy of a.pdf", pages=2, sha="same")
    c = fake_doc(store, "other.pdf", sha="other")
    flagged = store.duplicates()
    assert set(flagged) == {*a, *b}
    assert [(d.other_page_id, d.reason) for d in store.duplicates_of(a[1])] == [(b[1], "same_file")]
    assert store.duplicates_of(c[0]) == []


def test_same_invoice_code_and_number_is_flagged(store, fake_doc, motor_result) -> None:
    a, b, c = (fake_doc(store, f"{n}.png")[0] for n in "abc")
    store.save_recognition(a, motor_result)
    store.save_recognition(b, motor_result)
    store.save_recognition(c, motor_result.with_value("发票号码", "11111111"))
    assert set(store.duplicates()) == {a, b}
    assert [d.reason for d in store.duplicates_of(b)] == ["same_invoice"]
    store.edit_field(b, "发票号码", "22222222")  # the clerk corrects a misread number
    assert store.duplicates() == {}


def test_blank_codes_are_not_duplicates(store, fake_doc, motor_result) -> None:
    blank = motor_result.with_value("发票代码", "").with_value("发票号码", "")
    a, b = (fake_doc(store, f"{n}.png")[0] for n in "ab")
    store.save_recognition(a, blank)
    store.save_recognition(b, blank)
    assert store.duplicates() == {}


def test_the_same_einvoice_as_pdf_and_ofd_is_one_invoice(store, fake_doc, motor_result) -> None:
    einvoice = motor_result.with_value("发票代码", "").with_value(
        "发票号码", "25312000000012345678"
    )
    pdf, ofd, other = (fake_doc(store, name)[0] for name in ("a.pdf", "a.ofd", "b.ofd"))
    store.save_recognition(pdf, einvoice)
    store.save_recognition(ofd, einvoice)
    store.save_recognition(other, einvoice.with_value("发票号码", "25312000000012345679"))
    assert [d.other_page_id for d in store.duplicates_of(pdf)] == [ofd]
    assert [d.reason for d in store.duplicates_of(ofd)] == ["same_invoice"]
    assert store.duplicates_of(other) == []


def test_threads_share_one_store(store, fake_doc, motor_result) -> None:
    pages = fake_doc(store, "a.pdf", pages=4)
    for page in pages:
        store.save_recognition(page, motor_result)

    def edit(page: int) -> None:
        for i in range(25):
            store.edit_field(page, "备注", f"{page}-{i}")

    threads = [threading.Thread(target=edit, args=(p,), name=f"edit-{p}") for p in pages]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(e.action == "edit" for e in store.audit_trail()) == 100
    assert all(store.values(p)["备注"] == f"{p}-24" for p in pages)


def test_recognized_result_is_the_answer_without_the_edits(store, fake_doc, motor_result) -> None:
    (page,) = fake_doc(store, "a.png")
    assert store.recognized_result(page) is None
    store.save_recognition(page, motor_result)
    store.edit_field(page, "发票号码", "99999999")
    recognized = store.recognized_result(page)
    assert recognized is not None
    assert recognized.values()["发票号码"] == motor_result.values()["发票号码"]
    assert store.corrected_result(page).values()["发票号码"] == "99999999"


def test_confirming_a_field_the_answer_lacked_keeps_it(store, fake_doc, motor_result) -> None:
    (page,) = fake_doc(store, "a.png")
    store.save_recognition(page, motor_result)
    confirmed = store.confirm_field(page, "完税凭证号码")
    assert confirmed.confirmed and confirmed.current == "" and confirmed.recognized == ""
    assert ("confirm", "完税凭证号码") in [(e.action, e.field) for e in store.audit_trail([page])]


def test_qr_payload_and_notes_survive_the_store(store, fake_doc, motor_result) -> None:
    from dataclasses import replace

    from desktop_app.core.text import LocalizedText

    note = LocalizedText("取自二维码（识别结果为“00880896”）。", "Taken from the QR code.")
    qr = "01,03,153001720011,00880890,34188.03,20170731,,AB"
    fields = tuple(replace(f, note=note) if f.name == "发票号码" else f for f in motor_result)
    noted = replace(motor_result, fields=fields, qr=qr)
    (page,) = fake_doc(store, "a.png")
    store.save_recognition(page, noted)
    assert store.recognized_result(page) == noted
    store.edit_field(page, "备注", "已核对")
    store.confirm_field(page, "完税凭证号码")
    corrected = store.corrected_result(page)
    assert corrected.qr == qr and corrected.notes() == {"发票号码": note}
    # What the store keeps is the service's answer plus the app's own block.
    kept = json.loads(store.recognition(page).response_json)
    assert {k: v for k, v in kept.items() if k != "CarInvoiceDesk"} == result_to_response(noted)
