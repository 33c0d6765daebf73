"""English for every Chinese interface string (source text → translation).

``tests/ui/test_translator.py`` fails when a ``tr()`` string of the package is missing here.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    # window, menus, actions
    "机动车发票识别审核台": "CarInvoice Desk",
    "文件(&F)": "&File",
    "编辑(&E)": "&Edit",
    "视图(&V)": "&View",
    "识别(&R)": "&Recognition",
    "工具栏": "Toolbar",
    "打开…": "Open…",
    "最近打开": "Open Recent",
    "设置…": "Settings…",
    "退出": "Quit",
    "撤销": "Undo",
    "重做": "Redo",
    "放大": "Zoom In",
    "缩小": "Zoom Out",
    "适合页面": "Fit Page",
    "适合宽度": "Fit Width",
    "实际大小 (100%)": "Actual Size (100%)",
    "顺时针旋转 90°": "Rotate 90° Clockwise",
    "显示字段框": "Show Field Boxes",
    "上一页": "Previous Page",
    "下一页": "Next Page",
    "识别": "Recognize",
    "取消识别": "Cancel Recognition",
    "通过此页并继续": "Approve Page and Continue",
    "关闭此消息": "Close this message",
    "旋转": "Rotate",
    "字段框": "Boxes",
    "通过此页": "Approve",
    "程序内部错误：{what}": "Internal error: {what}",
    "当前操作未完成，其他功能仍可使用。请把此消息告诉管理员。": (
        "The current action did not finish; everything else still works. "
        "Please tell your administrator about this message."
    ),
    # opening
    "打开发票文件": "Open Invoice Files",
    "发票文件 ({patterns});;所有文件 (*)": "Invoice files ({patterns});;All files (*)",
    "把发票文件或文件夹拖到窗口中，或按 Ctrl+O 打开。": (
        "Drop invoice files or folders on the window, or press Ctrl+O to open."
    ),
    "已打开 {name}（{count} 页）": "Opened {name} ({count} pages)",
    "无法打开“{name}”": "Could not open “{name}”",
    "无法显示第 {n} 页": "Could not show page {n}",
    "正在载入页面…": "Loading the page…",
    "无法保存设置": "Could not save the settings",
    # recognition
    "正在识别…": "Recognizing…",
    "正在识别 {page}…": "Recognizing {page}…",
    "此页尚未识别。按 F5 识别。": "This page is not recognized yet. Press F5 to recognize it.",
    "没有可识别的页面。": "There is no page to recognize.",
    "没有可用的识别引擎": "No recognition engine is available",
    "请在“设置”中选择识别引擎。": "Choose an engine in Settings.",
    "识别完成：{n} 个字段，{m} 个有位置": "Recognized: {n} fields, {m} with a place on the page",
    "识别失败：": "Recognition failed: ",
    "识别失败。": "Recognition failed.",
    "识别失败。可按 F5 重试。": "Recognition failed. Press F5 to try again.",
    "识别已取消。": "Recognition cancelled.",
    "识别已取消。按 F5 重新识别。": "Recognition cancelled. Press F5 to recognize again.",
    "此页已有修改或确认": "This page has edits or confirmations",
    "再按一次 F5 将重新识别此页，并放弃这些修改和确认。": (
        "Press F5 again to recognize the page anew and discard them."
    ),
    # review
    "打开发票文件后，识别结果显示在这里。": "Open an invoice file; its fields appear here.",
    "原识别值：": "Recognized: ",
    "（空）": "(empty)",
    "修改“{name}”": "Edit “{name}”",
    "已识别，待确认": "Recognized, to be confirmed",
    "已修改，待确认": "Edited, to be confirmed",
    "已确认": "Confirmed",
    "有疑问": "Suspicious",
    "有错误": "Wrong",
    "已识别": "Recognized",
    "已修改": "Edited",
    "疑问": "Warning",
    "错误": "Error",
    "待审 {r} · 已确认 {c} · 错误 {e} · 疑问 {w}": (
        "To review {r} · confirmed {c} · errors {e} · warnings {w}"
    ),
    "所有字段均已确认。按 Ctrl+Enter 通过此页。": (
        "Every field is confirmed. Press Ctrl+Enter to approve the page."
    ),
    "此页尚未识别，不能通过。": "This page is not recognized yet and cannot be approved.",
    "已通过 {page}": "Approved {page}",
    "（仍有 {n} 个错误）": " ({n} errors remain)",
    # settings
    "设置": "Settings",
    "识别引擎": "Engine",
    "本地识别（离线）": "Local (offline)",
    "腾讯云识别": "Tencent Cloud",
    "地域": "Region",
    "接入地址": "Endpoint",
    "默认：https://ocr.tencentcloudapi.com": "Default: https://ocr.tencentcloudapi.com",
    "已保存在系统钥匙串中（留空则不变）": "Stored in the OS keychain (leave empty to keep it)",
    "要使用腾讯云识别，请先填写 SecretId 和 SecretKey；本地识别无需密钥。": (
        "Enter SecretId and SecretKey to use Tencent Cloud; the local engine needs no keys."
    ),
    "测试连接": "Test Connection",
    "正在测试…": "Testing…",
    "界面语言（重启后生效）": "Language (applies after a restart)",
    "打开文件后自动识别当前页": "Recognize the current page when a file opens",
    "界面语言将在重新启动后生效。": "The new language applies after a restart.",
}
