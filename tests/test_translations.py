"""The Chinese translation is complete, matches the code, and the shipped .qm is built from it."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from tests.tools import update_translations as tool

from app.gui.i18n import install_translator, translation_file, wanted_language

TS = tool.ts_path("zh_CN")
PLACEHOLDER = re.compile(r"\{[^}]*\}|%n")
needs_qt_tools = pytest.mark.skipif(not shutil.which("pyside6-lrelease"), reason="Qt tools not installed")


def messages(ts_path):
    for context in ET.parse(ts_path).getroot().findall("context"):
        for message in context.findall("message"):
            yield context.findtext("name"), message


def translations(message) -> list[str]:
    translation = message.find("translation")
    forms = [form.text or "" for form in translation.findall("numerusform")]
    return forms if message.get("numerus") == "yes" else [translation.text or ""]


def test_every_string_is_translated_with_its_placeholders():
    problems = []
    for context, message in messages(TS):
        source = message.findtext("source")
        kind = message.find("translation").get("type")
        texts = translations(message)
        if kind in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
        elif any(sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(source)) for t in texts):
            problems.append(f"{context}: {source!r} -> {texts} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_translations_are_chinese():
    chinese = re.compile(r"[\u4e00-\u9fff]")
    texts = [(message.findtext("source"), translations(message)[0]) for _, message in messages(TS)]
    sentences = [(source, text) for source, text in texts if " " in source and not source.startswith("{")]
    assert sentences
    assert [pair for pair in sentences if not chinese.search(pair[1])] == []


@needs_qt_tools
def test_the_ts_holds_every_string_the_code_translates(tmp_path):
    """Re-extract from the code into a copy: nothing may come out untranslated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    tool.update(copy, "zh_CN")
    new = [f"{context}: {message.findtext('source')!r}" for context, message in messages(copy)
           if message.find("translation").get("type") == "unfinished"]
    assert not new, ("strings without a translation; run `python tests/tools/update_translations.py`, "
                     "translate them in the .ts, then run it with --release:\n" + "\n".join(new))


@needs_qt_tools
def test_committed_qm_is_what_lrelease_makes_from_the_ts(tmp_path):
    built = tmp_path / "built.qm"
    tool.release(TS, built)
    assert built.read_bytes() == translation_file("zh_CN").read_bytes(), \
        "the .qm is stale: run `python tests/tools/update_translations.py --release`"


def test_language_choice():
    assert wanted_language("zh_CN") == "zh_CN"
    assert wanted_language("en", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "en"
    assert wanted_language("system", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert wanted_language("system", QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert wanted_language("system", QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"


@pytest.fixture
def app_translators(qapp):
    yield qapp
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_installed_translator_turns_the_interface_chinese(app_translators):
    assert not install_translator(app_translators, "en")
    assert QCoreApplication.translate("db_dialogs", "Database in use") == "Database in use"
    assert install_translator(app_translators, "zh_CN")
    assert QCoreApplication.translate("db_dialogs", "Database in use") == "数据库正在使用中"
    assert QCoreApplication.translate("ChartsPanel", "Region") == "地区"
