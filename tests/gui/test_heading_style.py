"""Headings stand out in the report text, and only the heading: a run-in heading
("（一）……。" followed by its paragraph on the same line) styles its first sentence, not the
paragraph, and figures in that paragraph keep their status colour."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from review_fixtures import open_window

from app.gui import theme
from app.store.database import open_store
from app.store.importer import import_paths

RUN_IN_HEADING = "（一）坚持党的领导，强化法治建设。"
RUN_IN_BODY = "今年以来，我局把法治建设摆在突出位置，全年共办理行政复议案件1234件，结案率达100%。"
STANDALONE_HEADING = "（二）加强执法队伍建设"
LONG_RUN_IN = "（三）" + "深入推进严格规范公正文明执法工作" * 3 + "，全年开展执法培训56场次，覆盖全体执法人员。"
REPORT = "\n".join([
    "某县司法局关于2023年法治政府建设情况的报告",
    "",
    "现将我局2023年法治政府建设情况报告如下。",
    "一、主要工作和成效",
    RUN_IN_HEADING + RUN_IN_BODY,
    STANDALONE_HEADING,
    "组织执法人员参加法律知识考试，参考率达98%。",
    LONG_RUN_IN,
    "二、存在的问题",
    "（一）执法力量不足。基层执法人员偏少。",
    "",
    "某县司法局",
    "2024年1月10日",
    "",
])


@pytest.fixture
def text_view(qtbot, tmp_path):
    source = tmp_path / "某县司法局2023年法治政府建设情况报告.txt"
    source.write_text(REPORT, encoding="utf-8")
    db_path = tmp_path / "review.sqlite"
    store = open_store(str(db_path))
    assert len(import_paths(store, [str(source)]).imported) == 1
    store.close()
    window = open_window(qtbot, db_path)
    view = window.text_pane.view
    # opening a report flashes its first figure; look at the text as it settles
    qtbot.waitUntil(lambda: all(selection.format.background().color() != theme.FLASH_COLOUR
                                for selection in view.extraSelections()))
    yield view
    window.close()


def shown_format(view, offset: int) -> QTextCharFormat:
    """What the reader sees on the character at `offset`: the document's own format with the
    view's extra selections laid over it in order (a later one paints over an earlier one)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset + 1)  # charFormat() is the format of the character before the cursor
    fmt = cursor.charFormat()
    for selection in view.extraSelections():
        if selection.cursor.selectionStart() <= offset < selection.cursor.selectionEnd():
            fmt.merge(selection.format)
    return fmt


def is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.Bold


def test_run_in_heading_is_bold_and_its_paragraph_is_not(text_view):
    text = text_view.toPlainText()
    heading = text.index(RUN_IN_HEADING)
    body = heading + len(RUN_IN_HEADING)
    assert is_bold(shown_format(text_view, heading + 3))
    assert is_bold(shown_format(text_view, body - 1))  # the sentence's end mark belongs to the heading
    assert shown_format(text_view, body - 1).foreground().color() == theme.HEADING_TEXT
    assert not is_bold(shown_format(text_view, body))
    assert not is_bold(shown_format(text_view, body + len(RUN_IN_BODY) - 2))
    assert shown_format(text_view, body + 2).foreground().color() != theme.HEADING_TEXT


def test_heading_on_its_own_line_is_bold_to_its_end(text_view):
    text = text_view.toPlainText()
    start = text.index(STANDALONE_HEADING)
    for offset in (start, start + len(STANDALONE_HEADING) - 1):
        assert is_bold(shown_format(text_view, offset))
    level1 = text.index("一、主要工作和成效")
    assert is_bold(shown_format(text_view, level1 + len("一、主要工作和成效") - 1))
    assert not is_bold(shown_format(text_view, text.index("组织执法人员")))


def test_a_long_first_sentence_does_not_turn_the_paragraph_bold(text_view):
    text = text_view.toPlainText()
    start = text.index(LONG_RUN_IN)
    assert is_bold(shown_format(text_view, start + 5))
    assert not is_bold(shown_format(text_view, start + LONG_RUN_IN.index("全年开展")))


def test_figure_in_a_run_in_paragraph_keeps_its_status_colour(text_view):
    text = text_view.toPlainText()
    figure = text.index("1234件")
    shown = shown_format(text_view, figure + 1)
    assert shown.background().color() == theme.status_colour("pending")
    assert not is_bold(shown)
    # the level-1 tint lies under the whole section, yet the figure's colour is the one on top
    assert shown_format(text_view, figure - 2).background().color() == theme.category_tint("measures")


def test_outline_names_a_run_in_section_by_its_heading_only(text_view):
    outline = text_view.window().outline
    titles = []
    pending = [outline.topLevelItem(i) for i in range(outline.topLevelItemCount())]
    while pending:
        item = pending.pop()
        titles.append(item.text(0))
        pending.extend(item.child(i) for i in range(item.childCount()))
    assert RUN_IN_HEADING in titles
    assert not any(RUN_IN_BODY in title for title in titles)
