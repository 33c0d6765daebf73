<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>本次工作暂存在临时数据库中，退出程序后不会保留。</source>
        <translation>This session works in a temporary database; its work is not kept after you quit.</translation>
    </message>
    <message>
        <source>程序内部错误：{what}</source>
        <translation>Internal error: {what}</translation>
    </message>
    <message>
        <source>当前操作未完成，其他功能仍可使用。请把此消息告诉管理员。</source>
        <translation>The current action did not finish; everything else still works. Please tell your administrator about this message.</translation>
    </message>
    <message numerus="yes">
        <source>其中 %n 页校验有错误，已在文件中标注为“强制导出”。</source>
        <translation>
            <numerusform>%n of them fails checks and is marked “forced” in the file.</numerusform>
            <numerusform>%n of them fail checks and are marked “forced” in the file.</numerusform>
        </translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n 页因校验错误未导出：{pages}{more}（勾选“强制导出”可一并导出）</source>
        <translation>
            <numerusform>%n page held back for check errors: {pages}{more} (tick “force” to export it too)</numerusform>
            <numerusform>%n pages held back for check errors: {pages}{more} (tick “force” to export them too)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 页尚未识别，未导出。</source>
        <translation>
            <numerusform>%n page is not recognized yet and was not exported.</numerusform>
            <numerusform>%n pages are not recognized yet and were not exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>选中的页面</source>
        <translation>the selected pages</translation>
    </message>
    <message>
        <source>已通过的页面</source>
        <translation>the approved pages</translation>
    </message>
    <message>
        <source>没有导出任何页面：{scope}中没有可导出的。</source>
        <translation>Nothing exported: none of {scope} can be exported.</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 页到 {where}</source>
        <translation>
            <numerusform>Exported %n page to {where}</numerusform>
            <numerusform>Exported %n pages to {where}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} 第 {n} 页</source>
        <translation>{name} page {n}</translation>
    </message>
    <message>
        <source>{action}：{step}</source>
        <translation>{action}: {step}</translation>
    </message>
    <message numerus="yes">
        <source>（仍有 %n 个错误）</source>
        <translation>
            <numerusform> (%n error remains)</numerusform>
            <numerusform> (%n errors remain)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>此页尚未审核完毕</source>
        <extracomment>Rows listed before &quot;… and N more&quot;. The clerk chose to look at a field first: (field name). The clerk approves over the open points, knowingly.</extracomment>
        <translation>This page is not fully reviewed</translation>
    </message>
    <message>
        <source>转到“{field}”</source>
        <translation>Go to “{field}”</translation>
    </message>
    <message>
        <source>仍然通过</source>
        <translation>Approve anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n 个字段有错误</source>
        <translation>
            <numerusform>%n field has an error</numerusform>
            <numerusform>%n fields have errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个字段未确认</source>
        <translation>
            <numerusform>%n field not confirmed</numerusform>
            <numerusform>%n fields not confirmed</numerusform>
        </translation>
    </message>
    <message>
        <source>可能与队列中的其他页重复</source>
        <translation>it may duplicate another page in the queue</translation>
    </message>
    <message>
        <source>“{page}”：{what}。通过后将按原样导出。</source>
        <translation>“{page}”: {what}. Once approved it is exported as it stands.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>重复：与 {names} 相同</source>
        <translation>Duplicate: same as {names}</translation>
    </message>
    <message>
        <source>错误 · {field}：{why}</source>
        <translation>Error · {field}: {why}</translation>
    </message>
    <message>
        <source>未确认 · {field}</source>
        <translation>Not confirmed · {field}</translation>
    </message>
    <message numerus="yes">
        <source>……还有 %n 项</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchStatus</name>
    <message>
        <source>批量识别 0/{total}</source>
        <extracomment>Shortest time between two redraws of the progress (ms).</extracomment>
        <translation>Batch 0/{total}</translation>
    </message>
    <message>
        <source>批量识别</source>
        <translation>Batch recognition</translation>
    </message>
    <message>
        <source>批量识别 {done}/{total}</source>
        <translation>Batch {done}/{total}</translation>
    </message>
    <message>
        <source>失败 {n}</source>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>剩余约 {eta}</source>
        <translation>about {eta} left</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>批量识别意外中止，详情见日志。</source>
        <translation>Batch recognition stopped unexpectedly; see the log.</translation>
    </message>
    <message>
        <source>批量识别结束：成功 {ok} 页，失败 {failed} 页，用时 {time}</source>
        <translation>Batch recognition done: {ok} recognized, {failed} failed, in {time}</translation>
    </message>
    <message numerus="yes">
        <source>（%n 个识别结果尚未保存）</source>
        <translation>
            <numerusform> (%n answer not saved yet)</numerusform>
            <numerusform> (%n answers not saved yet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（因 {code} 停止：其余页面也会同样失败，%n 页留待改正后再识别）</source>
        <translation>
            <numerusform> (stopped by {code}: every other page would fail the same way; %n page is left new for after the fix)</numerusform>
            <numerusform> (stopped by {code}: every other page would fail the same way; %n pages are left new for after the fix)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（已取消，%n 页留待下次）</source>
        <translation>
            <numerusform> (cancelled; %n page left for next time)</numerusform>
            <numerusform> (cancelled; %n pages left for next time)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel 工作簿 (.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV，UTF-8 (.csv)</source>
        <translation>CSV, UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>Excel 用 CSV (.csv)</source>
        <translation>CSV for Excel (.csv)</translation>
    </message>
    <message>
        <source>JSON 汇总文件 (.json)</source>
        <translation>JSON bundle (.json)</translation>
    </message>
    <message>
        <source>所有已通过的页面</source>
        <translation>All approved pages</translation>
    </message>
    <message>
        <source>队列中选中的页面（{n} 页）</source>
        <translation>The pages selected in the queue ({n})</translation>
    </message>
    <message>
        <source>也导出校验有错误的页面（强制导出）</source>
        <translation>Also export pages failing checks (force)</translation>
    </message>
    <message>
        <source>注意：有错误的页面将被导出，并在文件中标注为“强制导出”。请确认这些错误已经核实，否则不要勾选。</source>
        <translation>Warning: pages with check errors will be exported and marked “forced” in the file. Only tick this when the errors have been verified.</translation>
    </message>
    <message>
        <source>发票导出-{date}.xlsx</source>
        <translation>invoice-export-{date}.xlsx</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>页面：</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>Excel 的类型：金额是数字，日期是日期，代码是文本。</source>
        <translation>Excel&apos;s own types: amounts are numbers, dates are dates, codes are text.</translation>
    </message>
    <message>
        <source>纯 CSV（UTF-8）：代码是纯文本，供其他程序和导入使用。</source>
        <translation>Plain CSV (UTF-8): codes as plain text, for other programs and imports.</translation>
    </message>
    <message>
        <source>供 Excel 打开的 CSV：代码写作 =&quot;…&quot;，Excel 保留前导零和全部位数；其他程序会读到等号和引号。</source>
        <translation>CSV for opening in Excel: codes are written as =&quot;…&quot; so Excel keeps leading zeros and every digit; other programs read the equals sign and quotes.</translation>
    </message>
    <message>
        <source>JSON：每页一份识别结果，附审核信息。</source>
        <translation>JSON: each page&apos;s answer with its review details.</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export To</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <source>打开发票文件后，识别结果显示在这里。</source>
        <extracomment>The clerk moved to a field (focus or click): (field name). The clerk finished editing a field: (field name, new value). Enter on a field: confirm it and move to the next that needs review: (field name).</extracomment>
        <translation>Open an invoice file; its fields appear here.</translation>
    </message>
    <message>
        <source>已识别</source>
        <translation>Recognized</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>疑问</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>识别把握较低</source>
        <extracomment>The clerk finished editing: (field name, new value). Enter in the editor: (field name). The editor got focus: (field name).</extracomment>
        <translation>Low recognition confidence</translation>
    </message>
    <message>
        <source>识别把握较低（{0}%），请先核对。</source>
        <translation>Low recognition confidence ({0}%): check this one first.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>原识别值：</source>
        <translation>Recognized: </translation>
    </message>
    <message>
        <source>已识别，待确认</source>
        <translation>Recognized, to be confirmed</translation>
    </message>
    <message>
        <source>已修改，待确认</source>
        <translation>Edited, to be confirmed</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>有疑问</source>
        <translation>Suspicious</translation>
    </message>
    <message>
        <source>有错误</source>
        <translation>Wrong</translation>
    </message>
</context>
<context>
    <name>FilePlaceholder</name>
    <message>
        <source>找到文件…</source>
        <extracomment>The clerk wants to point at the file (moved or copied elsewhere).</extracomment>
        <translation>Locate…</translation>
    </message>
    <message>
        <source>找不到此页的文件</source>
        <translation>This page&apos;s file cannot be found</translation>
    </message>
    <message>
        <source>此页的文件已被改动，内容与加入队列时不同</source>
        <translation>This page&apos;s file has changed since it was queued</translation>
    </message>
    <message>
        <source>右侧仍是保存的字段值，可以查看和修改。若文件已移动，请按“找到文件…”选择它（按内容核对，必须是同一个文件）。</source>
        <translation>The saved field values on the right can still be read and changed. If the file was moved, press “Locate…” and choose it (checked by content: it must be the same file).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>机动车发票识别审核台</source>
        <translation>CarInvoice Desk</translation>
    </message>
    <message>
        <source>把发票文件或文件夹拖到窗口中，或按 Ctrl+O 打开。</source>
        <translation>Drop invoice files or folders on the window, or press Ctrl+O to open.</translation>
    </message>
    <message>
        <source>打开发票文件</source>
        <translation>Open Invoice Files</translation>
    </message>
    <message>
        <source>发票文件 ({patterns});;所有文件 (*)</source>
        <translation>Invoice files ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>无法保存设置</source>
        <translation>Could not save the settings</translation>
    </message>
    <message>
        <source>队列是空的。把发票文件或文件夹拖到窗口中。</source>
        <translation>The queue is empty. Drop invoice files or folders on the window.</translation>
    </message>
    <message>
        <source>找到文件</source>
        <translation>Locate File</translation>
    </message>
    <message>
        <source>{name}：{value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <source>待审 {r} · 已确认 {c} · 错误 {e} · 疑问 {w}</source>
        <translation>To review {r} · confirmed {c} · errors {e} · warnings {w}</translation>
    </message>
    <message>
        <source>所有字段均已确认。按 Ctrl+Enter 通过此页。</source>
        <translation>Every field is confirmed. Press Ctrl+Enter to approve the page.</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后生效。</source>
        <translation>The new language applies after a restart.</translation>
    </message>
    <message>
        <source>有修改未保存</source>
        <translation>Unsaved changes</translation>
    </message>
    <message numerus="yes">
        <source>%n 处修改未能保存到审核数据库（见窗口上方的说明）。关闭窗口会丢掉这些修改。</source>
        <translation>
            <numerusform>%n change could not be saved to the review database (see the message at the top of the window). Closing the window drops it.</numerusform>
            <numerusform>%n changes could not be saved to the review database (see the message at the top of the window). Closing the window drops them.</numerusform>
        </translation>
    </message>
    <message>
        <source>不关闭</source>
        <translation>Keep the window open</translation>
    </message>
    <message>
        <source>重试保存</source>
        <translation>Retry saving</translation>
    </message>
    <message>
        <source>丢掉修改并关闭</source>
        <translation>Drop the changes and close</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>全部关闭</source>
        <extracomment>A message was shown: (level, headline, details).</extracomment>
        <translation>Close all</translation>
    </message>
    <message numerus="yes">
        <source>较早的 %n 条消息：</source>
        <translation>
            <numerusform>%n earlier message:</numerusform>
            <numerusform>%n earlier messages:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageItem</name>
    <message>
        <source>关闭此消息</source>
        <extracomment>Messages kept; past that the two oldest fold into one that lists their headlines. The tallest the area gets before it scrolls (pixels). The clerk dismissed this message.</extracomment>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>PageBanner</name>
    <message>
        <source>从文件文字读取（精确，未经识别）</source>
        <extracomment>Twins named per reason; more are counted.</extracomment>
        <translation>Read from the file&apos;s own text (exact, not recognized)</translation>
    </message>
    <message>
        <source>本地引擎识别</source>
        <translation>Recognized by the local engine</translation>
    </message>
    <message>
        <source>云端识别</source>
        <translation>Recognized by the cloud</translation>
    </message>
    <message>
        <source>退回原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>{names} 等 {n} 页</source>
        <translation>{names} and others ({n} pages)</translation>
    </message>
    <message>
        <source>{why}：与 {where} 相同</source>
        <translation>{why}: same as {where}</translation>
    </message>
</context>
<context>
    <name>QueueCommands</name>
    <message>
        <source>添加文件夹</source>
        <extracomment>``show_message(level, title, body)`` of the window.</extracomment>
        <translation>Add Folder</translation>
    </message>
    <message>
        <source>没有可用的识别引擎</source>
        <translation>No recognition engine is available</translation>
    </message>
    <message>
        <source>请在“设置”中选择识别引擎。</source>
        <translation>Choose an engine in Settings.</translation>
    </message>
    <message>
        <source>批量识别正在进行，新页面会在下一次批量识别时处理。</source>
        <translation>A batch is running; new pages are recognized by the next batch.</translation>
    </message>
    <message>
        <source>没有待识别的新页面。</source>
        <translation>No new pages to recognize.</translation>
    </message>
    <message>
        <source>继续批量识别</source>
        <translation>Resume Batch Recognition</translation>
    </message>
    <message>
        <source>暂停批量识别</source>
        <translation>Pause Batch Recognition</translation>
    </message>
    <message>
        <source>失败的页面在队列中标为“识别失败”，鼠标停在上面可看原因；可重新识别。</source>
        <translation>Failed pages are marked “Failed” in the queue; hover over one for the reason. You can recognize them again.</translation>
    </message>
    <message numerus="yes">
        <source>已通过 %n 页</source>
        <translation>
            <numerusform>Approved %n page</numerusform>
            <numerusform>Approved %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>有些页面尚未审核完毕</source>
        <translation>Some pages are not fully reviewed</translation>
    </message>
    <message numerus="yes">
        <source>选中的页面中有 %n 页尚未审核完毕（有未确认的字段、错误或重复）。</source>
        <translation>
            <numerusform>%n of the selected pages is not fully reviewed (unconfirmed fields, errors or a duplicate).</numerusform>
            <numerusform>%n of the selected pages are not fully reviewed (unconfirmed fields, errors or duplicates).</numerusform>
        </translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>只通过已审核完的 %n 页</source>
        <translation>
            <numerusform>Approve only the %n reviewed page</numerusform>
            <numerusform>Approve only the %n reviewed pages</numerusform>
        </translation>
    </message>
    <message>
        <source>全部仍然通过</source>
        <translation>Approve all anyway</translation>
    </message>
    <message numerus="yes">
        <source>已退回 %n 页：{reason}</source>
        <translation>
            <numerusform>Rejected %n page: {reason}</numerusform>
            <numerusform>Rejected %n pages: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>从队列中移除</source>
        <translation>Remove from the Queue</translation>
    </message>
    <message numerus="yes">
        <source>从队列中移除 %n 个文件？它们的识别结果和修改将被删除（审计记录保留）。</source>
        <translation>
            <numerusform>Remove %n file from the queue? Its results and edits are deleted (the audit trail stays).</numerusform>
            <numerusform>Remove %n files from the queue? Their results and edits are deleted (the audit trail stays).</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败：{path}</source>
        <translation>Export failed: {path}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>全部页面</source>
        <extracomment>The filter entry that shows only flagged duplicates. Twins named in a duplicate flag&apos;s tooltip; more are counted. The clerk chose a page to open: (``PageKey``).</extracomment>
        <translation>All pages</translation>
    </message>
    <message>
        <source>重复的页面</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>文件 / 页</source>
        <translation>File / page</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>还剩 {n} 张待审</source>
        <translation>{n} left to review</translation>
    </message>
    <message>
        <source>共 {total} 页 · 已通过 {approved} · 失败 {failed} · 待识别 {new}</source>
        <translation>Pages {total} · approved {approved} · failed {failed} · new {new}</translation>
    </message>
    <message>
        <source>第 {n} 页</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>退回原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>……共 %n 处重复</source>
        <translation>
            <numerusform>… %n duplicate in all</numerusform>
            <numerusform>… %n duplicates in all</numerusform>
        </translation>
    </message>
    <message>
        <source>{why}：与 {where} 相同</source>
        <translation>{why}: same as {where}</translation>
    </message>
</context>
<context>
    <name>RecognizeFlow</name>
    <message>
        <source>此页已通过。重新识别会撤销通过，并放弃所有修改和确认。</source>
        <translation>This page is approved. Recognizing it again withdraws the approval and discards every edit and confirmation.</translation>
    </message>
    <message>
        <source>此页已有修改或确认。重新识别会放弃这些修改和确认。</source>
        <translation>This page has edits or confirmations. Recognizing it again discards them.</translation>
    </message>
    <message>
        <source>重新识别此页？</source>
        <translation>Recognize this page again?</translation>
    </message>
    <message>
        <source>重新识别</source>
        <translation>Recognize again</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>退回页面</source>
        <translation>Reject Pages</translation>
    </message>
    <message>
        <source>图像不清晰，无法核对</source>
        <translation>Image too unclear to check</translation>
    </message>
    <message>
        <source>不是机动车销售发票</source>
        <translation>Not a motor vehicle sales invoice</translation>
    </message>
    <message>
        <source>发票信息与实物不符</source>
        <translation>Invoice does not match the vehicle</translation>
    </message>
    <message>
        <source>重复提交</source>
        <translation>Submitted twice</translation>
    </message>
    <message>
        <source>请填写或选择退回原因</source>
        <translation>Type or choose the reason</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Reject</translation>
    </message>
    <message numerus="yes">
        <source>退回 %n 页。请说明原因：</source>
        <translation>
            <numerusform>Reject %n page. Why?</numerusform>
            <numerusform>Reject %n pages. Why?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>正在载入页面…</source>
        <extracomment>Decoded pages kept in memory; others are rendered again when revisited. Documents kept open on the documents thread; others are closed and reopened on demand. The queue changed (pages added, removed, statuses, duplicates). Another page became current: (``PageKey``). No page is current any more (the queue is empty). The current page&apos;s image is ready: (``PageKey``, ``QImage``). The current page&apos;s review is ready to show: (``PageKey``, ``ReviewState``). The current page has no review to show: (``PageKey``, why, for the field panel). Something the clerk must know: (level ``info|warning|error``, headline, details). A recognition started (True) or ended (False). Progress of the running recognition, 0..1. A short note for the status bar. The clerk&apos;s files and folders were queued: (the paths as given). The current page&apos;s file is gone or changed: (``PageKey``, ``FileProblem``, path). Every write of the window, in order, off the GUI thread.</extracomment>
        <translation>Loading the page…</translation>
    </message>
    <message>
        <source>无法打开“{name}”</source>
        <translation>Could not open “{name}”</translation>
    </message>
    <message>
        <source>无法显示第 {n} 页</source>
        <translation>Could not show page {n}</translation>
    </message>
    <message>
        <source>正在识别…</source>
        <translation>Recognizing…</translation>
    </message>
    <message>
        <source>批量识别正在处理此页…</source>
        <translation>The batch is recognizing this page…</translation>
    </message>
    <message>
        <source>识别失败。可按 F5 重试。</source>
        <translation>Recognition failed. Press F5 to try again.</translation>
    </message>
    <message>
        <source>识别失败：{message}</source>
        <translation>Recognition failed: {message}</translation>
    </message>
    <message>
        <source>可按 F5 重试。</source>
        <translation>Press F5 to try again.</translation>
    </message>
    <message>
        <source>此页尚未识别。按 F5 识别。</source>
        <translation>This page is not recognized yet. Press F5 to recognize it.</translation>
    </message>
    <message>
        <source>修改“{name}”</source>
        <translation>Edit “{name}”</translation>
    </message>
    <message>
        <source>此页改回“待审核”：通过后修改了字段。</source>
        <translation>This page is back to “Needs review”: a field was changed after approval.</translation>
    </message>
    <message>
        <source>修改仍保留在窗口中；问题解决后请按状态栏中的“重试保存”。</source>
        <translation>The change is kept in the window; once the problem is solved, press “Retry saving” in the status bar.</translation>
    </message>
    <message>
        <source>未能保存到审核数据库</source>
        <translation>Could not save to the review database</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <source>重试保存</source>
        <extracomment>The clerk asks for the refused changes to be saved again.</extracomment>
        <translation>Retry saving</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <source>%n 处修改未保存</source>
        <translation>
            <numerusform>%n change not saved</numerusform>
            <numerusform>%n changes not saved</numerusform>
        </translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>此页没有保存的识别结果。</source>
        <translation>This page has no saved recognition result.</translation>
    </message>
    <message>
        <source>“{name}”不是队列中的那个文件</source>
        <translation>“{name}” is not the file in the queue</translation>
    </message>
    <message>
        <source>内容不同（按文件内容的哈希值比较）。请选择原来的文件或它的副本。</source>
        <translation>Its content differs (compared by the hash of the content). Choose the original file or a copy of it.</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <source>无法打开“{name}”</source>
        <translation>Could not open “{name}”</translation>
    </message>
    <message>
        <source>“{name}”与队列中的“{twin}”内容相同，未重复加入。</source>
        <translation>“{name}” has the same content as “{twin}” in the queue; not added twice.</translation>
    </message>
    <message>
        <source>已加入队列：{files} 个文件，{pages} 页</source>
        <translation>Queued — files: {files}, pages: {pages}</translation>
    </message>
    <message>
        <source>无法把文件加入队列</source>
        <translation>Could not add the files to the queue</translation>
    </message>
    <message>
        <source>队列是空的，没有可通过的页面。</source>
        <translation>The queue is empty: there is no page to approve.</translation>
    </message>
    <message>
        <source>此页尚未识别，不能通过。</source>
        <translation>This page is not recognized yet and cannot be approved.</translation>
    </message>
    <message>
        <source>有修改尚未保存，此页没有通过</source>
        <translation>Changes are not saved yet: the page was not approved</translation>
    </message>
    <message>
        <source>请先按状态栏中的“重试保存”，保存成功后再通过。</source>
        <translation>Press “Retry saving” in the status bar first, and approve once they are saved.</translation>
    </message>
    <message>
        <source>已通过 {page}</source>
        <translation>Approved {page}</translation>
    </message>
    <message>
        <source>队列中的页面都已审核完毕。</source>
        <translation>Every page in the queue has been reviewed.</translation>
    </message>
</context>
<context>
    <name>SessionRecognition</name>
    <message>
        <source>没有可识别的页面。</source>
        <translation>There is no page to recognize.</translation>
    </message>
    <message>
        <source>没有可用的识别引擎</source>
        <translation>No recognition engine is available</translation>
    </message>
    <message>
        <source>请在“设置”中选择识别引擎。</source>
        <translation>Choose an engine in Settings.</translation>
    </message>
    <message>
        <source>正在识别…</source>
        <translation>Recognizing…</translation>
    </message>
    <message>
        <source>批量识别正在处理此页…</source>
        <translation>The batch is recognizing this page…</translation>
    </message>
    <message>
        <source>正在识别 {page}…</source>
        <translation>Recognizing {page}…</translation>
    </message>
    <message>
        <source>识别完成：{n} 个字段，{m} 个有位置</source>
        <translation>Recognized: {n} fields, {m} with a place on the page</translation>
    </message>
    <message>
        <source>识别失败：</source>
        <translation>Recognition failed: </translation>
    </message>
    <message>
        <source>识别失败。</source>
        <translation>Recognition failed.</translation>
    </message>
    <message>
        <source>识别失败。可按 F5 重试。</source>
        <translation>Recognition failed. Press F5 to try again.</translation>
    </message>
    <message>
        <source>识别已取消。</source>
        <translation>Recognition cancelled.</translation>
    </message>
    <message>
        <source>识别已取消。按 F5 重新识别。</source>
        <translation>Recognition cancelled. Press F5 to recognize again.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <extracomment>(preferences, typed keys or None) → success text; raises ``CarInvoiceError`` if it fails. The test finished: (success, message for the clerk). &quot;Test connection&quot; finished: (success, message shown to the clerk).</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>本地识别（离线）</source>
        <extracomment>Set by ``accept`` when the keychain did not store the typed keys: the (title, text) to tell the clerk once the other settings are applied.</extracomment>
        <translation>Local (offline)</translation>
    </message>
    <message>
        <source>腾讯云识别</source>
        <translation>Tencent Cloud</translation>
    </message>
    <message>
        <source>办公室识别服务器</source>
        <translation>Office recognition server</translation>
    </message>
    <message>
        <source>默认：https://ocr.tencentcloudapi.com</source>
        <translation>Default: https://ocr.tencentcloudapi.com</translation>
    </message>
    <message>
        <source>本机没有可用的系统钥匙串：在这里填写的密钥只用于“测试连接”，点“确定”时不会保存。要长期使用，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥。</source>
        <translation>There is no usable OS keychain on this computer: keys typed here serve only “Test connection” and are not saved when you press OK. To use them for good, provide them in the environment variables {id_var} and {key_var} or in the file {file}.</translation>
    </message>
    <message>
        <source>打开文件后自动识别当前页</source>
        <translation>Recognize the current page when a file opens</translation>
    </message>
    <message>
        <source>数电 PDF、OFD、XML 也用识别引擎识别（不读取文件文字）</source>
        <translation>Recognize e-invoice PDF, OFD and XML files too (do not read their text)</translation>
    </message>
    <message>
        <source>通常这些文件的字段直接从文件文字精确读取，无需识别、无需密钥。</source>
        <translation>Normally the fields of these files are read exactly from their own text: no recognition, no keys.</translation>
    </message>
    <message>
        <source>按页通过：不要求逐个确认字段（错误和重复仍会询问）</source>
        <translation>Approve whole pages: no need to confirm each field (errors and duplicates still ask)</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <source>识别引擎</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>接入地址</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>界面语言（重启后生效）</source>
        <translation>Language (applies after a restart)</translation>
    </message>
    <message>
        <source>已保存在系统钥匙串中（留空则不变）</source>
        <translation>Stored in the OS keychain (leave empty to keep it)</translation>
    </message>
    <message>
        <source>要使用腾讯云识别或办公室识别服务器，请先填写 SecretId 和 SecretKey；本地识别无需密钥。</source>
        <translation>Enter a SecretId and SecretKey to use Tencent Cloud or an office recognition server; the local engine needs no keys.</translation>
    </message>
    <message>
        <source>识别服务器地址，例如 https://ocr.office.lan/</source>
        <translation>The server&apos;s URL, e.g. https://ocr.office.lan/</translation>
    </message>
    <message>
        <source>密钥未保存：系统钥匙串不可用</source>
        <translation>Keys not saved: no OS keychain</translation>
    </message>
    <message>
        <source>其他设置已保存，但 SecretId 和 SecretKey 没有保存：本机没有可用的系统钥匙串。要使用腾讯云识别或办公室识别服务器，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥，然后重新启动程序。本地识别和读取数电发票无需密钥。</source>
        <translation>Your other settings were saved, but the SecretId and SecretKey were not: there is no usable OS keychain on this computer. To use Tencent Cloud or an office recognition server, provide the keys in the environment variables {id_var} and {key_var} or in the file {file}, then restart the program. The local engine and reading e-invoices need no keys.</translation>
    </message>
    <message>
        <source>正在测试…</source>
        <translation>Testing…</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add Files…</translation>
    </message>
    <message>
        <source>添加文件</source>
        <translation>Add Files</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add Folder…</translation>
    </message>
    <message>
        <source>添加文件夹</source>
        <translation>Add Folder</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>适合页面</source>
        <translation>Fit Page</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <source>实际大小 (100%)</source>
        <translation>Actual Size (100%)</translation>
    </message>
    <message>
        <source>顺时针旋转 90°</source>
        <translation>Rotate 90° Clockwise</translation>
    </message>
    <message>
        <source>旋转</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>显示字段框</source>
        <translation>Show Field Boxes</translation>
    </message>
    <message>
        <source>字段框</source>
        <translation>Boxes</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous Page</translation>
    </message>
    <message>
        <source>上一页</source>
        <comment>toolbar</comment>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next Page</translation>
    </message>
    <message>
        <source>下一页</source>
        <comment>toolbar</comment>
        <translation>Next</translation>
    </message>
    <message>
        <source>识别</source>
        <translation>Recognize</translation>
    </message>
    <message>
        <source>取消识别</source>
        <translation>Cancel Recognition</translation>
    </message>
    <message>
        <source>取消识别</source>
        <comment>toolbar</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>通过此页并继续</source>
        <translation>Approve Page and Continue</translation>
    </message>
    <message>
        <source>通过此页</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>识别全部新页面</source>
        <translation>Recognize All New Pages</translation>
    </message>
    <message>
        <source>全部识别</source>
        <translation>Recognize All</translation>
    </message>
    <message>
        <source>暂停批量识别</source>
        <translation>Pause Batch Recognition</translation>
    </message>
    <message>
        <source>取消批量识别</source>
        <translation>Cancel Batch Recognition</translation>
    </message>
    <message>
        <source>通过选中的页面</source>
        <translation>Approve Selected Pages</translation>
    </message>
    <message>
        <source>退回选中的页面…</source>
        <translation>Reject Selected Pages…</translation>
    </message>
    <message>
        <source>重新识别选中的页面</source>
        <translation>Recognize Selected Pages Again</translation>
    </message>
    <message>
        <source>从队列中移除选中的文件</source>
        <translation>Remove Selected Files from the Queue</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>识别(&amp;R)</source>
        <translation>&amp;Recognition</translation>
    </message>
    <message>
        <source>队列(&amp;Q)</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
</context>
</TS>
