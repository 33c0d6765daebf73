"""Exports re-read: CSV with the csv module, XLSX with openpyxl, JSON with the codec."""

from __future__ import annotations

import csv
import datetime
import json
import re
from pathlib import Path

import openpyxl
import pytest

from desktop_app.core.codec import parse_response
from desktop_app.core.schema import FormType
from desktop_app.store.export import export_from_store, recognized_page_ids
from desktop_app.store.export_rows import (
    DUPLICATE_COLUMN,
    ERRORS_COLUMN,
    FORCED_COLUMN,
    SOURCE_COLUMN,
)


@pytest.fixture
def reviewed(store, fake_doc, motor_result, used_result) -> dict[str, int]:
    """Approved motor and used-car pages, an approved page failing a check, one unreviewed."""
    motor, used, broken, open_ = (fake_doc(store, f"{n}.png")[0] for n in ("m", "u", "b", "o"))
    store.save_recognition(motor, motor_result)
    store.edit_field(motor, "备注", "已核对")
    store.save_recognition(used, used_result)
    store.save_recognition(broken, motor_result.with_value("发票号码", "123"))
    other = motor_result.with_value("发票号码", "00000001").with_value("机打号码", "00000001")
    store.save_recognition(open_, other)
    for page in (motor, used, broken):
        store.approve(page)
    return {"motor": motor, "used": used, "broken": broken, "open": open_}


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows as Excel shows them: ``="0088"`` (kept as text for Excel) read as ``0088``."""
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    return [{k: _excel_text(v) for k, v in row.items()} for row in rows]


def _excel_text(value: str) -> str:
    return value[2:-1] if value.startswith('="') and value.endswith('"') else value


def test_csv_has_one_row_per_approved_invoice(store, reviewed, tmp_path) -> None:
    out = tmp_path / "out.csv"
    report = export_from_store(store, "csv-excel", out)
    assert [p.page.id for p in report.exported] == [reviewed["motor"], reviewed["used"]]
    assert [p.page.id for p in report.held_back] == [reviewed["broken"]]
    rows = _read_csv(out)
    assert [r["表单"] for r in rows] == [FormType.MOTOR.value, FormType.USED.value]
    motor, used = rows
    assert motor["发票代码"] == "153001720011" and used["发票代码"] == "053001700107"
    assert motor["价税合计(小写)"] == "40000.00" and motor["开票日期"] == "2017-07-31"
    assert motor["备注"] == "已核对" and motor["页码"] == "1"
    assert used["车价合计(小写)"] == "30000.00" and used["价税合计(小写)"] == ""
    assert motor[FORCED_COLUMN] == "" and motor[ERRORS_COLUMN] == ""


def test_forced_pages_are_exported_and_marked(store, reviewed, tmp_path) -> None:
    out = tmp_path / "out.csv"
    report = export_from_store(store, "csv-excel", out, force=True)
    assert [p.page.id for p in report.forced] == [reviewed["broken"]]
    rows = {r["发票号码"]: r for r in _read_csv(out)}
    assert rows["123"][FORCED_COLUMN] == "是" and "发票号码" in rows["123"][ERRORS_COLUMN]
    assert rows["00880890"][FORCED_COLUMN] == ""


def test_selection_and_all(store, reviewed, tmp_path) -> None:
    out = tmp_path / "out.csv"
    export_from_store(store, "csv-excel", out, selection=[reviewed["open"]])
    assert [r["发票号码"] for r in _read_csv(out)] == ["00000001"]
    report = export_from_store(store, "csv-excel", out, selection=recognized_page_ids(store))
    assert len(report.exported) == 3 and len(report.held_back) == 1


def test_nothing_to_export_writes_nothing(store, fake_doc, tmp_path) -> None:
    (page,) = fake_doc(store, "a.png")
    report = export_from_store(store, "xlsx", tmp_path / "out.xlsx", selection=[page])
    assert report.files == [] and [p.id for p in report.unrecognized] == [page]
    assert not (tmp_path / "out.xlsx").exists()


def _columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def test_xlsx_types_sheets_and_audit(store, reviewed, tmp_path) -> None:
    out = tmp_path / "out.xlsx"
    export_from_store(store, "xlsx", out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [FormType.MOTOR.value, FormType.USED.value, "审核记录"]
    sheet = book[FormType.MOTOR.value]
    assert sheet.freeze_panes == "A2" and sheet.max_row == 2
    col = _columns(sheet)
    total = sheet.cell(2, col["价税合计(小写)"])
    assert total.value == 40000 and isinstance(total.value, (int, float))
    assert "¥" in total.number_format
    assert sheet.cell(2, col["增值税税额"]).value == pytest.approx(5811.97)
    assert sheet.cell(2, col["开票日期"]).value == datetime.datetime(2017, 7, 31)
    assert sheet.cell(2, col["增值税税率或征收率"]).value == pytest.approx(0.17)
    assert sheet.cell(2, col["限乘人数"]).value == 7
    assert sheet.cell(2, col["发票代码"]).value == "153001720011"
    assert sheet.column_dimensions["A"].width >= 10
    used = book[FormType.USED.value]
    assert used.cell(2, _columns(used)["发票代码"]).value == "053001700107"  # leading zero kept
    audit = [[c.value for c in row] for row in book["审核记录"].iter_rows(min_row=2)]
    assert ["修改", "备注", "一车一票", "已核对"] in [r[4:] for r in audit]
    assert ["状态", "待审核", "已通过"] in [[r[4], *r[6:]] for r in audit]  # labels, not codes
    assert not {"status", "edit", "needs_review", "approved"} & {v for r in audit for v in r}
    assert all(isinstance(r[0], datetime.datetime) and r[1] == "clerk" for r in audit)


def test_json_bundle_and_files_carry_corrected_values(store, reviewed, tmp_path) -> None:
    bundle = tmp_path / "bundle.json"
    export_from_store(store, "json", bundle, force=True)
    pages = json.loads(bundle.read_text(encoding="utf-8"))["Pages"]
    assert [p["CarInvoiceDesk"]["Forced"] for p in pages] == [False, False, True]
    first = parse_response(pages[0])
    assert first.value("备注") == "已核对" and first.get("备注").polygon is not None
    report = export_from_store(store, "json", tmp_path / "pages")
    assert [f.name for f in report.files] == ["m-p1.json", "u-p1.json"]
    single = json.loads(report.files[1].read_text(encoding="utf-8"))
    assert parse_response(single).value("车价合计(小写)") == "¥30000.00"
    assert single["CarInvoiceDesk"]["Page"] == 1


def test_a_failed_write_leaves_the_previous_file(store, reviewed, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"previous export")

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError):
        export_from_store(store, "xlsx", out)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.xlsx"]


def test_unknown_format_is_refused(store, tmp_path) -> None:
    with pytest.raises(ValueError):
        export_from_store(store, "pdf", tmp_path / "x.pdf")


def test_export_command_exit_codes_and_messages(store, reviewed, tmp_path, capsys) -> None:
    from desktop_app.store.export_command import run_export

    database = store.path
    out = tmp_path / "day.xlsx"
    assert run_export("xlsx", out, database=database, language="en") == 0
    captured = capsys.readouterr()
    assert "Exported 2 invoices" in captured.out and "Not exported" in captured.err
    assert openpyxl.load_workbook(out)[FormType.MOTOR.value].max_row == 2
    assert run_export("csv-excel", tmp_path / "all.csv", database=database, all_pages=True) == 0
    assert len(_read_csv(tmp_path / "all.csv")) == 3
    store.requeue(reviewed["motor"])
    store.requeue(reviewed["used"])
    assert run_export("csv", tmp_path / "none.csv", database=database) == 1


def test_export_command_refuses_a_corrupt_store(tmp_path, capsys) -> None:
    from desktop_app.store.export_command import run_export

    database = tmp_path / "review.sqlite3"
    database.write_bytes(b"garbage" * 100)
    assert run_export("csv", tmp_path / "x.csv", database=database, language="en") == 2
    assert "damaged" in capsys.readouterr().err


def test_text_that_looks_like_a_formula_stays_text(store, fake_doc, motor_result, tmp_path):
    (page,) = fake_doc(store, "f.png")
    store.save_recognition(page, motor_result)
    store.edit_field(page, "备注", '=HYPERLINK("http://x","点我")')
    store.edit_field(page, "开票人", "line1\x0bline2")
    store.approve(page)
    xlsx, csv_out = tmp_path / "out.xlsx", tmp_path / "out.csv"
    export_from_store(store, "xlsx", xlsx)
    export_from_store(store, "csv-excel", csv_out)
    sheet = openpyxl.load_workbook(xlsx)[FormType.MOTOR.value]
    cols = _columns(sheet)
    remark = sheet.cell(2, cols["备注"])
    assert remark.data_type == "s" and remark.value == '=HYPERLINK("http://x","点我")'
    assert sheet.cell(2, cols["开票人"]).value == "line1 line2"
    (row,) = _read_csv(csv_out)
    assert row["备注"] == '\'=HYPERLINK("http://x","点我")'


def test_export_command_leaves_pages_a_running_batch_holds(
    store, reviewed, fake_doc, db_path, tmp_path, capsys
):
    from desktop_app.store.export_command import run_export
    from desktop_app.store.records import PageStatus

    (busy,) = fake_doc(store, "busy.png")
    assert store.claim_page(busy)  # a batch in another process is recognizing it
    assert run_export("csv", tmp_path / "out.csv", database=db_path) == 0
    assert store.page(busy).status is PageStatus.RECOGNIZING


def test_csv_keeps_long_digit_strings_and_leading_zeros_as_text(store, reviewed, tmp_path):
    out = tmp_path / "out.csv"
    export_from_store(store, "csv-excel", out)
    with out.open(encoding="utf-8-sig", newline="") as file:
        motor = next(csv.DictReader(file))
    assert motor["发票代码"] == '="153001720011"'  # 12 digits: Excel would round it
    assert motor["发票号码"] == '="00880890"'  # a leading zero Excel would drop
    assert motor["身份证号码/组织机构代码"] == '="440524198701010014"'
    assert motor["限乘人数"] == "7" and motor["价税合计(小写)"] == "40000.00"


def test_a_page_contradicting_its_qr_code_is_held_back(store, fake_doc, motor_result, tmp_path):
    from dataclasses import replace

    (page,) = fake_doc(store, "q.png")
    qr = "01,03,153001720011,00880890,34188.03,20170730,,AB"  # the QR says the 30th
    store.save_recognition(page, replace(motor_result, qr=qr))
    store.approve(page)
    report = export_from_store(store, "csv-excel", tmp_path / "out.csv")
    assert [p.page.id for p in report.held_back] == [page]
    assert [e.check_id for e in report.held_back[0].errors] == ["qr_match"]


def test_the_source_column_says_read_from_text_or_recognized(
    store, fake_doc, motor_result, tmp_path
) -> None:
    from dataclasses import replace

    read, recognized = (fake_doc(store, name)[0] for name in ("e.pdf", "scan.png"))
    store.save_recognition(read, replace(motor_result, engine="text"))
    other = motor_result.with_value("发票号码", "00000002").with_value("机打号码", "00000002")
    store.save_recognition(recognized, replace(other, engine="local"))
    for page in (read, recognized):
        store.approve(page)
    out = tmp_path / "out.csv"
    export_from_store(store, "csv-excel", out)
    assert [r[SOURCE_COLUMN] for r in _read_csv(out)] == ["文件文字", "本地识别"]
    export_from_store(store, "json", tmp_path / "out.json")
    sources = re.findall(r'"Source": "(\w+)"', (tmp_path / "out.json").read_text("utf-8"))
    assert sources == ["text", "local"]


def test_duplicates_are_marked_in_their_own_column(store, fake_doc, motor_result, tmp_path) -> None:
    first, twin, other = (fake_doc(store, f"{n}.png")[0] for n in ("first", "twin", "other"))
    store.save_recognition(first, motor_result)
    store.save_recognition(twin, motor_result)  # the same 发票代码 and 发票号码
    different = motor_result.with_value("发票号码", "00000001").with_value("机打号码", "00000001")
    store.save_recognition(other, different)
    for page in (first, twin, other):
        store.approve(page)
    out = tmp_path / "out.csv"
    export_from_store(store, "csv-excel", out)
    rows = _read_csv(out)
    assert [r[DUPLICATE_COLUMN] for r in rows] == [
        "重复发票：twin.png 第 1 页",
        "重复发票：first.png 第 1 页",
        "",
    ]
    workbook = openpyxl.load_workbook(
        export_from_store(store, "xlsx", tmp_path / "o.xlsx").files[0]
    )
    sheet = workbook.worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index(DUPLICATE_COLUMN)
    assert [row[column].value for row in sheet.iter_rows(min_row=2)][:2] == [
        "重复发票：twin.png 第 1 页",
        "重复发票：first.png 第 1 页",
    ]


def test_the_plain_csv_has_codes_as_plain_text_and_no_bom(store, reviewed, tmp_path) -> None:
    out = tmp_path / "plain.csv"
    export_from_store(store, "csv", out)
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows[0]["发票代码"] == "153001720011"  # not ="153001720011"
    assert rows[0]["发票号码"] == "00880890"
    assert '="' not in data.decode("utf-8")
