"""The response codec: exact shape, no-location convention, name folding, errors."""

from __future__ import annotations

import copy
import json

import pytest

from desktop_app.core.codec import (
    dumps_response,
    loads_response,
    parse_response,
    result_to_response,
)
from desktop_app.core.errors import RecognitionError
from desktop_app.core.model import RecognitionResult, RecognizedField, Rect
from desktop_app.core.schema import FormType

NO_LOCATION_POLYGON = {
    c: {"X": -2, "Y": 0} for c in ("LeftTop", "RightTop", "RightBottom", "LeftBottom")
}


def test_seed_example_round_trips_to_an_equal_document(seed_document):
    result = parse_response(seed_document)
    assert result_to_response(result) == seed_document
    assert json.loads(dumps_response(result)) == seed_document


def test_seed_example_reads_37_fields_of_the_motor_form(seed_document):
    result = parse_response(seed_document, engine="cloud")
    assert len(result) == 37
    assert result.form_type is FormType.MOTOR
    assert result.request_id == "655dd190-4368-4e19-8095-c6e7e4e1752a"
    assert result.engine == "cloud"
    assert result.value("价税合计(小写)") == "¥40000.00"


def test_no_location_convention_becomes_none_and_is_written_back(seed_document):
    result = parse_response(seed_document)
    province = result.get("省")
    assert province is not None and province.value == "云南省"
    assert province.polygon is None and province.rect is None
    info = result_to_response(result)["Response"]["CarInvoiceInfos"]
    written = next(i for i in info if i["Name"] == "省")
    assert written["Rect"] == {"X": 0, "Y": 0, "Width": 0, "Height": 0}
    assert written["Polygon"] == NO_LOCATION_POLYGON


def test_located_field_keeps_polygon_corners_in_order(seed_document):
    field = parse_response(seed_document).get("不含税价(小写)")
    assert field is not None
    assert field.polygon == ((227, 801), (355, 801), (355, 822), (227, 822))
    assert field.rect == Rect(232, 802, 121, 22)


def _doc(*infos: dict, request_id: str = "r-1") -> dict:
    return {"Response": {"CarInvoiceInfos": list(infos), "RequestId": request_id}}


def test_null_polygon_is_accepted_as_no_location():
    result = parse_response(_doc({"Name": "备注", "Value": "x", "Rect": None, "Polygon": None}))
    assert result.fields == (RecognizedField("备注", "x", None, None),)


def _located(**changes) -> dict:
    """A located field; ``changes`` replace its Rect or Polygon."""
    corners = {"LeftTop": (10, 20), "RightTop": (90, 20), "RightBottom": (90, 40)}
    corners["LeftBottom"] = (10, 40)
    info = {
        "Name": "发票号码",
        "Value": "00880890",
        "Rect": {"X": 10, "Y": 20, "Width": 80, "Height": 20},
        "Polygon": {c: {"X": x, "Y": y} for c, (x, y) in corners.items()},
    }
    info.update(changes)
    return info


@pytest.mark.parametrize(
    ("changes", "has_rect", "has_polygon"),
    [
        ({"Polygon": {"LeftTop": {"X": 10, "Y": 20}, "RightTop": {"X": 90, "Y": 20}}}, 1, 0),
        ({"Polygon": {c: {"X": None, "Y": 1} for c in NO_LOCATION_POLYGON}}, 1, 0),
        ({"Rect": {"X": 10, "Y": None, "Width": 80, "Height": 20}}, 0, 1),
        ({"Rect": {"X": 10, "Y": 20}}, 0, 1),
    ],
    ids=["polygon missing corners", "null x", "null y in rect", "rect missing sides"],
)
def test_incomplete_geometry_is_a_field_without_that_location(changes, has_rect, has_polygon):
    """As lenient as the service's SDK: the field is kept, only its location is lost."""
    (field,) = parse_response(_doc(_located(**changes))).fields
    assert (field.name, field.value) == ("发票号码", "00880890")
    assert (field.rect is not None, field.polygon is not None) == (has_rect, has_polygon)
    written = result_to_response(RecognitionResult(fields=(field,)))
    info = written["Response"]["CarInvoiceInfos"][0]
    assert set(info) == {"Name", "Value", "Rect", "Polygon"}  # the service's exact shape
    assert set(info["Polygon"]) == set(NO_LOCATION_POLYGON)
    if not has_polygon:
        assert info["Polygon"] == NO_LOCATION_POLYGON


def test_null_car_invoice_infos_is_an_empty_answer():
    result = loads_response(b'{"Response": {"CarInvoiceInfos": null, "RequestId": "r-1"}}')
    assert result.fields == () and result.request_id == "r-1"
    assert result_to_response(result) == {"Response": {"CarInvoiceInfos": [], "RequestId": "r-1"}}


def test_full_width_parentheses_are_folded_to_the_documented_spelling():
    result = parse_response(_doc({"Name": "价税合计（小写）", "Value": "¥1.00"}))
    assert result.fields[0].name == "价税合计(小写)"


def test_unknown_names_are_kept_not_dropped():
    result = parse_response(
        _doc({"Name": "完税凭证号码", "Value": "123"}, {"Name": "新字段", "Value": "v"})
    )
    assert [f.name for f in result] == ["完税凭证号码", "新字段"]
    names = [i["Name"] for i in result_to_response(result)["Response"]["CarInvoiceInfos"]]
    assert names == ["完税凭证号码", "新字段"]


def test_scaled_geometry_is_rounded_to_whole_pixels_when_written():
    field = RecognizedField(
        "发票代码", "1", ((10, 10), (20, 10), (20, 20), (10, 20)), Rect(10, 10, 10, 10)
    )
    result = RecognitionResult((field,)).scaled(1.26)
    info = result_to_response(result)["Response"]["CarInvoiceInfos"][0]
    assert info["Polygon"]["RightBottom"] == {"X": 25, "Y": 25}
    assert info["Rect"] == {"X": 13, "Y": 13, "Width": 13, "Height": 13}


def test_service_error_answer_raises_its_recognition_error():
    doc = {
        "Response": {
            "Error": {"Code": "AuthFailure.SignatureFailure", "Message": "bad"},
            "RequestId": "rq",
        }
    }
    with pytest.raises(RecognitionError) as info:
        parse_response(doc)
    assert (info.value.code, info.value.request_id, info.value.retryable) == (
        "AuthFailure.SignatureFailure",
        "rq",
        False,
    )
    assert "SecretId/SecretKey" in info.value.advice.en


@pytest.mark.parametrize(
    "text",
    [
        b"<html>502 Bad Gateway</html>",
        b"",
        b"\xff\xfe\x00",
        b"[]",
        b'{"Response": 3}',
        b'{"Data": {}}',
        b'{"Response": {"RequestId": "x"}}',
        b'{"Response": {"CarInvoiceInfos": {}}}',
        b'{"Response": {"CarInvoiceInfos": [{"Value": "no name"}]}}',
        b'{"Response": {"CarInvoiceInfos": [{"Name": "a", "Value": 5}]}}',
        b'{"Response": {"CarInvoiceInfos": [{"Name": "a", "Rect": {"X": "1"}}]}}',
        b'{"Response": {"CarInvoiceInfos": [{"Name": "a", "Polygon": {"LeftTop": 3}}]}}',
        b'{"Response": {"CarInvoiceInfos": [{"Name": "a", "Rect": {"X": NaN}}]}}',
        b'{"Response": {"Error": "boom"}}',
    ],
)
def test_malformed_answers_are_errors_not_crashes(text):
    with pytest.raises(RecognitionError) as info:
        loads_response(text)
    assert info.value.code == "Response.Malformed"
    assert not info.value.retryable


def test_mutating_the_parsed_document_does_not_change_the_result(seed_document):
    original = copy.deepcopy(seed_document)
    result = parse_response(seed_document)
    seed_document["Response"]["CarInvoiceInfos"][0]["Value"] = "changed"
    assert result_to_response(result) == original


def test_qr_and_notes_round_trip_through_the_record_not_the_answer(seed_document):
    from desktop_app.core.codec import APP_KEY, result_to_record
    from desktop_app.core.text import LocalizedText

    note = LocalizedText("取自二维码（识别结果为“00880896”）。", "Taken from the QR code.")
    result = parse_response(seed_document, engine="local")
    fields = tuple(
        RecognizedField(f.name, f.value, f.polygon, f.rect, note if f.name == "发票号码" else None)
        for f in result.fields
    )
    qr = "01,03,153001720011,00880890,34188.03,20170731,,AB"
    noted = RecognitionResult(fields, result.request_id, "local", qr=qr)
    # The answer shape stays the service's exactly: no notes, no QR.
    assert result_to_response(noted) == result_to_response(result)
    record = result_to_record(noted)
    assert record[APP_KEY] == {"QrCode": qr, "Notes": {"发票号码": {"zh": note.zh, "en": note.en}}}
    back = parse_response(json.loads(json.dumps(record)), engine="local")
    assert back == noted and back.notes() == {"发票号码": note} and back.qr == qr
    # Without anything of the app's own, the record is the answer.
    assert result_to_record(result) == result_to_response(result)


@pytest.mark.parametrize(
    "block",
    [
        [],
        {"QrCode": 7},
        {"Notes": []},
        {"Notes": {"发票号码": "text"}},
        {"Notes": {"备注": {"zh": "x"}}},
    ],
)
def test_a_broken_app_block_is_a_malformed_answer(seed_document, block):
    document = {**seed_document, "CarInvoiceDesk": block}
    with pytest.raises(RecognitionError):
        parse_response(document)


def test_confidence_round_trips_through_the_record_not_the_answer(seed_document):
    from desktop_app.core.codec import APP_KEY, result_to_record

    result = parse_response(seed_document, engine="local")
    sure = result.with_confidences({"发票号码": 0.42, "发票代码": 0.999})
    assert result_to_response(sure) == result_to_response(result)
    record = result_to_record(sure)
    assert record[APP_KEY] == {"Confidence": {"发票号码": 0.42, "发票代码": 0.999}}
    back = parse_response(json.loads(json.dumps(record)), engine="local")
    assert back == sure
    assert back.get("发票号码").doubtful and not back.get("发票代码").doubtful
    assert back.get("开票日期").confidence is None and not back.get("开票日期").doubtful


@pytest.mark.parametrize("confidence", ["0.5", 1.5, -0.1, None, [0.5]])
def test_a_bad_confidence_is_a_malformed_answer(seed_document, confidence):
    document = {**seed_document, "CarInvoiceDesk": {"Confidence": {"发票号码": confidence}}}
    with pytest.raises(RecognitionError):
        parse_response(document)
