<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>本次工作暂存在临时数据库中，退出程序后不会保留。</source>
        <translation>本次工作暂存在临时数据库中，退出程序后不会保留。</translation>
    </message>
    <message>
        <source>程序内部错误：{what}</source>
        <translation>程序内部错误：{what}</translation>
    </message>
    <message>
        <source>当前操作未完成，其他功能仍可使用。请把此消息告诉管理员。</source>
        <translation>当前操作未完成，其他功能仍可使用。请把此消息告诉管理员。</translation>
    </message>
    <message numerus="yes">
        <source>其中 %n 页校验有错误，已在文件中标注为“强制导出”。</source>
        <translation>
            <numerusform>其中 %n 页校验有错误，已在文件中标注为“强制导出”。</numerusform>
        </translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n 页因校验错误未导出：{pages}{more}（勾选“强制导出”可一并导出）</source>
        <translation>
            <numerusform>%n 页因校验错误未导出：{pages}{more}（勾选“强制导出”可一并导出）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 页尚未识别，未导出。</source>
        <translation>
            <numerusform>%n 页尚未识别，未导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>选中的页面</source>
        <translation>选中的页面</translation>
    </message>
    <message>
        <source>已通过的页面</source>
        <translation>已通过的页面</translation>
    </message>
    <message>
        <source>没有导出任何页面：{scope}中没有可导出的。</source>
        <translation>没有导出任何页面：{scope}中没有可导出的。</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 页到 {where}</source>
        <translation>
            <numerusform>已导出 %n 页到 {where}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} 第 {n} 页</source>
        <translation>{name} 第 {n} 页</translation>
    </message>
    <message>
        <source>{action}：{step}</source>
        <translation>{action}：{step}</translation>
    </message>
    <message numerus="yes">
        <source>（仍有 %n 个错误）</source>
        <translation>
            <numerusform>（仍有 %n 个错误）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>此页尚未审核完毕</source>
        <extracomment>Rows listed before &quot;… and N more&quot;. The clerk chose to look at a field first: (field name). The clerk approves over the open points, knowingly.</extracomment>
        <translation>此页尚未审核完毕</translation>
    </message>
    <message>
        <source>转到“{field}”</source>
        <translation>转到“{field}”</translation>
    </message>
    <message>
        <source>仍然通过</source>
        <translation>仍然通过</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n 个字段有错误</source>
        <translation>
            <numerusform>%n 个字段有错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 个字段未确认</source>
        <translation>
            <numerusform>%n 个字段未确认</numerusform>
        </translation>
    </message>
    <message>
        <source>可能与队列中的其他页重复</source>
        <translation>可能与队列中的其他页重复</translation>
    </message>
    <message>
        <source>“{page}”：{what}。通过后将按原样导出。</source>
        <translation>“{page}”：{what}。通过后将按原样导出。</translation>
    </message>
    <message>
        <source>；</source>
        <translation>；</translation>
    </message>
    <message>
        <source>重复：与 {names} 相同</source>
        <translation>重复：与 {names} 相同</translation>
    </message>
    <message>
        <source>错误 · {field}：{why}</source>
        <translation>错误 · {field}：{why}</translation>
    </message>
    <message>
        <source>未确认 · {field}</source>
        <translation>未确认 · {field}</translation>
    </message>
    <message numerus="yes">
        <source>……还有 %n 项</source>
        <translation>
            <numerusform>……还有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchStatus</name>
    <message>
        <source>批量识别 0/{total}</source>
        <extracomment>Shortest time between two redraws of the progress (ms).</extracomment>
        <translation>批量识别 0/{total}</translation>
    </message>
    <message>
        <source>批量识别</source>
        <translation>批量识别</translation>
    </message>
    <message>
        <source>批量识别 {done}/{total}</source>
        <translation>批量识别 {done}/{total}</translation>
    </message>
    <message>
        <source>失败 {n}</source>
        <translation>失败 {n}</translation>
    </message>
    <message>
        <source>剩余约 {eta}</source>
        <translation>剩余约 {eta}</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>批量识别意外中止，详情见日志。</source>
        <translation>批量识别意外中止，详情见日志。</translation>
    </message>
    <message>
        <source>批量识别结束：成功 {ok} 页，失败 {failed} 页，用时 {time}</source>
        <translation>批量识别结束：成功 {ok} 页，失败 {failed} 页，用时 {time}</translation>
    </message>
    <message numerus="yes">
        <source>（%n 个识别结果尚未保存）</source>
        <translation>
            <numerusform>（%n 个识别结果尚未保存）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（因 {code} 停止：其余页面也会同样失败，%n 页留待改正后再识别）</source>
        <translation>
            <numerusform>（因 {code} 停止：其余页面也会同样失败，%n 页留待改正后再识别）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>（已取消，%n 页留待下次）</source>
        <translation>
            <numerusform>（已取消，%n 页留待下次）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel 工作簿 (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV，UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>Excel 用 CSV (.csv)</source>
        <translation>Excel 用 CSV (.csv)</translation>
    </message>
    <message>
        <source>JSON 汇总文件 (.json)</source>
        <translation>JSON 汇总文件 (.json)</translation>
    </message>
    <message>
        <source>所有已通过的页面</source>
        <translation>所有已通过的页面</translation>
    </message>
    <message>
        <source>队列中选中的页面（{n} 页）</source>
        <translation>队列中选中的页面（{n} 页）</translation>
    </message>
    <message>
        <source>也导出校验有错误的页面（强制导出）</source>
        <translation>也导出校验有错误的页面（强制导出）</translation>
    </message>
    <message>
        <source>注意：有错误的页面将被导出，并在文件中标注为“强制导出”。请确认这些错误已经核实，否则不要勾选。</source>
        <translation>注意：有错误的页面将被导出，并在文件中标注为“强制导出”。请确认这些错误已经核实，否则不要勾选。</translation>
    </message>
    <message>
        <source>发票导出-{date}.xlsx</source>
        <translation>发票导出-{date}.xlsx</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>页面：</source>
        <translation>页面：</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Excel 的类型：金额是数字，日期是日期，代码是文本。</source>
        <translation>Excel 的类型：金额是数字，日期是日期，代码是文本。</translation>
    </message>
    <message>
        <source>纯 CSV（UTF-8）：代码是纯文本，供其他程序和导入使用。</source>
        <translation>纯 CSV（UTF-8）：代码是纯文本，供其他程序和导入使用。</translation>
    </message>
    <message>
        <source>供 Excel 打开的 CSV：代码写作 =&quot;…&quot;，Excel 保留前导零和全部位数；其他程序会读到等号和引号。</source>
        <translation>供 Excel 打开的 CSV：代码写作 =&quot;…&quot;，Excel 保留前导零和全部位数；其他程序会读到等号和引号。</translation>
    </message>
    <message>
        <source>JSON：每页一份识别结果，附审核信息。</source>
        <translation>JSON：每页一份识别结果，附审核信息。</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>导出到</translation>
    </message>
</context>
<context>
    <name>FieldPanel</name>
    <message>
        <source>打开发票文件后，识别结果显示在这里。</source>
        <extracomment>The clerk moved to a field (focus or click): (field name). The clerk finished editing a field: (field name, new value). Enter on a field: confirm it and move to the next that needs review: (field name).</extracomment>
        <translation>打开发票文件后，识别结果显示在这里。</translation>
    </message>
    <message>
        <source>已识别</source>
        <translation>已识别</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>疑问</source>
        <translation>疑问</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>识别把握较低</source>
        <extracomment>The clerk finished editing: (field name, new value). Enter in the editor: (field name). The editor got focus: (field name).</extracomment>
        <translation>识别把握较低</translation>
    </message>
    <message>
        <source>识别把握较低（{0}%），请先核对。</source>
        <translation>识别把握较低（{0}%），请先核对。</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>原识别值：</source>
        <translation>原识别值：</translation>
    </message>
    <message>
        <source>已识别，待确认</source>
        <translation>已识别，待确认</translation>
    </message>
    <message>
        <source>已修改，待确认</source>
        <translation>已修改，待确认</translation>
    </message>
    <message>
        <source>已确认</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>有疑问</source>
        <translation>有疑问</translation>
    </message>
    <message>
        <source>有错误</source>
        <translation>有错误</translation>
    </message>
</context>
<context>
    <name>FilePlaceholder</name>
    <message>
        <source>找到文件…</source>
        <extracomment>The clerk wants to point at the file (moved or copied elsewhere).</extracomment>
        <translation>找到文件…</translation>
    </message>
    <message>
        <source>找不到此页的文件</source>
        <translation>找不到此页的文件</translation>
    </message>
    <message>
        <source>此页的文件已被改动，内容与加入队列时不同</source>
        <translation>此页的文件已被改动，内容与加入队列时不同</translation>
    </message>
    <message>
        <source>右侧仍是保存的字段值，可以查看和修改。若文件已移动，请按“找到文件…”选择它（按内容核对，必须是同一个文件）。</source>
        <translation>右侧仍是保存的字段值，可以查看和修改。若文件已移动，请按“找到文件…”选择它（按内容核对，必须是同一个文件）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>机动车发票识别审核台</source>
        <translation>机动车发票识别审核台</translation>
    </message>
    <message>
        <source>把发票文件或文件夹拖到窗口中，或按 Ctrl+O 打开。</source>
        <translation>把发票文件或文件夹拖到窗口中，或按 Ctrl+O 打开。</translation>
    </message>
    <message>
        <source>打开发票文件</source>
        <translation>打开发票文件</translation>
    </message>
    <message>
        <source>发票文件 ({patterns});;所有文件 (*)</source>
        <translation>发票文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>无法保存设置</source>
        <translation>无法保存设置</translation>
    </message>
    <message>
        <source>队列是空的。把发票文件或文件夹拖到窗口中。</source>
        <translation>队列是空的。把发票文件或文件夹拖到窗口中。</translation>
    </message>
    <message>
        <source>找到文件</source>
        <translation>找到文件</translation>
    </message>
    <message>
        <source>{name}：{value}</source>
        <translation>{name}：{value}</translation>
    </message>
    <message>
        <source>待审 {r} · 已确认 {c} · 错误 {e} · 疑问 {w}</source>
        <translation>待审 {r} · 已确认 {c} · 错误 {e} · 疑问 {w}</translation>
    </message>
    <message>
        <source>所有字段均已确认。按 Ctrl+Enter 通过此页。</source>
        <translation>所有字段均已确认。按 Ctrl+Enter 通过此页。</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后生效。</source>
        <translation>界面语言将在重新启动后生效。</translation>
    </message>
    <message>
        <source>有修改未保存</source>
        <translation>有修改未保存</translation>
    </message>
    <message numerus="yes">
        <source>%n 处修改未能保存到审核数据库（见窗口上方的说明）。关闭窗口会丢掉这些修改。</source>
        <translation>
            <numerusform>%n 处修改未能保存到审核数据库（见窗口上方的说明）。关闭窗口会丢掉这些修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>不关闭</source>
        <translation>不关闭</translation>
    </message>
    <message>
        <source>重试保存</source>
        <translation>重试保存</translation>
    </message>
    <message>
        <source>丢掉修改并关闭</source>
        <translation>丢掉修改并关闭</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>全部关闭</source>
        <extracomment>A message was shown: (level, headline, details).</extracomment>
        <translation>全部关闭</translation>
    </message>
    <message numerus="yes">
        <source>较早的 %n 条消息：</source>
        <translation>
            <numerusform>较早的 %n 条消息：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageItem</name>
    <message>
        <source>关闭此消息</source>
        <extracomment>Messages kept; past that the two oldest fold into one that lists their headlines. The tallest the area gets before it scrolls (pixels). The clerk dismissed this message.</extracomment>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>PageBanner</name>
    <message>
        <source>从文件文字读取（精确，未经识别）</source>
        <extracomment>Twins named per reason; more are counted.</extracomment>
        <translation>从文件文字读取（精确，未经识别）</translation>
    </message>
    <message>
        <source>本地引擎识别</source>
        <translation>本地引擎识别</translation>
    </message>
    <message>
        <source>云端识别</source>
        <translation>云端识别</translation>
    </message>
    <message>
        <source>退回原因：{reason}</source>
        <translation>退回原因：{reason}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>{names} 等 {n} 页</source>
        <translation>{names} 等 {n} 页</translation>
    </message>
    <message>
        <source>{why}：与 {where} 相同</source>
        <translation>{why}：与 {where} 相同</translation>
    </message>
</context>
<context>
    <name>QueueCommands</name>
    <message>
        <source>添加文件夹</source>
        <extracomment>``show_message(level, title, body)`` of the window.</extracomment>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>没有可用的识别引擎</source>
        <translation>没有可用的识别引擎</translation>
    </message>
    <message>
        <source>请在“设置”中选择识别引擎。</source>
        <translation>请在“设置”中选择识别引擎。</translation>
    </message>
    <message>
        <source>批量识别正在进行，新页面会在下一次批量识别时处理。</source>
        <translation>批量识别正在进行，新页面会在下一次批量识别时处理。</translation>
    </message>
    <message>
        <source>没有待识别的新页面。</source>
        <translation>没有待识别的新页面。</translation>
    </message>
    <message>
        <source>继续批量识别</source>
        <translation>继续批量识别</translation>
    </message>
    <message>
        <source>暂停批量识别</source>
        <translation>暂停批量识别</translation>
    </message>
    <message>
        <source>失败的页面在队列中标为“识别失败”，鼠标停在上面可看原因；可重新识别。</source>
        <translation>失败的页面在队列中标为“识别失败”，鼠标停在上面可看原因；可重新识别。</translation>
    </message>
    <message numerus="yes">
        <source>已通过 %n 页</source>
        <translation>
            <numerusform>已通过 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>有些页面尚未审核完毕</source>
        <translation>有些页面尚未审核完毕</translation>
    </message>
    <message numerus="yes">
        <source>选中的页面中有 %n 页尚未审核完毕（有未确认的字段、错误或重复）。</source>
        <translation>
            <numerusform>选中的页面中有 %n 页尚未审核完毕（有未确认的字段、错误或重复）。</numerusform>
        </translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>只通过已审核完的 %n 页</source>
        <translation>
            <numerusform>只通过已审核完的 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>全部仍然通过</source>
        <translation>全部仍然通过</translation>
    </message>
    <message numerus="yes">
        <source>已退回 %n 页：{reason}</source>
        <translation>
            <numerusform>已退回 %n 页：{reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>从队列中移除</source>
        <translation>从队列中移除</translation>
    </message>
    <message numerus="yes">
        <source>从队列中移除 %n 个文件？它们的识别结果和修改将被删除（审计记录保留）。</source>
        <translation>
            <numerusform>从队列中移除 %n 个文件？它们的识别结果和修改将被删除（审计记录保留）。</numerusform>
        </translation>
    </message>
    <message>
        <source>导出失败：{path}</source>
        <translation>导出失败：{path}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>全部页面</source>
        <extracomment>The filter entry that shows only flagged duplicates. Twins named in a duplicate flag&apos;s tooltip; more are counted. The clerk chose a page to open: (``PageKey``).</extracomment>
        <translation>全部页面</translation>
    </message>
    <message>
        <source>重复的页面</source>
        <translation>重复的页面</translation>
    </message>
    <message>
        <source>按状态筛选</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>文件 / 页</source>
        <translation>文件 / 页</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>还剩 {n} 张待审</source>
        <translation>还剩 {n} 张待审</translation>
    </message>
    <message>
        <source>共 {total} 页 · 已通过 {approved} · 失败 {failed} · 待识别 {new}</source>
        <translation>共 {total} 页 · 已通过 {approved} · 失败 {failed} · 待识别 {new}</translation>
    </message>
    <message>
        <source>第 {n} 页</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>退回原因：{reason}</source>
        <translation>退回原因：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>……共 %n 处重复</source>
        <translation>
            <numerusform>……共 %n 处重复</numerusform>
        </translation>
    </message>
    <message>
        <source>{why}：与 {where} 相同</source>
        <translation>{why}：与 {where} 相同</translation>
    </message>
</context>
<context>
    <name>RecognizeFlow</name>
    <message>
        <source>此页已通过。重新识别会撤销通过，并放弃所有修改和确认。</source>
        <translation>此页已通过。重新识别会撤销通过，并放弃所有修改和确认。</translation>
    </message>
    <message>
        <source>此页已有修改或确认。重新识别会放弃这些修改和确认。</source>
        <translation>此页已有修改或确认。重新识别会放弃这些修改和确认。</translation>
    </message>
    <message>
        <source>重新识别此页？</source>
        <translation>重新识别此页？</translation>
    </message>
    <message>
        <source>重新识别</source>
        <translation>重新识别</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>退回页面</source>
        <translation>退回页面</translation>
    </message>
    <message>
        <source>图像不清晰，无法核对</source>
        <translation>图像不清晰，无法核对</translation>
    </message>
    <message>
        <source>不是机动车销售发票</source>
        <translation>不是机动车销售发票</translation>
    </message>
    <message>
        <source>发票信息与实物不符</source>
        <translation>发票信息与实物不符</translation>
    </message>
    <message>
        <source>重复提交</source>
        <translation>重复提交</translation>
    </message>
    <message>
        <source>请填写或选择退回原因</source>
        <translation>请填写或选择退回原因</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>退回</translation>
    </message>
    <message numerus="yes">
        <source>退回 %n 页。请说明原因：</source>
        <translation>
            <numerusform>退回 %n 页。请说明原因：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>正在载入页面…</source>
        <extracomment>Decoded pages kept in memory; others are rendered again when revisited. Documents kept open on the documents thread; others are closed and reopened on demand. The queue changed (pages added, removed, statuses, duplicates). Another page became current: (``PageKey``). No page is current any more (the queue is empty). The current page&apos;s image is ready: (``PageKey``, ``QImage``). The current page&apos;s review is ready to show: (``PageKey``, ``ReviewState``). The current page has no review to show: (``PageKey``, why, for the field panel). Something the clerk must know: (level ``info|warning|error``, headline, details). A recognition started (True) or ended (False). Progress of the running recognition, 0..1. A short note for the status bar. The clerk&apos;s files and folders were queued: (the paths as given). The current page&apos;s file is gone or changed: (``PageKey``, ``FileProblem``, path). Every write of the window, in order, off the GUI thread.</extracomment>
        <translation>正在载入页面…</translation>
    </message>
    <message>
        <source>无法打开“{name}”</source>
        <translation>无法打开“{name}”</translation>
    </message>
    <message>
        <source>无法显示第 {n} 页</source>
        <translation>无法显示第 {n} 页</translation>
    </message>
    <message>
        <source>正在识别…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>批量识别正在处理此页…</source>
        <translation>批量识别正在处理此页…</translation>
    </message>
    <message>
        <source>识别失败。可按 F5 重试。</source>
        <translation>识别失败。可按 F5 重试。</translation>
    </message>
    <message>
        <source>识别失败：{message}</source>
        <translation>识别失败：{message}</translation>
    </message>
    <message>
        <source>可按 F5 重试。</source>
        <translation>可按 F5 重试。</translation>
    </message>
    <message>
        <source>此页尚未识别。按 F5 识别。</source>
        <translation>此页尚未识别。按 F5 识别。</translation>
    </message>
    <message>
        <source>修改“{name}”</source>
        <translation>修改“{name}”</translation>
    </message>
    <message>
        <source>此页改回“待审核”：通过后修改了字段。</source>
        <translation>此页改回“待审核”：通过后修改了字段。</translation>
    </message>
    <message>
        <source>修改仍保留在窗口中；问题解决后请按状态栏中的“重试保存”。</source>
        <translation>修改仍保留在窗口中；问题解决后请按状态栏中的“重试保存”。</translation>
    </message>
    <message>
        <source>未能保存到审核数据库</source>
        <translation>未能保存到审核数据库</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <source>重试保存</source>
        <extracomment>The clerk asks for the refused changes to be saved again.</extracomment>
        <translation>重试保存</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <source>%n 处修改未保存</source>
        <translation>
            <numerusform>%n 处修改未保存</numerusform>
        </translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>此页没有保存的识别结果。</source>
        <translation>此页没有保存的识别结果。</translation>
    </message>
    <message>
        <source>“{name}”不是队列中的那个文件</source>
        <translation>“{name}”不是队列中的那个文件</translation>
    </message>
    <message>
        <source>内容不同（按文件内容的哈希值比较）。请选择原来的文件或它的副本。</source>
        <translation>内容不同（按文件内容的哈希值比较）。请选择原来的文件或它的副本。</translation>
    </message>
</context>
<context>
    <name>SessionPages</name>
    <message>
        <source>无法打开“{name}”</source>
        <translation>无法打开“{name}”</translation>
    </message>
    <message>
        <source>“{name}”与队列中的“{twin}”内容相同，未重复加入。</source>
        <translation>“{name}”与队列中的“{twin}”内容相同，未重复加入。</translation>
    </message>
    <message>
        <source>已加入队列：{files} 个文件，{pages} 页</source>
        <translation>已加入队列：{files} 个文件，{pages} 页</translation>
    </message>
    <message>
        <source>无法把文件加入队列</source>
        <translation>无法把文件加入队列</translation>
    </message>
    <message>
        <source>队列是空的，没有可通过的页面。</source>
        <translation>队列是空的，没有可通过的页面。</translation>
    </message>
    <message>
        <source>此页尚未识别，不能通过。</source>
        <translation>此页尚未识别，不能通过。</translation>
    </message>
    <message>
        <source>有修改尚未保存，此页没有通过</source>
        <translation>有修改尚未保存，此页没有通过</translation>
    </message>
    <message>
        <source>请先按状态栏中的“重试保存”，保存成功后再通过。</source>
        <translation>请先按状态栏中的“重试保存”，保存成功后再通过。</translation>
    </message>
    <message>
        <source>已通过 {page}</source>
        <translation>已通过 {page}</translation>
    </message>
    <message>
        <source>队列中的页面都已审核完毕。</source>
        <translation>队列中的页面都已审核完毕。</translation>
    </message>
</context>
<context>
    <name>SessionRecognition</name>
    <message>
        <source>没有可识别的页面。</source>
        <translation>没有可识别的页面。</translation>
    </message>
    <message>
        <source>没有可用的识别引擎</source>
        <translation>没有可用的识别引擎</translation>
    </message>
    <message>
        <source>请在“设置”中选择识别引擎。</source>
        <translation>请在“设置”中选择识别引擎。</translation>
    </message>
    <message>
        <source>正在识别…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <source>批量识别正在处理此页…</source>
        <translation>批量识别正在处理此页…</translation>
    </message>
    <message>
        <source>正在识别 {page}…</source>
        <translation>正在识别 {page}…</translation>
    </message>
    <message>
        <source>识别完成：{n} 个字段，{m} 个有位置</source>
        <translation>识别完成：{n} 个字段，{m} 个有位置</translation>
    </message>
    <message>
        <source>识别失败：</source>
        <translation>识别失败：</translation>
    </message>
    <message>
        <source>识别失败。</source>
        <translation>识别失败。</translation>
    </message>
    <message>
        <source>识别失败。可按 F5 重试。</source>
        <translation>识别失败。可按 F5 重试。</translation>
    </message>
    <message>
        <source>识别已取消。</source>
        <translation>识别已取消。</translation>
    </message>
    <message>
        <source>识别已取消。按 F5 重新识别。</source>
        <translation>识别已取消。按 F5 重新识别。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <extracomment>(preferences, typed keys or None) → success text; raises ``CarInvoiceError`` if it fails. The test finished: (success, message for the clerk). &quot;Test connection&quot; finished: (success, message shown to the clerk).</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <source>本地识别（离线）</source>
        <extracomment>Set by ``accept`` when the keychain did not store the typed keys: the (title, text) to tell the clerk once the other settings are applied.</extracomment>
        <translation>本地识别（离线）</translation>
    </message>
    <message>
        <source>腾讯云识别</source>
        <translation>腾讯云识别</translation>
    </message>
    <message>
        <source>办公室识别服务器</source>
        <translation>办公室识别服务器</translation>
    </message>
    <message>
        <source>默认：https://ocr.tencentcloudapi.com</source>
        <translation>默认：https://ocr.tencentcloudapi.com</translation>
    </message>
    <message>
        <source>本机没有可用的系统钥匙串：在这里填写的密钥只用于“测试连接”，点“确定”时不会保存。要长期使用，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥。</source>
        <translation>本机没有可用的系统钥匙串：在这里填写的密钥只用于“测试连接”，点“确定”时不会保存。要长期使用，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥。</translation>
    </message>
    <message>
        <source>打开文件后自动识别当前页</source>
        <translation>打开文件后自动识别当前页</translation>
    </message>
    <message>
        <source>数电 PDF、OFD、XML 也用识别引擎识别（不读取文件文字）</source>
        <translation>数电 PDF、OFD、XML 也用识别引擎识别（不读取文件文字）</translation>
    </message>
    <message>
        <source>通常这些文件的字段直接从文件文字精确读取，无需识别、无需密钥。</source>
        <translation>通常这些文件的字段直接从文件文字精确读取，无需识别、无需密钥。</translation>
    </message>
    <message>
        <source>按页通过：不要求逐个确认字段（错误和重复仍会询问）</source>
        <translation>按页通过：不要求逐个确认字段（错误和重复仍会询问）</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>识别引擎</source>
        <translation>识别引擎</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>接入地址</source>
        <translation>接入地址</translation>
    </message>
    <message>
        <source>界面语言（重启后生效）</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <source>已保存在系统钥匙串中（留空则不变）</source>
        <translation>已保存在系统钥匙串中（留空则不变）</translation>
    </message>
    <message>
        <source>要使用腾讯云识别或办公室识别服务器，请先填写 SecretId 和 SecretKey；本地识别无需密钥。</source>
        <translation>要使用腾讯云识别或办公室识别服务器，请先填写 SecretId 和 SecretKey；本地识别无需密钥。</translation>
    </message>
    <message>
        <source>识别服务器地址，例如 https://ocr.office.lan/</source>
        <translation>识别服务器地址，例如 https://ocr.office.lan/</translation>
    </message>
    <message>
        <source>密钥未保存：系统钥匙串不可用</source>
        <translation>密钥未保存：系统钥匙串不可用</translation>
    </message>
    <message>
        <source>其他设置已保存，但 SecretId 和 SecretKey 没有保存：本机没有可用的系统钥匙串。要使用腾讯云识别或办公室识别服务器，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥，然后重新启动程序。本地识别和读取数电发票无需密钥。</source>
        <translation>其他设置已保存，但 SecretId 和 SecretKey 没有保存：本机没有可用的系统钥匙串。要使用腾讯云识别或办公室识别服务器，请用环境变量 {id_var} 和 {key_var} 或文件 {file} 提供密钥，然后重新启动程序。本地识别和读取数电发票无需密钥。</translation>
    </message>
    <message>
        <source>正在测试…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>最近打开</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>添加文件</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>添加文件夹</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>适合页面</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>实际大小 (100%)</source>
        <translation>实际大小 (100%)</translation>
    </message>
    <message>
        <source>顺时针旋转 90°</source>
        <translation>顺时针旋转 90°</translation>
    </message>
    <message>
        <source>旋转</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>显示字段框</source>
        <translation>显示字段框</translation>
    </message>
    <message>
        <source>字段框</source>
        <translation>字段框</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>上一页</source>
        <comment>toolbar</comment>
        <translation>上一页</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>下一页</source>
        <comment>toolbar</comment>
        <translation>下一页</translation>
    </message>
    <message>
        <source>识别</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>取消识别</source>
        <translation>取消识别</translation>
    </message>
    <message>
        <source>取消识别</source>
        <comment>toolbar</comment>
        <translation>取消识别</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>通过此页并继续</source>
        <translation>通过此页并继续</translation>
    </message>
    <message>
        <source>通过此页</source>
        <translation>通过此页</translation>
    </message>
    <message>
        <source>识别全部新页面</source>
        <translation>识别全部新页面</translation>
    </message>
    <message>
        <source>全部识别</source>
        <translation>全部识别</translation>
    </message>
    <message>
        <source>暂停批量识别</source>
        <translation>暂停批量识别</translation>
    </message>
    <message>
        <source>取消批量识别</source>
        <translation>取消批量识别</translation>
    </message>
    <message>
        <source>通过选中的页面</source>
        <translation>通过选中的页面</translation>
    </message>
    <message>
        <source>退回选中的页面…</source>
        <translation>退回选中的页面…</translation>
    </message>
    <message>
        <source>重新识别选中的页面</source>
        <translation>重新识别选中的页面</translation>
    </message>
    <message>
        <source>从队列中移除选中的文件</source>
        <translation>从队列中移除选中的文件</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>识别(&amp;R)</source>
        <translation>识别(&amp;R)</translation>
    </message>
    <message>
        <source>队列(&amp;Q)</source>
        <translation>队列(&amp;Q)</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>工具栏</translation>
    </message>
</context>
</TS>
