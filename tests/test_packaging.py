"""The standalone build's lists, frozen paths, the log file, the crash route, the menu entry."""
import configparser
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__, build_app, install_desktop, logging_setup, paths
from conftest import ROOT


# -- what goes into the bundle ------------------------------------------------------------

def test_unused_qt_modules_are_excluded_but_opengl_and_pydoc_are_kept():
    assert set(build_app.EXCLUDES) >= {
        "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick",
        "PySide6.QtDBus", "pyqtgraph.opengl", "pyqtgraph.examples", "tkinter", "scipy"}
    for needed in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "pydoc", "PySide6.QtGui",
                   "PySide6.QtWidgets", "PySide6.QtSql", "numpy", "pyqtgraph", "chardet",
                   "sqlite_utils", "cn2an", "openpyxl"):
        assert not any(needed == excluded or needed.startswith(excluded + ".")
                       for excluded in build_app.EXCLUDES)
    assert "PySide6/Qt/plugins/platforminputcontexts" in build_app.REQUIRED_IN_BUNDLE


def test_bundle_carries_resources_and_seeds_but_not_packaging():
    datas = {Path(source).relative_to(ROOT).as_posix(): dest
             for source, dest in build_app.bundle_datas(ROOT)}
    assert datas["resources/indicators.json"] == "resources"
    assert datas["resources/icons"] == "resources/icons"
    assert datas["seeds"] == "seeds"
    assert not any("packaging" in source for source in datas)
    for source in datas:
        assert (ROOT / source).exists()


def test_empty_resource_folders_are_left_out(tmp_path):
    (tmp_path / "resources" / "lexicon").mkdir(parents=True)
    (tmp_path / "resources" / "i18n").mkdir()
    (tmp_path / "resources" / "i18n" / "zh_CN.qm").write_bytes(b"qm")
    (tmp_path / "resources" / "indicators.json").write_text("[]")
    (tmp_path / "seeds").mkdir()
    datas = build_app.bundle_datas(tmp_path)
    assert [(Path(source).name, dest) for source, dest in datas] == [
        ("indicators.json", "resources"), ("i18n", "resources/i18n")]


def test_icon_per_platform_exists():
    assert build_app.icon_file(ROOT, "linux") is None
    for platform, suffix in (("win32", ".ico"), ("darwin", ".png")):
        icon = Path(build_app.icon_file(ROOT, platform))
        assert icon.suffix == suffix and icon.stat().st_size > 1000
    assert (ROOT / "resources/icons/app.png").read_bytes().startswith(b"\x89PNG")
    assert (ROOT / "resources/icons/app.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_spec_uses_the_tested_lists_and_the_version():
    spec = build_app.SPEC.read_text(encoding="utf-8")
    for name in ("EXCLUDES", "bundle_datas(ROOT)", "icon_file(ROOT)", "APP_NAME",
                 "__version__", "main.py"):
        assert name in spec
    assert build_app.APP_NAME == "ReportReviewer"


def test_missing_parts_names_what_a_broken_bundle_lacks(tmp_path):
    internal = tmp_path / "_internal"
    for part in build_app.REQUIRED_IN_BUNDLE:
        (internal / part).mkdir(parents=True)
    assert build_app.missing_parts(tmp_path) == []
    shutil.rmtree(internal / "PySide6/Qt/plugins/platforminputcontexts")
    assert build_app.missing_parts(tmp_path) == ["PySide6/Qt/plugins/platforminputcontexts"]


def test_build_command_has_help():
    result = subprocess.run([sys.executable, "-m", "app.build_app", "--help"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "one folder" in result.stdout


# -- frozen paths ---------------------------------------------------------------------------

def test_resource_path_points_into_the_unpacked_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("icons", "app.png") == tmp_path / "resources" / "icons" / "app.png"
    assert paths.seeds_dir() == tmp_path / "seeds"


def test_resource_path_from_source_finds_real_files(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resource_path("indicators.json").is_file()


# -- log file and crash route -------------------------------------------------------------

@pytest.fixture
def user_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_REVIEWER_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield tmp_path / "home"
    for handler in list(logging.getLogger().handlers):
        if handler.get_name() == logging_setup.HANDLER_NAME:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_log_goes_to_the_user_data_folder(user_home):
    target = logging_setup.setup_logging()
    logging.getLogger("report_reviewer.test").warning("imported 3 reports")
    assert target == user_home / "logs" / "report-reviewer.log"
    assert "imported 3 reports" in target.read_text(encoding="utf-8")


def test_setting_up_twice_writes_each_line_once(user_home):
    logging_setup.setup_logging()
    target = logging_setup.setup_logging()
    logging.getLogger("report_reviewer.test").warning("once only")
    assert target.read_text(encoding="utf-8").count("once only") == 1


def test_uncaught_exception_is_logged_and_shown_with_the_log_path(user_home):
    shown = []
    logging_setup.install_excepthook(lambda message, log: shown.append((message, log)))
    try:
        raise ValueError("报告 cannot be parsed\nsecond line")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    log = user_home / "logs" / "report-reviewer.log"
    assert shown == [("ValueError: 报告 cannot be parsed", str(log))]
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "报告 cannot be parsed" in text


def test_a_failing_dialog_still_leaves_the_error_in_the_log(user_home):
    def broken_dialog(message, log):
        raise RuntimeError("no display")

    logging_setup.install_excepthook(broken_dialog)
    sys.excepthook(KeyError, KeyError("figure 7"), None)
    text = (user_home / "logs" / "report-reviewer.log").read_text(encoding="utf-8")
    assert "figure 7" in text and "Could not show the error dialog" in text


# -- Linux menu entry ---------------------------------------------------------------------

def read_desktop(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def assert_valid_if_validator_installed(desktop_file):
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(desktop_file)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_install_desktop_writes_a_menu_entry_for_the_source_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert install_desktop.main(["--binary", str(tmp_path / "none")]) == 1
    monkeypatch.setattr(install_desktop, "executable", lambda dist: tmp_path / "not-built")
    assert install_desktop.main([]) == 0
    target = tmp_path / "share" / "applications" / "report-reviewer.desktop"
    entry = read_desktop(target)
    assert entry["Type"] == "Application" and entry["Name"] == "Report Reviewer"
    assert entry["Terminal"] == "false"
    assert entry["X-AppVersion"] == __version__
    assert entry["Exec"].split() == [sys.executable, str(ROOT / "main.py")]
    assert Path(entry["Icon"]).read_bytes() == (ROOT / "resources/icons/app.png").read_bytes()
    assert "@" not in target.read_text(encoding="utf-8")
    assert_valid_if_validator_installed(target)


def test_install_desktop_points_at_a_built_binary_with_spaces_quoted(tmp_path):
    binary = tmp_path / "My Apps" / "ReportReviewer"
    binary.parent.mkdir()
    binary.write_bytes(b"")
    target = install_desktop.install(home=tmp_path / "share", binary=binary)
    entry = read_desktop(target)
    assert entry["Exec"] == f'"{binary}"'
    assert entry["TryExec"] == str(binary)
    assert_valid_if_validator_installed(target)
    assert install_desktop.uninstall(tmp_path / "share") == [
        target, install_desktop.icon_target(tmp_path / "share")]
    assert not target.exists()


def test_exec_value_escapes_per_the_desktop_entry_spec():
    assert install_desktop.exec_value(["/opt/rr/app", "--x"]) == "/opt/rr/app --x"
    assert install_desktop.exec_value(['/a b/c"d', "100%"]) == '"/a b/c\\\\"d" 100%%'


def test_translations_are_compiled_for_the_bundle(tmp_path):
    i18n = tmp_path / "resources" / "i18n"
    i18n.mkdir(parents=True)
    (i18n / "report_reviewer_zh_CN.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>launch</name><message><source>Unexpected error</source>"
        "<translation>意外错误</translation></message></context></TS>", encoding="utf-8")
    if build_app._lrelease() is None:
        pytest.skip("lrelease is not installed")
    assert build_app.compile_translations(tmp_path) == [i18n / "report_reviewer_zh_CN.qm"]
    assert (i18n / "report_reviewer_zh_CN.qm").stat().st_size > 0
    assert build_app.compile_translations(tmp_path) == []  # up to date: nothing to do
