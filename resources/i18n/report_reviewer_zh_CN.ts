<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AddFigureDialog</name>
        <message>
            <source>Add Figure</source>
            <translation>添加数据</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>文字：</translation>
        </message>
        <message>
            <source>Understood:</source>
            <translation>识别结果：</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>数值：</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>Qualifier:</source>
            <translation>限定词：</translation>
        </message>
        <message>
            <source>Label:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>Indicator:</source>
            <translation>指标：</translation>
        </message>
        <message>
            <source>No figure: the selection holds no number the extractor would count. Enter the value and unit yourself.</source>
            <translation>没有数据：所选文字中没有可计为数据的数字。请自行填写数值和单位。</translation>
        </message>
        <message>
            <source>no unit</source>
            <translation>无单位</translation>
        </message>
        <message>
            <source>Enter a value such as 12, 1.2万 or 三百二十 and a unit such as 件 or %.</source>
            <translation>请输入数值（如 12、1.2万 或 三百二十）和单位（如 件 或 %）。</translation>
        </message>
    </context>
    <context>
        <name>ChartsPanel</name>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Indicator:</source>
            <translation>指标：</translation>
        </message>
        <message>
            <source>Colour bars by:</source>
            <translation>柱条着色依据：</translation>
        </message>
        <message>
            <source>Report year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>one report</source>
            <translation>一份报告</translation>
        </message>
        <message>
            <source>median of the year</source>
            <translation>当年中位数</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>{0}: one bar per report, sorted</source>
            <translation>{0}：每份报告一条柱，已排序</translation>
        </message>
        <message>
            <source>No figures for this indicator yet</source>
            <translation>该指标暂无数据</translation>
        </message>
        <message numerus="yes">
            <source>Reports with a value: %n</source>
            <translation>
                <numerusform>有数值的报告：%n 份</numerusform>
            </translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Other regions</source>
            <translation>其他地区</translation>
        </message>
        <message>
            <source>{0} by report year</source>
            <translation>{0}（按报告年度）</translation>
        </message>
        <message>
            <source>Review progress: {0} of {1} figures reviewed</source>
            <translation>审核进度：{1} 个数据中已审核 {0} 个</translation>
        </message>
        <message>
            <source>(agency unknown)</source>
            <translation>（机关不详）</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>Corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>County</source>
            <translation>县级</translation>
        </message>
    </context>
    <context>
        <name>ChecksBox</name>
        <message>
            <source>Checks ({0} open)</source>
            <translation>一致性检查（{0} 项待处理）</translation>
        </message>
        <message>
            <source>Checks: nothing found</source>
            <translation>一致性检查：未发现问题</translation>
        </message>
    </context>
    <context>
        <name>ChecksController</name>
        <message>
            <source>That figure is hidden by the table's filters.</source>
            <translation>该数据被表格筛选条件隐藏了。</translation>
        </message>
        <message>
            <source>Finding dismissed.</source>
            <translation>已忽略该检查结果。</translation>
        </message>
        <message>
            <source>Running the checks on all reports…</source>
            <translation>正在对全部报告运行一致性检查…</translation>
        </message>
        <message>
            <source>The checks failed: {0}</source>
            <translation>一致性检查失败：{0}</translation>
        </message>
        <message>
            <source>Checks done: {0} open findings in the database.</source>
            <translation>检查完成：数据库中共有 {0} 项待处理的检查结果。</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in this report…</source>
            <translation>在本报告中查找…</translation>
        </message>
        <message>
            <source>Previous (Shift+Enter)</source>
            <translation>上一个 (Shift+Enter)</translation>
        </message>
        <message>
            <source>Next (Enter)</source>
            <translation>下一个 (Enter)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭 (Esc)</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>命令</translation>
        </message>
        <message>
            <source>Single-key shortcuts work while the figure table or the report text has focus; Up/Down in the table also move between figures.</source>
            <translation>单键快捷键在数据表或报告正文获得焦点时生效；在表格中按上/下方向键也可在数据间移动。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Review</source>
            <translation>审核</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>The language changes when Report Reviewer restarts.</source>
            <translation>界面语言将在 Report Reviewer 重新启动后生效。</translation>
        </message>
        <message>
            <source>Restart Now</source>
            <translation>立即重启</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>The language changes when Report Reviewer starts next.</source>
            <translation>界面语言将在下次启动 Report Reviewer 时生效。</translation>
        </message>
        <message>
            <source>read-only: {0}</source>
            <translation>只读：{0}</translation>
        </message>
        <message>
            <source>Report Reviewer — {0} ({1})</source>
            <translation>报告审核 — {0}（{1}）</translation>
        </message>
        <message>
            <source>Report Reviewer — {0}</source>
            <translation>Report Reviewer 报告审核 — {0}</translation>
        </message>
        <message>
            <source>The other program let go of the database: you can review again.</source>
            <translation>另一个程序已释放该数据库：可以继续审核了。</translation>
        </message>
        <message>
            <source>another program holds it</source>
            <translation>另一个程序正在使用它</translation>
        </message>
        <message>
            <source>the file cannot be written</source>
            <translation>文件不可写</translation>
        </message>
        <message>
            <source>its folder cannot be written</source>
            <translation>所在文件夹不可写</translation>
        </message>
        <message>
            <source>{0} cannot be read ({1}); the window stays on {2}</source>
            <translation>无法读取 {0}（{1}）；窗口仍显示 {2}</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Import Reports</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <source>Import a Folder of Reports</source>
            <translation>导入报告文件夹</translation>
        </message>
        <message>
            <source>Imported {0} report.</source>
            <translation>已导入 {0} 份报告。</translation>
        </message>
        <message>
            <source>Imported {0} reports.</source>
            <translation>已导入 {0} 份报告。</translation>
        </message>
        <message>
            <source>Exported {0} rows to {1}.</source>
            <translation>已导出 {0} 行到 {1}。</translation>
        </message>
        <message>
            <source>Exported 1 row to {1}.</source>
            <translation>已导出 1 行到 {1}。</translation>
        </message>
        <message>
            <source>{0} reports · {1}/{2} figures reviewed</source>
            <translation>{0} 份报告 · 已审核 {1}/{2} 个数据</translation>
        </message>
        <message>
            <source>About Report Reviewer</source>
            <translation>关于 Report Reviewer</translation>
        </message>
        <message>
            <source>Report Reviewer turns rule-of-law annual reports into a reviewed dataset.
Everything stays on this computer.</source>
            <translation>Report Reviewer 将法治政府建设年度报告整理为经人工审核的数据集。
所有数据都保存在本机。</translation>
        </message>
    </context>
    <context>
        <name>MetadataPanel</name>
        <message>
            <source>The gazetteer's divisions for this region: pick the one meant</source>
            <translation>该地区在行政区划表中的匹配项：选择所指的一项</translation>
        </message>
        <message>
            <source>Re-read as…</source>
            <translation>重新读取为…</translation>
        </message>
        <message>
            <source>Decode the original file again with another encoding; reviewed figures are kept</source>
            <translation>用另一种编码重新解码原始文件；已审核的数据会保留</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Division</source>
            <translation>行政区划</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source> (chosen by hand)</source>
            <translation>（手动选择）</translation>
        </message>
        <message>
            <source>Encoding: {0}{1}</source>
            <translation>编码：{0}{1}</translation>
        </message>
        <message>
            <source>Detection confidence {0:.2f}</source>
            <translation>检测置信度 {0:.2f}</translation>
        </message>
        <message>
            <source>— no match —</source>
            <translation>— 无匹配 —</translation>
        </message>
        <message>
            <source>— {0} matches: pick one —</source>
            <translation>— {0} 个匹配：请选择一个 —</translation>
        </message>
        <message>
            <source>— no division —</source>
            <translation>— 未定区划 —</translation>
        </message>
        <message>
            <source>A report year must lie between {0} and {1}.</source>
            <translation>报告年度须在 {0} 至 {1} 之间。</translation>
        </message>
        <message>
            <source>Write the date as yyyy-mm-dd, e.g. 2025-03-25.</source>
            <translation>日期格式为 yyyy-mm-dd，例如 2025-03-25。</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>big5hkscs</source>
            <translation>big5hkscs</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>gb18030</source>
            <translation>gb18030</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>utf-16</source>
            <translation>utf-16</translation>
        </message>
        <message>
            <source>utf-8</source>
            <translation>utf-8</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
    </context>
    <context>
        <name>MetricsModel</name>
        <message>
            <source>(no indicator)</source>
            <translation>（无指标）</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>All indicators</source>
            <translation>全部指标</translation>
        </message>
        <message>
            <source>All sections</source>
            <translation>全部部分</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Any qualifier</source>
            <translation>任意限定词</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>置信度</translation>
        </message>
        <message>
            <source>Extracted: {raw} = {value} {unit}</source>
            <translation>提取结果：{raw} = {value} {unit}</translation>
        </message>
        <message>
            <source>Headline</source>
            <translation>代表值</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Minimum confidence</source>
            <translation>最低置信度</translation>
        </message>
        <message>
            <source>Not a valid {column}: {value}</source>
            <translation>无效的{column}：{value}</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Qualifier</source>
            <translation>限定词</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>部分</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confidence</source>
            <translation>置信度</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>headline</source>
            <translation>代表值</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>label</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>qualifier</source>
            <translation>限定词</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>section_category</source>
            <translation>部分类别</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>{0} figures</source>
            <translation>{0} 个数据</translation>
        </message>
        <message>
            <source>{0} of {1} figures</source>
            <translation>{1} 个数据中的 {0} 个</translation>
        </message>
        <message>
            <source>Previous year</source>
            <translation>上年</translation>
        </message>
        <message>
            <source>Same agency, {year}: {file} ({status})</source>
            <translation>同一机关 {year} 年：{file}（{status}）</translation>
        </message>
        <message>
            <source>enter a number</source>
            <translation>请输入数字</translation>
        </message>
        <message>
            <source>not a number</source>
            <translation>不是数字</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}：{1}</translation>
        </message>
        <message>
            <source>{0} figure</source>
            <translation>{0} 个数据</translation>
        </message>
        <message>
            <source>{0} of {1} figure</source>
            <translation>{1} 个数据中显示 {0} 个</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>In conflict</source>
            <translation>有冲突</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>{key}  {reviewer}: {decision}</source>
            <translation>{key}  {reviewer}：{decision}</translation>
        </message>
    </context>
    <context>
        <name>OutlineTree</name>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>(opening)</source>
            <translation>（开头）</translation>
        </message>
        <message>
            <source>(signature and date)</source>
            <translation>（落款和日期）</translation>
        </message>
        <message>
            <source>(web page text)</source>
            <translation>（网页框架文字）</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
    </context>
    <context>
        <name>ReportListModel</name>
        <message>
            <source>Agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <source>The text may not have decoded cleanly.</source>
            <translation>正文可能未能完全正确解码。</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
    </context>
    <context>
        <name>ReportListPanel</name>
        <message>
            <source>Filter: agency, region, province, level, year…</source>
            <translation>筛选：机关、地区、省份、层级、年份…</translation>
        </message>
    </context>
    <context>
        <name>ReportTextView</name>
        <message>
            <source>p. {0}</source>
            <translation>第{0}页</translation>
        </message>
    </context>
    <context>
        <name>ReviewController</name>
        <message>
            <source>That figure is hidden by the table's filters.</source>
            <translation>该数据被表格筛选条件隐藏了。</translation>
        </message>
        <message>
            <source>Reject Figure</source>
            <translation>驳回数据</translation>
        </message>
        <message>
            <source>Reason (optional):</source>
            <translation>原因（可选）：</translation>
        </message>
        <message>
            <source>No figure selected.</source>
            <translation>未选择数据。</translation>
        </message>
        <message>
            <source>Last figure of this report: N moves to the next pending figure.</source>
            <translation>已是本报告最后一个数据：按 N 转到下一个待审数据。</translation>
        </message>
        <message>
            <source>This figure has no conflict with a decision {0}.</source>
            <translation>该数字没有第 {0} 个审核决定可供裁定。</translation>
        </message>
        <message>
            <source>Took {0}'s decision.</source>
            <translation>已采用 {0} 的决定。</translation>
        </message>
        <message>
            <source>{0} figure</source>
            <translation>{0} 个数据</translation>
        </message>
        <message>
            <source>{0} figures</source>
            <translation>{0} 个数据</translation>
        </message>
        <message>
            <source>{0}: {1} (one undo step).</source>
            <translation>{0}：{1}（一步撤销）。</translation>
        </message>
        <message>
            <source>Confirm All Above</source>
            <translation>全部确认（高于阈值）</translation>
        </message>
        <message>
            <source>Confirm every pending figure with confidence at least:</source>
            <translation>确认置信度不低于以下数值的全部待审数据：</translation>
        </message>
        <message>
            <source>Confirmed {0} figure.</source>
            <translation>已确认 {0} 个数据。</translation>
        </message>
        <message>
            <source>Confirmed {0} figures.</source>
            <translation>已确认 {0} 个数据。</translation>
        </message>
        <message>
            <source>Taught cue applied to {0} figures (one undo step).</source>
            <translation>已按习得提示词处理 {0} 个数字（一步撤销）。</translation>
        </message>
        <message>
            <source>Select the figure's text in the report first.</source>
            <translation>请先在报告正文中选中该数据的文字。</translation>
        </message>
        <message>
            <source>No pending figures left: every figure is reviewed.</source>
            <translation>没有待审数据了：所有数据均已审核。</translation>
        </message>
        <message>
            <source>The next pending figure is hidden by the table's filters.</source>
            <translation>下一个待审数据被表格筛选条件隐藏了。</translation>
        </message>
        <message>
            <source>Nothing to undo.</source>
            <translation>没有可撤销的操作。</translation>
        </message>
        <message>
            <source>Undone: {0}</source>
            <translation>已撤销：{0}</translation>
        </message>
        <message>
            <source>Nothing to redo.</source>
            <translation>没有可重做的操作。</translation>
        </message>
        <message>
            <source>Redone: {0}</source>
            <translation>已重做：{0}</translation>
        </message>
        <message>
            <source>{0} {1}</source>
            <translation>{0}{1}</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{1} 的{0}</translation>
        </message>
        <message>
            <source>{0} (report {1})</source>
            <translation>{0}（报告 {1}）</translation>
        </message>
        <message>
            <source>{0}, {1}</source>
            <translation>{0}、{1}</translation>
        </message>
        <message>
            <source>&amp;Undo {0}</source>
            <translation>撤销 {0}(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo {0}</source>
            <translation>重做 {0}(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Add figure</source>
            <translation>添加数据</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>更正</translation>
        </message>
        <message>
            <source>Edit metadata</source>
            <translation>修改报告信息</translation>
        </message>
        <message>
            <source>Headline</source>
            <translation>设定代表值</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>编辑备注</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>Reset to pending</source>
            <translation>恢复待审</translation>
        </message>
        <message>
            <source>{action}</source>
            <translation>{action}</translation>
        </message>
        <message>
            <source>{action} ({count} figures)</source>
            <translation>{action}（{count} 个数据）</translation>
        </message>
        <message>
            <source>{action}: {fields}</source>
            <translation>{action}：{fields}</translation>
        </message>
        <message>
            <source>indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>label</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>qualifier</source>
            <translation>限定词</translation>
        </message>
        <message>
            <source>unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>Apply taught cue</source>
            <translation>应用习得提示词</translation>
        </message>
        <message>
            <source>Settle conflict</source>
            <translation>裁定冲突</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>Search All Reports</source>
            <translation>搜索全部报告</translation>
        </message>
        <message>
            <source>Words to find in every report, e.g. 行政复议</source>
            <translation>在所有报告中查找的词语，例如：行政复议</translation>
        </message>
        <message>
            <source>This database was closed. Open the search again.</source>
            <translation>该数据库已关闭，请重新打开搜索。</translation>
        </message>
        <message>
            <source>The first {0} hits are shown.</source>
            <translation>仅显示前 {0} 处匹配。</translation>
        </message>
        <message numerus="yes">
            <source>Hits: %n</source>
            <translation>
                <numerusform>匹配：%n 处</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchHitsModel</name>
        <message>
            <source>Agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>正文</translation>
        </message>
    </context>
    <context>
        <name>actions</name>
        <message>
            <source>&amp;About Report Reviewer</source>
            <translation>关于 Report Reviewer(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Add Figure from Selection…</source>
            <translation>从选中文字添加数据(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Confirm and Next</source>
            <translation>确认并转到下一个(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Edit Value</source>
            <translation>修改数值(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Export Dataset…</source>
            <translation>导出数据集(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Find in Text…</source>
            <translation>在正文中查找(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;New Database…</source>
            <translation>新建数据库(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Open Database…</source>
            <translation>打开数据库(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Reject and Next</source>
            <translation>驳回并转到下一个(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Review</source>
            <translation>审核(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Search All Reports…</source>
            <translation>搜索全部报告(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Accept the figure as extracted</source>
            <translation>按提取结果接受该数据</translation>
        </message>
        <message>
            <source>Across reports</source>
            <translation>跨报告查找</translation>
        </message>
        <message>
            <source>C&amp;harts</source>
            <translation>图表(&amp;H)</translation>
        </message>
        <message>
            <source>Confirm All Above Confidence…</source>
            <translation>确认置信度以上的全部数据…</translation>
        </message>
        <message>
            <source>Confirm Selected Rows</source>
            <translation>确认所选行</translation>
        </message>
        <message>
            <source>Correct the value in the table</source>
            <translation>在表格中更正数值</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>Import report files (.txt, .html, .docx)</source>
            <translation>导入报告文件（.txt、.html、.docx）</translation>
        </message>
        <message>
            <source>Mark a figure the extractor missed</source>
            <translation>标记提取遗漏的数据</translation>
        </message>
        <message>
            <source>Next &amp;Pending Figure</source>
            <translation>下一个待审数据(&amp;P)</translation>
        </message>
        <message>
            <source>Next Figure</source>
            <translation>下一个数据</translation>
        </message>
        <message>
            <source>Not a figure, or not wanted</source>
            <translation>不是数据，或不需要</translation>
        </message>
        <message>
            <source>Previous Figure</source>
            <translation>上一个数据</translation>
        </message>
        <message>
            <source>Reject Selected Rows</source>
            <translation>驳回所选行</translation>
        </message>
        <message>
            <source>Reject with Reason…</source>
            <translation>驳回并说明原因…</translation>
        </message>
        <message>
            <source>The figure the wide export uses</source>
            <translation>宽表导出时采用的代表值</translation>
        </message>
        <message>
            <source>Toggle &amp;Headline</source>
            <translation>设为/取消代表值(&amp;H)</translation>
        </message>
        <message>
            <source>Write reviewed figures to CSV, XLSX or JSONL</source>
            <translation>将已审核数据写入 CSV、XLSX 或 JSONL</translation>
        </message>
        <message>
            <source>Re-run the consistency checks of every report in the database</source>
            <translation>对数据库中的每份报告重新运行一致性检查</translation>
        </message>
        <message>
            <source>Run Checks on All Reports</source>
            <translation>对全部报告运行检查</translation>
        </message>
        <message>
            <source>Go to the Checks</source>
            <translation>转到一致性检查</translation>
        </message>
        <message>
            <source>Go to the Figure Table</source>
            <translation>转到数据表</translation>
        </message>
        <message>
            <source>Go to the Report List</source>
            <translation>转到报告列表</translation>
        </message>
        <message>
            <source>Go to the Report Text</source>
            <translation>转到报告正文</translation>
        </message>
        <message>
            <source>From a filter box back to the figure table</source>
            <translation>从筛选框返回数据表</translation>
        </message>
        <message>
            <source>Move between figures in the table</source>
            <translation>在表格中的数据间移动</translation>
        </message>
        <message>
            <source>Next / previous pane: report list, text, figure table, checks</source>
            <translation>下一个/上一个窗格：报告列表、正文、数据表、一致性检查</translation>
        </message>
        <message>
            <source>Apply Taught Cue to Similar Figures</source>
            <translation>将习得提示词应用到相似数字</translation>
        </message>
        <message>
            <source>Change &amp;Indicator</source>
            <translation>更改指标(&amp;I)</translation>
        </message>
        <message>
            <source>Choose another indicator; the phrase becomes a taught cue</source>
            <translation>选择其他指标；其短语成为习得提示词</translation>
        </message>
        <message>
            <source>Decide the similar pending figures as you just did, in one undo step</source>
            <translation>按刚才的决定处理相似的待审数字，一步撤销</translation>
        </message>
        <message>
            <source>Taught &amp;Cues…</source>
            <translation>习得提示词(&amp;C)…</translation>
        </message>
        <message>
            <source>The phrases your corrections taught: edit, switch off or remove them</source>
            <translation>您的更正所教的短语：可编辑、停用或删除</translation>
        </message>
        <message>
            <source>&amp;Merge Reviews…</source>
            <translation>合并审核结果(&amp;M)…</translation>
        </message>
        <message>
            <source>Deal the reports to several reviewers, one file each</source>
            <translation>把报告分给多名审核人，每人一个文件</translation>
        </message>
        <message>
            <source>Merge reviewers' complete JSONL exports into this database</source>
            <translation>把审核人的完整 JSONL 导出合并到本数据库</translation>
        </message>
        <message>
            <source>Reviewer &amp;Name…</source>
            <translation>审核人姓名(&amp;N)…</translation>
        </message>
        <message>
            <source>S&amp;plit for Reviewers…</source>
            <translation>分配给审核人(&amp;P)…</translation>
        </message>
        <message>
            <source>Settle Conflict: First Reviewer</source>
            <translation>裁定冲突：采用第一位审核人</translation>
        </message>
        <message>
            <source>Settle Conflict: Second Reviewer</source>
            <translation>裁定冲突：采用第二位审核人</translation>
        </message>
        <message>
            <source>Settle Conflict: Third Reviewer</source>
            <translation>裁定冲突：采用第三位审核人</translation>
        </message>
        <message>
            <source>Take the first reviewer's decision</source>
            <translation>采用第一位审核人的决定</translation>
        </message>
        <message>
            <source>Take the second reviewer's decision</source>
            <translation>采用第二位审核人的决定</translation>
        </message>
        <message>
            <source>Take the third reviewer's decision</source>
            <translation>采用第三位审核人的决定</translation>
        </message>
        <message>
            <source>The name written with every decision and export</source>
            <translation>写入每个审核决定和每次导出的姓名</translation>
        </message>
    </context>
    <context>
        <name>charts</name>
        <message>
            <source>(compare groups)</source>
            <translation>（比较各组）</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>Agency type</source>
            <translation>机关类型</translation>
        </message>
        <message>
            <source>By group</source>
            <translation>分组分布</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>Compare groups by:</source>
            <translation>比较分组：</translation>
        </message>
        <message>
            <source>Copy Data</source>
            <translation>复制数据</translation>
        </message>
        <message>
            <source>County</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>Coverage</source>
            <translation>覆盖情况</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>组</translation>
        </message>
        <message>
            <source>Group by:</source>
            <translation>分组依据：</translation>
        </message>
        <message>
            <source>Indicator:</source>
            <translation>指标：</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>对数刻度</translation>
        </message>
        <message>
            <source>Maximum (whisker)</source>
            <translation>最大值（须线）</translation>
        </message>
        <message>
            <source>Median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>Median value</source>
            <translation>中位数</translation>
        </message>
        <message>
            <source>Minimum (whisker)</source>
            <translation>最小值（须线）</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>下一页 ▶</translation>
        </message>
        <message>
            <source>Outliers</source>
            <translation>离群值</translation>
        </message>
        <message>
            <source>Over the years</source>
            <translation>历年趋势</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>Report year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>报告数</translation>
        </message>
        <message>
            <source>Reports grouped by:</source>
            <translation>报告分组：</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <source>Save Chart as PNG</source>
            <translation>将图表另存为 PNG</translation>
        </message>
        <message>
            <source>Save Chart as SVG</source>
            <translation>将图表另存为 SVG</translation>
        </message>
        <message>
            <source>Save PNG…</source>
            <translation>保存 PNG…</translation>
        </message>
        <message>
            <source>Save SVG…</source>
            <translation>保存 SVG…</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Which reports state which indicators: {0:.0%} of the cells</source>
            <translation>哪些报告载有哪些指标：{0:.0%} 的格子有数据</translation>
        </message>
        <message>
            <source>log₁₀ of {0}</source>
            <translation>{0} 的常用对数</translation>
        </message>
        <message>
            <source>median by {0}</source>
            <translation>按{0}的中位数</translation>
        </message>
        <message>
            <source>not stated</source>
            <translation>未载</translation>
        </message>
        <message>
            <source>or one agency:</source>
            <translation>或单个机关：</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>rejected only</source>
            <translation>仅有已驳回</translation>
        </message>
        <message>
            <source>reports {0}–{1} of {2}</source>
            <translation>第 {0}–{1} 份报告，共 {2} 份</translation>
        </message>
        <message>
            <source>reviewed</source>
            <translation>已审</translation>
        </message>
        <message>
            <source>{0} over the years: {1}</source>
            <translation>{0}历年变化：{1}</translation>
        </message>
        <message>
            <source>{0}: {1} reports in {2} groups, {3} outliers</source>
            <translation>{0}：{2} 组共 {1} 份报告，{3} 个离群值</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ 上一页</translation>
        </message>
    </context>
    <context>
        <name>cues_view</name>
        <message>
            <source>&amp;Remove Cue</source>
            <translation>删除提示词(&amp;R)</translation>
        </message>
        <message>
            <source>(no indicator)</source>
            <translation>（无指标）</translation>
        </message>
        <message>
            <source>(not a figure)</source>
            <translation>（不是数字）</translation>
        </message>
        <message>
            <source>A cue is taught when you change a figure's indicator or reject it. Imports into this database use the cues before the built-in ones. Double-click a phrase or decision to edit it.</source>
            <translation>更改数字的指标或驳回数字时，其短语即成为习得提示词。此后导入本数据库的报告先按习得提示词判定指标，再用内置提示词。双击短语或判定可编辑。</translation>
        </message>
        <message>
            <source>Apply to {0} similar pending figures</source>
            <translation>应用到 {0} 个相似的待审数字</translation>
        </message>
        <message>
            <source>Decided by the taught cue “{phrase}” (taught by {who} from figure {figure}), before the built-in cues; confidence raised to match</source>
            <translation>由习得提示词“{phrase}”判定（由 {who} 从数字 {figure} 习得），优先于内置提示词；置信度相应提高</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>判定</translation>
        </message>
        <message>
            <source>Double-click to show this figure</source>
            <translation>双击显示该数字</translation>
        </message>
        <message>
            <source>Figures decided</source>
            <translation>判定的数字</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>暂不</translation>
        </message>
        <message>
            <source>On</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>Phrase</source>
            <translation>短语</translation>
        </message>
        <message>
            <source>Taught Cues</source>
            <translation>习得提示词</translation>
        </message>
        <message>
            <source>Taught as “{0}”</source>
            <translation>原短语“{0}”</translation>
        </message>
        <message>
            <source>Taught by</source>
            <translation>审核员</translation>
        </message>
        <message>
            <source>Taught cue “{phrase}” → {decision}</source>
            <translation>习得提示词“{phrase}” → {decision}</translation>
        </message>
        <message>
            <source>Taught from</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>language:en</source>
            <translation>language:zh_CN</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>{file}, figure {figure}</source>
            <translation>{file}，数字 {figure}</translation>
        </message>
    </context>
    <context>
        <name>db_dialogs</name>
        <message>
            <source>Report Reviewer databases (*.sqlite *.db);;All files (*)</source>
            <translation>Report Reviewer 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
        </message>
        <message>
            <source>New Database</source>
            <translation>新建数据库</translation>
        </message>
        <message>
            <source>Open Database</source>
            <translation>打开数据库</translation>
        </message>
        <message>
            <source>Database not found</source>
            <translation>找不到数据库</translation>
        </message>
        <message>
            <source>The file may have been moved or deleted. Open another database or create a new one.</source>
            <translation>该文件可能已被移动或删除。请打开其他数据库或新建一个。</translation>
        </message>
        <message>
            <source>Database in use</source>
            <translation>数据库正在使用中</translation>
        </message>
        <message>
            <source>Close the other copy of Report Reviewer that has this database open, then try again.</source>
            <translation>请先关闭正在使用该数据库的另一个 Report Reviewer 窗口，然后重试。</translation>
        </message>
        <message>
            <source>Not a Report Reviewer database</source>
            <translation>不是 Report Reviewer 数据库</translation>
        </message>
        <message>
            <source>The file was not changed. Choose a database made by Report Reviewer, or create a new one.</source>
            <translation>文件未被改动。请选择由 Report Reviewer 创建的数据库，或新建一个。</translation>
        </message>
        <message>
            <source>Database from a newer version</source>
            <translation>数据库来自更新的版本</translation>
        </message>
        <message>
            <source>The file was not changed. Install the newer version of Report Reviewer to open it.</source>
            <translation>文件未被改动。请安装更新版本的 Report Reviewer 后再打开。</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>The window shows what the database holds now. Try again once the other program has finished, or free some disk space.</source>
            <translation>窗口显示的是数据库现有的内容。请等另一个程序结束后重试，或腾出磁盘空间。</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>The file was not changed.</source>
            <translation>文件未被改动。</translation>
        </message>
        <message>
            <source>Your reviews are saved as you go. The full details were written to:
{0}</source>
            <translation>您的审核结果已随时保存。完整的错误信息已写入：
{0}</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
    </context>
    <context>
        <name>export_dialog</name>
        <message>
            <source>All reports</source>
            <translation>全部报告</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>CSV (UTF-8, opens in Excel)</source>
            <translation>CSV（UTF-8，可用 Excel 打开）</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Choose at least one status to export.</source>
            <translation>请至少选择一种要导出的状态。</translation>
        </message>
        <message>
            <source>Choose the file to write.</source>
            <translation>请选择要写入的文件。</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel 工作簿</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Export Dataset</source>
            <translation>导出数据集</translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>导出已取消，未写入任何文件。</translation>
        </message>
        <message>
            <source>Export failed: {0}</source>
            <translation>导出失败：{0}</translation>
        </message>
        <message>
            <source>Exported {0} rows.</source>
            <translation>已导出 {0} 行。</translation>
        </message>
        <message>
            <source>Exporting {0} of {1}: {2}</source>
            <translation>正在导出第 {0}/{1} 项：{2}</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <source>Figures the current filter shows ({0})</source>
            <translation>当前筛选显示的数据（{0} 个）</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>JSON lines</source>
            <translation>JSON 行</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>布局</translation>
        </message>
        <message>
            <source>Long: one row per figure</source>
            <translation>长表：每个数据一行</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>Selected reports ({0})</source>
            <translation>所选报告（{0} 份）</translation>
        </message>
        <message>
            <source>Statuses</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>The folder {0} does not exist.</source>
            <translation>文件夹 {0} 不存在。</translation>
        </message>
        <message>
            <source>Wide: one row per report, a column per indicator</source>
            <translation>宽表：每份报告一行，每个指标一列</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>csv</source>
            <translation>csv</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>jsonl</source>
            <translation>jsonl</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>selected</source>
            <translation>所选</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>xlsx</source>
            <translation>xlsx</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>{0} is the database itself (or one of its files): choose another file name. Nothing was written.</source>
            <translation>{0} 就是数据库本身（或其附属文件）：请另选文件名。未写入任何内容。</translation>
        </message>
    </context>
    <context>
        <name>file_messages</name>
        <message>
            <source>Cannot open folder: {reason}.</source>
            <translation>无法打开文件夹：{reason}。</translation>
        </message>
        <message>
            <source>Encoding guessed as {encoding} with low confidence ({confidence}); check the text or choose another encoding.</source>
            <translation>推测编码为 {encoding}，但把握不大（置信度 {confidence}）；请核对正文，或选择其他编码重新读取。</translation>
        </message>
        <message>
            <source>No report files ({suffixes}) in this folder.</source>
            <translation>此文件夹中没有报告文件（{suffixes}）。</translation>
        </message>
        <message>
            <source>No such file or folder.</source>
            <translation>文件或文件夹不存在。</translation>
        </message>
        <message>
            <source>Not a supported file type (none); use {suffixes}.</source>
            <translation>不支持没有扩展名的文件；请使用 {suffixes} 文件。</translation>
        </message>
        <message>
            <source>Not a supported file type ({suffix}); use {suffixes}.</source>
            <translation>不支持此文件类型（{suffix}）；请使用 {suffixes} 文件。</translation>
        </message>
        <message>
            <source>Rich text (.rtf) is not read: open it in Word or WPS and save it as .docx.</source>
            <translation>RTF 格式（.rtf）无法读取：请用 Word 或 WPS 打开并另存为 .docx。</translation>
        </message>
        <message>
            <source>Some bytes could not be decoded as {encoding}: {replaced} character(s) were replaced by �; check the text or choose another encoding.</source>
            <translation>部分字节无法按 {encoding} 解码：{replaced} 个字符已替换为 �；请核对正文，或选择其他编码重新读取。</translation>
        </message>
        <message>
            <source>The file cannot be read: {reason}.</source>
            <translation>无法读取文件：{reason}。</translation>
        </message>
        <message>
            <source>The file contains no text.</source>
            <translation>文件中没有文字。</translation>
        </message>
        <message>
            <source>The file does not exist.</source>
            <translation>文件不存在。</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>文件为空。</translation>
        </message>
        <message>
            <source>The file is too large ({size} MB; the limit is {limit} MB).</source>
            <translation>文件过大（{size} MB，上限为 {limit} MB）。</translation>
        </message>
        <message>
            <source>The file looks damaged. Some bytes could not be decoded as {encoding}: {replaced} character(s) were replaced by �; check the text or choose another encoding.</source>
            <translation>文件似乎已损坏。部分字节无法按 {encoding} 解码：{replaced} 个字符已替换为 �；请核对正文，或选择其他编码重新读取。</translation>
        </message>
        <message>
            <source>The file's encoding could not be recognised (it is neither Unicode nor Chinese GB18030/Big5 text).</source>
            <translation>无法识别文件的编码（既不是 Unicode，也不是 GB18030 或 Big5 中文文本）。</translation>
        </message>
        <message>
            <source>This is a folder, not a file.</source>
            <translation>这是文件夹，不是文件。</translation>
        </message>
        <message>
            <source>This is not a text file (it looks like {kind}).</source>
            <translation>这不是文本文件（看起来是{kind}）。</translation>
        </message>
        <message>
            <source>This is not a valid Word file (.docx); it may be damaged, or an old .doc file renamed.</source>
            <translation>这不是有效的 Word 文件（.docx）；文件可能已损坏，或是改了扩展名的旧版 .doc 文件。</translation>
        </message>
        <message>
            <source>Unknown encoding '{encoding}'.</source>
            <translation>未知编码“{encoding}”。</translation>
        </message>
        <message>
            <source>a 7-Zip archive</source>
            <translation>一个 7-Zip 压缩包</translation>
        </message>
        <message>
            <source>a GIF image</source>
            <translation>一张 GIF 图片</translation>
        </message>
        <message>
            <source>a JPEG image</source>
            <translation>一张 JPEG 图片</translation>
        </message>
        <message>
            <source>a PNG image</source>
            <translation>一张 PNG 图片</translation>
        </message>
        <message>
            <source>a RAR archive</source>
            <translation>一个 RAR 压缩包</translation>
        </message>
        <message>
            <source>a gzip archive</source>
            <translation>一个 gzip 压缩包</translation>
        </message>
        <message>
            <source>a program</source>
            <translation>一个程序</translation>
        </message>
        <message>
            <source>a zip archive</source>
            <translation>一个 zip 压缩包</translation>
        </message>
        <message>
            <source>an RTF document; save it as .docx first</source>
            <translation>一份 RTF 文档；请先另存为 .docx</translation>
        </message>
        <message>
            <source>an SQLite database</source>
            <translation>一个 SQLite 数据库</translation>
        </message>
        <message>
            <source>binary data with NUL bytes</source>
            <translation>含 NUL 字节的二进制数据</translation>
        </message>
        <message>
            <source>binary data with many control characters</source>
            <translation>含大量控制字符的二进制数据</translation>
        </message>
        <message>
            <source>cannot read {file_name} as {encoding}: {reason}</source>
            <translation>无法按 {encoding} 读取 {file_name}：{reason}</translation>
        </message>
        <message>
            <source>some characters could not be decoded and were replaced</source>
            <translation>部分字符无法解码，已被替换</translation>
        </message>
        <message>
            <source>The page declares {declared} but its bytes read as {encoding}; check the text or choose another encoding.</source>
            <translation>网页声明的编码为 {declared}，但其内容按 {encoding} 读取；请核对正文，或选择其他编码重新读取。</translation>
        </message>
        <message>
            <source>cannot read: {reason}</source>
            <translation>无法读取：{reason}</translation>
        </message>
        <message>
            <source>extraction failed: {error}</source>
            <translation>提取失败：{error}</translation>
        </message>
        <message>
            <source>line {number} comes before any report line</source>
            <translation>第 {number} 行出现在任何报告行之前</translation>
        </message>
        <message>
            <source>line {number} is not a JSON object</source>
            <translation>第 {number} 行不是 JSON 对象</translation>
        </message>
        <message>
            <source>line {number} is not valid JSON</source>
            <translation>第 {number} 行不是有效的 JSON</translation>
        </message>
        <message>
            <source>line {number}: unknown line type</source>
            <translation>第 {number} 行：未知的行类型</translation>
        </message>
        <message>
            <source>missing {field}</source>
            <translation>缺少 {field}</translation>
        </message>
        <message>
            <source>not UTF-8 text</source>
            <translation>不是 UTF-8 文本</translation>
        </message>
        <message>
            <source>not a Report Reviewer JSONL export</source>
            <translation>不是 Report Reviewer 导出的 JSONL 文件</translation>
        </message>
        <message>
            <source>report on line {line}</source>
            <translation>第 {line} 行的报告</translation>
        </message>
        <message>
            <source>report on line {line} cannot be restored: {detail}</source>
            <translation>第 {line} 行的报告无法恢复：{detail}</translation>
        </message>
        <message>
            <source>the extraction process stopped unexpectedly</source>
            <translation>提取进程意外终止</translation>
        </message>
        <message>
            <source>this export does not hold everything; export with status all and no filter to make one that can be restored</source>
            <translation>此导出文件不完整：请选择全部状态且不加筛选重新导出，才能用于恢复</translation>
        </message>
        <message>
            <source>This web archive (.mht) holds no web page.</source>
            <translation>此网页存档（.mht）中没有网页。</translation>
        </message>
        <message>
            <source>{file_name} is already in the database as {existing} (the same text)</source>
            <translation>{file_name} 已在数据库中，即 {existing}（文字相同）</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>The file's text is too large ({size} MB; the limit is {limit} MB).</source>
            <translation>文件的文本过大（{size} MB；上限为 {limit} MB）。</translation>
        </message>
        <message>
            <source>This Word file unpacks to far more than a report holds (over {limit} MB of text or markup): a zip bomb, or not a report.</source>
            <translation>此 Word 文件解压后远超一份报告的大小（文本或标记超过 {limit} MB）：可能是压缩炸弹，或不是报告。</translation>
        </message>
        <message>
            <source>This is a symbolic link that leads back to itself (a loop); skipped.</source>
            <translation>这是一个指回自身的符号链接（循环）；已跳过。</translation>
        </message>
        <message>
            <source>This is {kind}, not a file that can hold a report; skipped.</source>
            <translation>这是{kind}，不是可以容纳报告的文件；已跳过。</translation>
        </message>
        <message>
            <source>a device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>a named pipe (FIFO)</source>
            <translation>命名管道（FIFO）</translation>
        </message>
        <message>
            <source>a socket</source>
            <translation>套接字</translation>
        </message>
        <message>
            <source>damaged: the closing line's checksum does not match the file; nothing was restored (restore the reports that check out with --accept-incomplete)</source>
            <translation>已损坏：结尾行的校验和与文件不符；未恢复任何内容（可用 --accept-incomplete 恢复校验通过的报告）</translation>
        </message>
        <message>
            <source>damaged: the closing line's checksum does not match the file; only the reports that check out were restored</source>
            <translation>已损坏：结尾行的校验和与文件不符；只恢复了校验通过的报告</translation>
        </message>
        <message>
            <source>incomplete: {found} of {expected} figures (the file is cut short); nothing was restored (restore what is there with --accept-incomplete)</source>
            <translation>不完整：{expected} 个数字中只有 {found} 个（文件被截断）；未恢复任何内容（可用 --accept-incomplete 恢复现有部分）</translation>
        </message>
        <message>
            <source>incomplete: {found} of {expected} figures (the file is cut short); the {reports} complete reports were restored</source>
            <translation>不完整：{expected} 个数字中只有 {found} 个（文件被截断）；已恢复 {reports} 份完整的报告</translation>
        </message>
        <message>
            <source>line {number} comes after the closing line; nothing was restored</source>
            <translation>第 {number} 行位于结尾行之后；未恢复任何内容</translation>
        </message>
        <message>
            <source>line {number} is not UTF-8 text</source>
            <translation>第 {number} 行不是 UTF-8 文本</translation>
        </message>
        <message>
            <source>line {number}: {field} {problem}; this report was not restored</source>
            <translation>第 {number} 行：{field} {problem}；此报告未恢复</translation>
        </message>
        <message>
            <source>made by an older version: it has no closing line, so it could not be checked to be complete</source>
            <translation>由旧版本导出：没有结尾行，因此无法检查是否完整</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <translation>非普通文件</translation>
        </message>
        <message>
            <source>the file is cut short (it ends inside a character); restore from a complete copy</source>
            <translation>文件被截断（结束于一个字符中间）；请用完整的副本恢复</translation>
        </message>
        <message>
            <source>line {number}: {field} {problem}; this taught cue was not restored</source>
            <translation>第 {number} 行：{field} {problem}；这条习得提示词未恢复</translation>
        </message>
        <message>
            <source>taught cue on line {line}</source>
            <translation>第 {line} 行的习得提示词</translation>
        </message>
        <message>
            <source>LibreOffice could not convert this Word/WPS file ({reason}); save it as .docx in Word/WPS.</source>
            <translation>LibreOffice 无法转换此 Word/WPS 文件（{reason}）；请在 Word/WPS 中另存为 .docx。</translation>
        </message>
        <message>
            <source>LibreOffice took longer than {seconds} s to convert this file; save it as .docx in Word/WPS.</source>
            <translation>LibreOffice 转换此文件超过 {seconds} 秒；请在 Word/WPS 中另存为 .docx。</translation>
        </message>
        <message>
            <source>The PDF's fonts do not map to readable characters, so its text is likely garbage; compare it with the PDF.</source>
            <translation>此 PDF 的字体无法对应到可读字符，提取的文字很可能是乱码；请与 PDF 原文核对。</translation>
        </message>
        <message>
            <source>This PDF holds images only; it needs OCR (text recognition) before it can be read.</source>
            <translation>此 PDF 只含图片，需先进行 OCR（文字识别）才能读取。</translation>
        </message>
        <message>
            <source>This PDF is damaged and cannot be read ({reason}).</source>
            <translation>此 PDF 已损坏，无法读取（{reason}）。</translation>
        </message>
        <message>
            <source>This PDF is protected by a password; open it with the password, save it as a new PDF without one and import that.</source>
            <translation>此 PDF 受密码保护；请用密码打开，另存为不带密码的新 PDF 后再导入。</translation>
        </message>
        <message>
            <source>This is an old Word or WPS file (.doc/.wps): install LibreOffice or save it as .docx in Word/WPS.</source>
            <translation>这是旧版 Word 或 WPS 文件（.doc/.wps）：请安装 LibreOffice，或在 Word/WPS 中另存为 .docx。</translation>
        </message>
        <message>
            <source>agreement on line {line}</source>
            <translation>第 {line} 行的审核人一致性统计</translation>
        </message>
        <message>
            <source>line {number}: {field} {problem}; this agreement figure was left out</source>
            <translation>第 {number} 行：{field} {problem}；这条审核人一致性统计已略去</translation>
        </message>
    </context>
    <context>
        <name>findings_panel</name>
        <message>
            <source>Check</source>
            <translation>检查项</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>忽略</translation>
        </message>
        <message>
            <source>Dismissal note</source>
            <translation>忽略说明</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Finding</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Show dismissed</source>
            <translation>显示已忽略项</translation>
        </message>
        <message>
            <source>Why this finding is fine (note)</source>
            <translation>为何此项无问题（说明）</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>dismissed</source>
            <translation>已忽略</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>info</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Conflicting values</source>
            <translation>数值前后不一</translation>
        </message>
        <message>
            <source>Impossible value</source>
            <translation>数值不合理</translation>
        </message>
        <message>
            <source>Jump from previous year</source>
            <translation>较上年突变</translation>
        </message>
        <message>
            <source>More cases closed ({closed}) than filed ({filed}).</source>
            <translation>结案数（{closed}）多于立案数（{filed}）。</translation>
        </message>
        <message>
            <source>More closed than filed</source>
            <translation>结案数多于立案数</translation>
        </message>
        <message>
            <source>Outlier among reports</source>
            <translation>异常值（与其他报告相比）</translation>
        </message>
        <message>
            <source>Part larger than whole</source>
            <translation>分项大于合计</translation>
        </message>
        <message>
            <source>Parts do not add up</source>
            <translation>分项之和不符</translation>
        </message>
        <message>
            <source>Rate does not match counts</source>
            <translation>比率与数量不符</translation>
        </message>
        <message>
            <source>Share above 100%</source>
            <translation>比例超过100%</translation>
        </message>
        <message>
            <source>The part {part} is larger than its whole {whole}.</source>
            <translation>分项 {part} 大于其合计 {whole}。</translation>
        </message>
        <message>
            <source>The parts add up to more than the total: {parts} = {sum} {unit}, total {total}.</source>
            <translation>分项之和大于合计：{parts} = {sum}{unit}，合计为 {total}。</translation>
        </message>
        <message>
            <source>The parts do not add up to the total: {parts} = {sum} {unit}, total {total}.</source>
            <translation>分项之和小于合计：{parts} = {sum}{unit}，合计为 {total}。</translation>
        </message>
        <message>
            <source>{figure} = {value} {unit} is beyond any plausible size.</source>
            <translation>{figure} = {value}{unit}，超出任何合理范围。</translation>
        </message>
        <message>
            <source>{figure} is above 100%.</source>
            <translation>{figure} 超过 100%。</translation>
        </message>
        <message>
            <source>{figure} is far from what {reports} reports show for {indicator} (median {median}).</source>
            <translation>{figure} 与 {reports} 份报告中 {indicator} 的数值相差悬殊（中位数 {median}）。</translation>
        </message>
        <message>
            <source>{figure} is negative.</source>
            <translation>{figure} 为负数。</translation>
        </message>
        <message>
            <source>{indicator} is stated with different values: {values}.</source>
            <translation>{indicator} 前后表述的数值不一致：{values}。</translation>
        </message>
        <message>
            <source>{indicator}: {previous} in {year}, {value} now (x{ratio}); a lost or extra 万?</source>
            <translation>{indicator}：{year} 年为 {previous}，本年为 {value}（{ratio} 倍）；是否漏写或多写了“万”？</translation>
        </message>
        <message>
            <source>{part} ({part_indicator}) is larger than {whole} ({whole_indicator}).</source>
            <translation>{part}（{part_indicator}）大于 {whole}（{whole_indicator}）。</translation>
        </message>
        <message>
            <source>{part} of {whole} is {rate}%, but the text says {stated}.</source>
            <translation>{part} 占 {whole} 的 {rate}%，但正文写的是 {stated}。</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
    </context>
    <context>
        <name>i18n</name>
        <message>
            <source>en</source>
            <translation>zh_CN</translation>
        </message>
    </context>
    <context>
        <name>import_dialog</name>
        <message>
            <source>Looking for report files…</source>
            <translation>正在查找报告文件…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Importing Reports</source>
            <translation>正在导入报告</translation>
        </message>
        <message>
            <source>Imported {0} of {1} files
{2}</source>
            <translation>已导入 {0}/{1} 个文件
{2}</translation>
        </message>
        <message>
            <source>Cancelling after the current file…</source>
            <translation>当前文件完成后取消…</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>Imported {0} report.</source>
            <translation>已导入 {0} 份报告。</translation>
        </message>
        <message>
            <source>Imported {0} reports.</source>
            <translation>已导入 {0} 份报告。</translation>
        </message>
        <message>
            <source>Skipped {0} duplicate.</source>
            <translation>跳过 {0} 份重复报告。</translation>
        </message>
        <message>
            <source>Skipped {0} duplicates.</source>
            <translation>跳过 {0} 份重复报告。</translation>
        </message>
        <message>
            <source>{0} file could not be imported.</source>
            <translation>{0} 个文件无法导入。</translation>
        </message>
        <message>
            <source>{0} files could not be imported.</source>
            <translation>{0} 个文件无法导入。</translation>
        </message>
        <message>
            <source>{0} file needs a look (see the details).</source>
            <translation>{0} 个文件需要查看（见详细信息）。</translation>
        </message>
        <message>
            <source>{0} files need a look (see the details).</source>
            <translation>{0} 个文件需要查看（见详细信息）。</translation>
        </message>
        <message>
            <source>Import cancelled.</source>
            <translation>导入已取消。</translation>
        </message>
        <message>
            <source>{0}: {1} imported, {2} skipped, {3} failed</source>
            <translation>{0}：导入 {1} 份，跳过 {2} 份，失败 {3} 份</translation>
        </message>
        <message>
            <source>Import Finished</source>
            <translation>导入完成</translation>
        </message>
        <message>
            <source>The reports imported before cancelling were kept.</source>
            <translation>取消前已导入的报告均已保留。</translation>
        </message>
        <message>
            <source>Could not be imported:</source>
            <translation>未能导入：</translation>
        </message>
        <message>
            <source>Imported, but read this:</source>
            <translation>已导入，但请注意：</translation>
        </message>
        <message>
            <source>{0} (same as {1})</source>
            <translation>{0}（与 {1} 相同）</translation>
        </message>
        <message>
            <source>Already in the database (skipped):</source>
            <translation>数据库中已有（已跳过）：</translation>
        </message>
        <message>
            <source>… and {0} more</source>
            <translation>…… 另有 {0} 项</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Review</source>
            <translation>审核(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>recent</source>
            <translation>最近</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>Reports (*.txt *.html *.htm *.mht *.mhtml *.docx *.doc *.wps *.pdf *.jsonl);;All files (*)</source>
            <translation>报告 (*.txt *.html *.htm *.mht *.mhtml *.docx *.doc *.wps *.pdf *.jsonl);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>merge_dialog</name>
        <message>
            <source>A reviewer name is one line of 1 to {0} characters.</source>
            <translation>审核人姓名须为一行，1 至 {0} 个字符。</translation>
        </message>
        <message>
            <source>Agreement (figures decided by two reviewers):</source>
            <translation>一致性（两名审核人都审核过的数字）：</translation>
        </message>
        <message>
            <source>Folder for the Reviewers' Files</source>
            <translation>审核人文件的保存文件夹</translation>
        </message>
        <message>
            <source>Give {0} different names, or none.</source>
            <translation>请填写 {0} 个互不相同的姓名，或不填。</translation>
        </message>
        <message>
            <source>JSONL exports (*.jsonl);;All files (*)</source>
            <translation>JSONL 导出文件 (*.jsonl);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Merge Reviews</source>
            <translation>合并审核结果</translation>
        </message>
        <message>
            <source>Merge failed</source>
            <translation>合并失败</translation>
        </message>
        <message>
            <source>Merging reviews…</source>
            <translation>正在合并审核结果…</translation>
        </message>
        <message>
            <source>Names (optional, comma-separated):</source>
            <translation>姓名（可选，用逗号分隔）：</translation>
        </message>
        <message>
            <source>No figure was decided by two reviewers: no agreement to measure.</source>
            <translation>没有数字经两名审核人审核，无法计算一致性。</translation>
        </message>
        <message>
            <source>Overall</source>
            <translation>总体</translation>
        </message>
        <message>
            <source>Reviewed by two:</source>
            <translation>双人审核比例：</translation>
        </message>
        <message>
            <source>Reviewer Name</source>
            <translation>审核人姓名</translation>
        </message>
        <message>
            <source>Reviewers:</source>
            <translation>审核人数：</translation>
        </message>
        <message>
            <source>Reviewers: {0}</source>
            <translation>审核人：{0}</translation>
        </message>
        <message>
            <source>Reviews Merged</source>
            <translation>审核结果已合并</translation>
        </message>
        <message>
            <source>Split failed</source>
            <translation>分配失败</translation>
        </message>
        <message>
            <source>Split for Reviewers</source>
            <translation>分配给审核人</translation>
        </message>
        <message>
            <source>Writing the reviewers' files…</source>
            <translation>正在写出审核人文件…</translation>
        </message>
        <message>
            <source>Your name, written with every decision and export:</source>
            <translation>您的姓名（写入每个审核决定和每次导出）：</translation>
        </message>
        <message>
            <source>reviewer-1, reviewer-2, …</source>
            <translation>默认：reviewer-1, reviewer-2, …</translation>
        </message>
        <message>
            <source>{0} figures took a decision, {1} are in conflict (filter the table by “In conflict”), {2} were already decided here; {3} reports added.</source>
            <translation>{0} 个数字采用了审核决定，{1} 个有冲突（在表格中按“有冲突”筛选），{2} 个在本库中已审核；新增报告 {3} 份。</translation>
        </message>
        <message>
            <source>{0}: {1} of {2} alike ({3:.0%}), kappa {4}</source>
            <translation>{0}：{2} 个中 {1} 个一致（{3:.0%}），kappa {4}</translation>
        </message>
        <message>
            <source>{0}: {1} reports ({2} shared) in {3}</source>
            <translation>{0}：{1} 份报告（其中 {2} 份双人审核），文件 {3}</translation>
        </message>
    </context>
    <context>
        <name>store_errors</name>
        <message>
            <source>.db</source>
            <translation>.db</translation>
        </message>
        <message>
            <source>.sqlite</source>
            <translation>.sqlite</translation>
        </message>
        <message>
            <source>accountability_report</source>
            <translation>述法报告</translation>
        </message>
        <message>
            <source>added</source>
            <translation>已添加</translation>
        </message>
        <message>
            <source>agency</source>
            <translation>机关</translation>
        </message>
        <message>
            <source>approx</source>
            <translation>约</translation>
        </message>
        <message>
            <source>at_least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source>at_most</source>
            <translation>至多</translation>
        </message>
        <message>
            <source>boilerplate</source>
            <translation>网页框架文字</translation>
        </message>
        <message>
            <source>cannot create {path}: {reason}</source>
            <translation>无法创建 {path}：{reason}</translation>
        </message>
        <message>
            <source>cannot open {path}: {reason}</source>
            <translation>无法打开 {path}：{reason}</translation>
        </message>
        <message>
            <source>city</source>
            <translation>市级</translation>
        </message>
        <message>
            <source>closing</source>
            <translation>落款</translation>
        </message>
        <message>
            <source>confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <source>corrected</source>
            <translation>已更正</translation>
        </message>
        <message>
            <source>county</source>
            <translation>县级</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区级</translation>
        </message>
        <message>
            <source>doc_type</source>
            <translation>文件类型</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>精确</translation>
        </message>
        <message>
            <source>level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>measures</source>
            <translation>主要举措</translation>
        </message>
        <message>
            <source>more_than</source>
            <translation>超过</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>待审</translation>
        </message>
        <message>
            <source>plans</source>
            <translation>下一步安排</translation>
        </message>
        <message>
            <source>preamble</source>
            <translation>前言</translation>
        </message>
        <message>
            <source>problems</source>
            <translation>存在问题</translation>
        </message>
        <message>
            <source>province</source>
            <translation>省级</translation>
        </message>
        <message>
            <source>publish_date</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>reject</source>
            <translation>驳回</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <source>report_year</source>
            <translation>报告年度</translation>
        </message>
        <message>
            <source>responsibility</source>
            <translation>第一责任人职责</translation>
        </message>
        <message>
            <source>situation_report</source>
            <translation>情况报告</translation>
        </message>
        <message>
            <source>title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>{path} does not exist</source>
            <translation>{path} 不存在</translation>
        </message>
        <message>
            <source>{path} is a folder, not a database file</source>
            <translation>{path} 是文件夹，不是数据库文件</translation>
        </message>
        <message>
            <source>{path} is not a Report Reviewer database (file is not a database)</source>
            <translation>{path} 不是 Report Reviewer 数据库（该文件不是数据库）</translation>
        </message>
        <message>
            <source>{path} is not a Report Reviewer database (it holds other tables)</source>
            <translation>{path} 不是 Report Reviewer 数据库（其中是其他数据表）</translation>
        </message>
        <message>
            <source>{path} is open in another running copy of Report Reviewer (process {pid})</source>
            <translation>{path} 已在另一个正在运行的 Report Reviewer 中打开（进程 {pid}）</translation>
        </message>
        <message>
            <source>{path} was written by a newer version of Report Reviewer (database version {version}, this program reads up to {supported}); update the program</source>
            <translation>{path} 由更新版本的 Report Reviewer 写入（数据库版本 {version}，本程序最高只能读取 {supported}）；请更新程序</translation>
        </message>
        <message>
            <source>division_code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>{path} is an empty file, not a Report Reviewer database (it was not changed)</source>
            <translation>{path} 是空文件，不是报告审阅数据库（未作任何改动）</translation>
        </message>
        <message>
            <source>{path} is not a Report Reviewer database (it lacks {missing}; it was not changed)</source>
            <translation>{path} 不是报告审阅数据库（缺少 {missing}；未作任何改动）</translation>
        </message>
        <message>
            <source>{path} is not a Report Reviewer database or is damaged ({reason}); it was not changed</source>
            <translation>{path} 不是报告审阅数据库，或已损坏（{reason}）；未作任何改动</translation>
        </message>
        <message>
            <source>{path} is {kind}, not a database file</source>
            <translation>{path} 是{kind}，不是数据库文件</translation>
        </message>
        <message>
            <source>{path} needs upgrading to this version of Report Reviewer, but {reason}; nothing was changed</source>
            <translation>{path} 需要升级到本版本的报告审阅，但{reason}；未作任何改动</translation>
        </message>
    </context>
</TS>
