"""Every error code of the CarInvoiceOCR contract, and the app's own, as clerk-readable errors.

``service_error(code, message, request_id)`` is the single place that decides the
summary, the advice and whether a code is worth retrying (carinvoice-api.md: retry
network errors, non-200 answers, ``RequestLimitExceeded*``, ``InternalError`` and
``ServiceUnavailable``; never auth, parameter or billing errors).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import RecognitionError
from desktop_app.core.text import LocalizedText as T


@dataclass(frozen=True)
class ErrorKind:
    """How the app treats one error code."""

    summary: T
    advice: T
    retryable: bool = False


_CHECK_KEYS = T(
    "请在“设置”中检查 SecretId/SecretKey 是否填写正确。",
    "Check SecretId/SecretKey in Settings.",
)
_BILLING = T(
    "请登录腾讯云控制台检查账户余额或资源包，或改用本地识别引擎。",
    "Check the account balance or resource packages in the Tencent Cloud console, "
    "or switch to the local engine.",
)
_TRY_LATER = T(
    "稍后会自动重试；若持续出现，请稍后再试。",
    "The app retries automatically; if it persists, try again later.",
)
_OTHER_FILE = T(
    "请检查文件是否为清晰的发票图片，或换一张扫描件重试。",
    "Check that the file is a clear invoice image, or try another scan.",
)
_REPORT = T(
    "请重试；若反复出现，请把错误代码和 RequestId 发给管理员。",
    "Try again; if it keeps happening, send the error code and RequestId to your administrator.",
)

KINDS: dict[str, ErrorKind] = {
    # -- this action's own codes
    "FailedOperation.DownLoadError": ErrorKind(
        T("云端无法下载该图片链接。", "The service could not download the image URL."),
        T(
            "请确认链接可公开访问且 3 秒内可下载，或直接上传文件。",
            "Make sure the URL is public and downloads within 3 s, or upload the file instead.",
        ),
    ),
    "FailedOperation.ImageDecodeFailed": ErrorKind(
        T("云端无法解码该图片。", "The service could not decode the image."), _OTHER_FILE
    ),
    "FailedOperation.OcrFailed": ErrorKind(
        T("云端未能识别出发票内容。", "The service could not read an invoice on this page."),
        _OTHER_FILE,
    ),
    "FailedOperation.UnKnowError": ErrorKind(
        T("云端发生未知错误。", "The service reported an unknown error."), _REPORT
    ),
    "FailedOperation.UnOpenError": ErrorKind(
        T("该账号尚未开通文字识别服务。", "OCR is not activated for this account."),
        T(
            "请在腾讯云控制台开通文字识别（OCR）服务，或改用本地识别引擎。",
            "Activate the OCR service in the Tencent Cloud console, or switch to the local engine.",
        ),
    ),
    "InvalidParameterValue.InvalidParameterValueLimit": ErrorKind(
        T("请求参数取值不被接受。", "A request parameter has a value the service refuses."),
        _OTHER_FILE,
    ),
    "LimitExceeded.TooLargeFileError": ErrorKind(
        T("文件太大，云端拒绝处理。", "The file is too large for the service."),
        T(
            "请使用较小的图片（编码后不超过 7 MB）或降低扫描分辨率。",
            "Use a smaller image (at most 7 MB encoded) or scan at a lower resolution.",
        ),
    ),
    "ResourceUnavailable.InArrears": ErrorKind(
        T("腾讯云账户已欠费。", "The Tencent Cloud account is in arrears."), _BILLING
    ),
    "ResourceUnavailable.ResourcePackageRunOut": ErrorKind(
        T("识别资源包已用完。", "The OCR resource package is used up."), _BILLING
    ),
    "ResourcesSoldOut.ChargeStatusException": ErrorKind(
        T("账户计费状态异常。", "The account's billing status is abnormal."), _BILLING
    ),
    # -- common codes
    "AuthFailure.SignatureFailure": ErrorKind(
        T("签名校验失败，密钥可能不正确。", "Signature check failed: the key is probably wrong."),
        _CHECK_KEYS,
    ),
    "AuthFailure.SignatureExpire": ErrorKind(
        T("请求签名已过期。", "The request signature has expired."),
        T(
            "这台电脑的时钟偏差超过 5 分钟，请校准系统时间后重试。",
            "The computer clock is off by more than 5 minutes; correct the system time and retry.",
        ),
    ),
    "AuthFailure.SecretIdNotFound": ErrorKind(
        T("SecretId 不存在或已被删除。", "The SecretId does not exist or was deleted."), _CHECK_KEYS
    ),
    "AuthFailure.InvalidSecretId": ErrorKind(
        T("SecretId 格式不正确。", "The SecretId is not valid."), _CHECK_KEYS
    ),
    "AuthFailure.UnauthorizedOperation": ErrorKind(
        T("该密钥无权调用文字识别。", "This key is not allowed to call OCR."),
        T(
            "请让账号管理员在访问管理（CAM）中为该密钥授予 OCR 权限。",
            "Ask the account administrator to grant this key OCR permission in CAM.",
        ),
    ),
    "AuthFailure.TokenFailure": ErrorKind(
        T("临时凭证无效或已过期。", "The temporary token is invalid or expired."), _CHECK_KEYS
    ),
    "AuthFailure": ErrorKind(T("身份验证失败。", "Authentication failed."), _CHECK_KEYS),
    "InvalidParameter": ErrorKind(
        T("请求参数错误。", "The request has an invalid parameter."), _REPORT
    ),
    "InvalidParameterValue": ErrorKind(
        T("请求参数取值错误。", "A request parameter has an invalid value."), _OTHER_FILE
    ),
    "MissingParameter": ErrorKind(T("请求缺少参数。", "A request parameter is missing."), _REPORT),
    "UnsupportedRegion": ErrorKind(
        T("该地域不支持机动车发票识别。", "This region does not offer car invoice OCR."),
        T(
            "请在“设置”中选择 ap-beijing、ap-guangzhou、ap-hongkong 或 ap-shanghai。",
            "Choose ap-beijing, ap-guangzhou, ap-hongkong or ap-shanghai in Settings.",
        ),
    ),
    "RequestLimitExceeded": ErrorKind(
        T("请求过于频繁，超出调用频率限制。", "Too many requests: the rate limit was exceeded."),
        _TRY_LATER,
        retryable=True,
    ),
    "RequestSizeLimitExceeded": ErrorKind(
        T("请求内容太大。", "The request is too large."),
        T("请使用较小的图片或降低扫描分辨率。", "Use a smaller image or a lower scan resolution."),
    ),
    "InternalError": ErrorKind(
        T("云端内部错误。", "The service had an internal error."), _TRY_LATER, retryable=True
    ),
    "ServiceUnavailable": ErrorKind(
        T("云端服务暂时不可用。", "The service is temporarily unavailable."),
        _TRY_LATER,
        retryable=True,
    ),
    "ResourceUnavailable": ErrorKind(
        T("云端资源不可用。", "The service resource is unavailable."), _BILLING
    ),
    "LimitExceeded": ErrorKind(T("超出配额限制。", "A quota was exceeded."), _BILLING),
    "FailedOperation": ErrorKind(
        T("云端处理失败。", "The service could not process the request."), _REPORT
    ),
    # -- the app's own codes
    "Network.ConnectionError": ErrorKind(
        T("无法连接识别服务。", "Could not connect to the recognition service."),
        T(
            "请检查网络连接和代理设置；也可改用本地识别引擎。",
            "Check the network connection and proxy settings, or switch to the local engine.",
        ),
        retryable=True,
    ),
    "Network.Timeout": ErrorKind(
        T("识别服务响应超时。", "The recognition service did not answer in time."),
        T("网络可能较慢，请稍后重试。", "The network may be slow; try again later."),
        retryable=True,
    ),
    "Network.HttpStatus": ErrorKind(
        T(
            "识别服务返回了异常的 HTTP 状态。",
            "The recognition service answered with an HTTP error.",
        ),
        _TRY_LATER,
        retryable=True,
    ),
    "Response.Malformed": ErrorKind(
        T(
            "识别服务返回了无法解析的结果。",
            "The recognition service sent an answer the app cannot read.",
        ),
        _REPORT,
    ),
    "Client.InvalidRegion": ErrorKind(
        T("地域设置无效。", "The region setting is not valid."),
        T(
            "请在“设置”中选择 ap-beijing、ap-guangzhou、ap-hongkong 或 ap-shanghai。",
            "Choose ap-beijing, ap-guangzhou, ap-hongkong or ap-shanghai in Settings.",
        ),
    ),
    "Client.MissingCredentials": ErrorKind(
        T("未配置腾讯云密钥。", "No Tencent Cloud keys are configured."),
        T(
            "请在“设置”中填写 SecretId/SecretKey，或设置环境变量 TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY，或改用本地识别引擎。",
            "Enter SecretId/SecretKey in Settings, or set TENCENTCLOUD_SECRET_ID/"
            "TENCENTCLOUD_SECRET_KEY, or switch to the local engine.",
        ),
    ),
    "Client.InvalidCredentials": ErrorKind(
        T("密钥格式不正确。", "The keys are not well-formed."), _CHECK_KEYS
    ),
    "Client.MissingEndpoint": ErrorKind(
        T("未填写识别服务器的地址。", "The office server's URL is missing."),
        T(
            "请在“设置”的“接入地址”中填写识别服务器的地址，例如 https://ocr.office.lan/。",
            "Enter the office server's URL under Endpoint in Settings, e.g. https://ocr.office.lan/.",
        ),
    ),
    "Client.ImageTooLarge": ErrorKind(
        T(
            "图片压缩后仍超过云端大小限制。",
            "The image is still over the service's size limit after compression.",
        ),
        T("请使用分辨率较低的扫描件。", "Use a lower-resolution scan."),
    ),
    "Local.NotAnInvoice": ErrorKind(
        T(
            "未在该页找到机动车或二手车销售统一发票。",
            "No motor-vehicle or used-car sales invoice was found on this page.",
        ),
        T(
            "请确认打开的是发票页，图片清晰、方向正确。",
            "Check that this page is an invoice, sharp and the right way up.",
        ),
    ),
    "Text.NotAVehicleInvoice": ErrorKind(
        T(
            "这是其他种类的发票，不是机动车或二手车销售统一发票。",
            "This is another kind of invoice, not a motor-vehicle or used-car sales invoice.",
        ),
        T(
            "本程序只识别机动车销售统一发票和二手车销售统一发票（含数电票）；请把其他发票交给相应的系统处理。",
            "The app reads only motor-vehicle and used-car sales invoices (paper and 数电); "
            "handle other invoices in the system meant for them.",
        ),
    ),
    "Text.NotAnInvoice": ErrorKind(
        T(
            "这份文件的文字中没有发票标题，不是机动车或二手车销售统一发票。",
            "The text of this file has no invoice title: it is not a motor-vehicle or "
            "used-car sales invoice.",
        ),
        T(
            "本程序识别机动车销售统一发票和二手车销售统一发票（含数电票）。请打开发票文件。",
            "The app reads motor-vehicle and used-car sales invoices (paper and 数电). "
            "Open an invoice file.",
        ),
    ),
    "Text.NoText": ErrorKind(
        T("该页没有可读取的文字层。", "This page has no text layer to read."),
        T("请用识别引擎识别该页。", "Recognize the page with an OCR engine."),
    ),
    "Local.EngineUnavailable": ErrorKind(
        T("本地识别引擎无法启动。", "The local recognition engine could not start."),
        T(
            "请重新安装本程序；或在“设置”中改用云端识别。",
            "Reinstall the app, or switch to cloud recognition in Settings.",
        ),
    ),
}

_UNKNOWN = ErrorKind(T("识别失败。", "Recognition failed."), _REPORT)


def kind_of(code: str) -> ErrorKind:
    """The treatment of ``code``: its own entry, else that of its longest known prefix."""
    parts = code.split(".")
    for end in range(len(parts), 0, -1):
        kind = KINDS.get(".".join(parts[:end]))
        if kind is not None:
            return kind
    return _UNKNOWN


#: Codes that fail every later request the same way (keys, account, billing, region,
#: a missing engine): a batch stops at the first one instead of failing every page.
_STOPS_BATCH = (
    "AuthFailure",
    "ResourceUnavailable",
    "ResourcesSoldOut",
    "FailedOperation.UnOpenError",
    "UnsupportedRegion",
    "Client.MissingCredentials",
    "Client.InvalidCredentials",
    "Client.InvalidRegion",
    "Client.MissingEndpoint",
    "Local.EngineUnavailable",
)


def stops_batch(code: str) -> bool:
    """True when ``code`` will fail every other page too, so a batch should stop."""
    return any(code == c or code.startswith(c + ".") for c in _STOPS_BATCH)


def service_error(
    code: str, message: str = "", request_id: str = "", *, http_status: int | None = None
) -> RecognitionError:
    """The ``RecognitionError`` for an error code, with summary, advice and retry decision."""
    kind = kind_of(code)
    return RecognitionError(
        code,
        message or kind.summary.zh,
        request_id=request_id,
        retryable=kind.retryable,
        summary=kind.summary,
        advice=kind.advice,
        http_status=http_status,
    )


def malformed_response(detail: str, request_id: str = "") -> RecognitionError:
    """An answer the app cannot read: never a crash, never retried blindly."""
    return service_error("Response.Malformed", detail, request_id)
