"""Choosing the interface language: English source strings, Simplified Chinese translation.

`install_translator(app, language)` loads resources/i18n/report_reviewer_zh_CN.qm when
the setting is "zh_CN", or when it is "system" and the system locale is Chinese; Qt's own
translation (standard buttons such as Cancel, file dialogs) comes along. The .qm files are
compiled from the .ts sources with `pyside6-lrelease` and committed, so a checkout and a
frozen build need no Qt tools.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "report_reviewer"
CHINESE = "zh_CN"


def wanted_language(language: str, system_locale: QLocale | None = None) -> str:
    """"zh_CN" or "en" for a setting of "system", "zh_CN" or "en"."""
    if language in (CHINESE, "en"):
        return language
    locale = system_locale or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else "en"


def translation_file(language: str = CHINESE):
    return resource_path("i18n", f"{CATALOGUE}_{language}.qm")


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Install the translation for `language` on `app`; True if one was installed.

    English needs none. A missing or unreadable .qm leaves the English interface (logged):
    the program must start either way.
    """
    if wanted_language(language) != CHINESE:
        return False
    ours = QTranslator(app)
    if not ours.load(str(translation_file(CHINESE))):
        log.warning("cannot load the Chinese translation %s", translation_file(CHINESE))
        return False
    app.installTranslator(ours)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    return True


def interface_language() -> str:
    """The language the interface shows now: "zh_CN" while the Chinese translation is
    installed (it translates this marker), "en" otherwise. Codebook names follow it."""
    return QCoreApplication.translate("i18n", "en")
