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
    # queue, batch, export (issue 5)
    "添加文件…": "Add Files…",
    "添加文件": "Add Files",
    "添加文件夹…": "Add Folder…",
    "添加文件夹": "Add Folder",
    "导出…": "Export…",
    "识别全部新页面": "Recognize All New Pages",
    "全部识别": "Recognize All",
    "暂停批量识别": "Pause Batch Recognition",
    "继续批量识别": "Resume Batch Recognition",
    "取消批量识别": "Cancel Batch Recognition",
    "通过选中的页面": "Approve Selected Pages",
    "退回选中的页面…": "Reject Selected Pages…",
    "重新识别选中的页面": "Recognize Selected Pages Again",
    "从队列中移除选中的文件": "Remove Selected Files from the Queue",
    "队列(&Q)": "&Queue",
    "本次工作暂存在临时数据库中，退出程序后不会保留。": (
        "This session works in a temporary database; its work is not kept after you quit."
    ),
    "批量识别": "Batch recognition",
    "批量识别意外中止，详情见日志。": "Batch recognition stopped unexpectedly; see the log.",
    "已暂停": "paused",
    "批量识别结束：成功 {ok} 页，失败 {failed} 页，用时 {time}": (
        "Batch recognition done: {ok} pages recognized, {failed} failed, in {time}"
    ),
    "批量识别 0/{total}": "Batch 0/{total}",
    "批量识别 {done}/{total}": "Batch {done}/{total}",
    "（已取消，{n} 页留待下次）": " (cancelled; {n} pages left for next time)",
    "失败 {n}": "{n} failed",
    "剩余约 {eta}": "about {eta} left",
    "导出": "Export",
    "Excel 工作簿 (.xlsx)": "Excel workbook (.xlsx)",
    "CSV，UTF-8 (.csv)": "CSV, UTF-8 (.csv)",
    "JSON 汇总文件 (.json)": "JSON bundle (.json)",
    "所有已通过的页面": "All approved pages",
    "队列中选中的页面（{n} 页）": "The pages selected in the queue ({n})",
    "也导出校验有错误的页面（强制导出）": "Also export pages failing checks (force)",
    "注意：有错误的页面将被导出，并在文件中标注为“强制导出”。请确认这些错误已经核实，否则不要勾选。": (
        "Warning: pages with check errors will be exported and marked “forced” in the file. "
        "Only tick this when the errors have been verified."
    ),
    "浏览…": "Browse…",
    "格式：": "Format:",
    "页面：": "Pages:",
    "保存到：": "Save to:",
    "导出到": "Export To",
    "选中的页面": "the selected pages",
    "已通过的页面": "the approved pages",
    "已导出 {n} 页到 {where}": "Exported {n} pages to {where}",
    "{name} 第 {n} 页": "{name} page {n}",
    "其中 {n} 页校验有错误，已在文件中标注为“强制导出”。": (
        "{n} of them fail checks and are marked “forced” in the file."
    ),
    "{n} 页因校验错误未导出：{pages}{more}（勾选“强制导出”可一并导出）": (
        "{n} pages held back for check errors: {pages}{more} (tick “force” to export them too)"
    ),
    "{n} 页尚未识别，未导出。": "{n} pages are not recognized yet and were not exported.",
    "没有导出任何页面：{scope}中没有可导出的。": "Nothing exported: none of {scope} can be exported.",
    "导出失败：{path}": "Export failed: {path}",
    "队列是空的。把发票文件或文件夹拖到窗口中。": (
        "The queue is empty. Drop invoice files or folders on the window."
    ),
    "退回原因：{reason}": "Reason: {reason}",
    "{why}：与 {where} 相同": "{why}: same as {where}",
    "失败的页面在队列中标为“识别失败”，鼠标停在上面可看原因；可重新识别。": (
        "Failed pages are marked “Failed” in the queue; hover over one for the reason. "
        "You can recognize them again."
    ),
    "从队列中移除": "Remove from the Queue",
    "从队列中移除 {n} 个文件？它们的识别结果和修改将被删除（审计记录保留）。": (
        "Remove {n} files from the queue? Their results and edits are deleted "
        "(the audit trail stays)."
    ),
    "批量识别正在进行，新页面会在下一次批量识别时处理。": (
        "A batch is running; new pages are recognized by the next batch."
    ),
    "没有待识别的新页面。": "No new pages to recognize.",
    "已通过 {n} 页": "Approved {n} pages",
    "已退回 {n} 页：{reason}": "Rejected {n} pages: {reason}",
    "全部页面": "All pages",
    "重复的页面": "Duplicates",
    "按状态筛选": "Filter by status",
    "文件 / 页": "File / page",
    "状态": "Status",
    "还剩 {n} 张待审": "{n} left to review",
    "共 {total} 页 · 已通过 {approved} · 失败 {failed} · 待识别 {new}": (
        "{total} pages · {approved} approved · {failed} failed · {new} new"
    ),
    "第 {n} 页": "Page {n}",
    "退回页面": "Reject Pages",
    "请填写或选择退回原因": "Type or choose the reason",
    "退回": "Reject",
    "图像不清晰，无法核对": "Image too unclear to check",
    "不是机动车销售发票": "Not a motor vehicle sales invoice",
    "发票信息与实物不符": "Invoice does not match the vehicle",
    "重复提交": "Submitted twice",
    "退回 {n} 页。请说明原因：": "Reject {n} pages. Why?",
    "未能保存到审核数据库": "Could not save to the review database",
    "批量识别正在处理此页…": "The batch is recognizing this page…",
    "识别失败：{message}": "Recognition failed: {message}",
    "可按 F5 重试。": "Press F5 to try again.",
    "无法把文件加入队列": "Could not add the files to the queue",
    "队列中的页面都已审核完毕。": "Every page in the queue has been reviewed.",
    "“{name}”与队列中的“{twin}”内容相同，未重复加入。": (
        "“{name}” has the same content as “{twin}” in the queue; not added twice."
    ),
    "已加入队列：{files} 个文件，{pages} 页": "Queued {files} files, {pages} pages",
    "……共 {n} 处重复": "… {n} duplicates in all",
    "{names} 等 {n} 页": "{names} and others ({n} pages)",
}
