"""The standalone build's lists, frozen paths, the log file, the crash route, the menu entry."""
import configparser
import json
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
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
    assert datas["resources/gazetteer"] == "resources/gazetteer"  # with its LICENSE (WTFPL)
    assert datas["seeds"] == "seeds"
    assert not any(part in source for source in datas for part in build_app.RESOURCES_NOT_BUNDLED)
    for source in datas:
        assert (ROOT / source).exists()


def test_every_resource_folder_is_bundled_but_empty_ones_and_the_builds_own(tmp_path):
    (tmp_path / "resources" / "lexicon").mkdir(parents=True)
    (tmp_path / "resources" / "i18n").mkdir()
    (tmp_path / "resources" / "i18n" / "zh_CN.qm").write_bytes(b"qm")
    (tmp_path / "resources" / "indicators.json").write_text("[]")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "resources" / "gazetteer").mkdir()  # a folder no list names: bundled by pattern
    (tmp_path / "resources" / "gazetteer" / "divisions.json").write_text("{}")
    (tmp_path / "resources" / "screenshots").mkdir()
    (tmp_path / "resources" / "screenshots" / "main.png").write_bytes(b"png")
    datas = build_app.bundle_datas(tmp_path)
    assert {(Path(source).name, dest) for source, dest in datas} == {
        ("indicators.json", "resources"), ("i18n", "resources/i18n"), ("gazetteer", "resources/gazetteer")}


def test_qt_parts_the_program_needs_stay_and_the_rest_goes():
    from app.build_trim import qt_file_kept
    for kept in ("plugins/platforms/libqxcb.so", "plugins/platforms/libqoffscreen.so",
                 "plugins/platforms/qwindows.dll", "plugins/platforms/libqcocoa.dylib",
                 "plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
                 "plugins/platformthemes/libqxdgdesktopportal.so", "plugins/styles/qmodernwindowsstyle.dll",
                 "translations/qtbase_zh_CN.qm", "translations/qt_zh_CN.qm", "translations/qtbase_en.qm"):
        assert qt_file_kept(kept), kept
    for dropped in ("plugins/platformthemes/libqgtk3.so", "plugins/imageformats/libqjpeg.so",
                    "plugins/iconengines/libqsvgicon.so", "plugins/generic/libqtuiotouchplugin.so",
                    "plugins/platforms/libqvnc.so", "plugins/platforms/libqeglfs.so",
                    "translations/qtbase_de.qm", "translations/qt_zh_TW.qm"):
        assert not qt_file_kept(dropped), dropped


def test_the_qt_hooks_are_filtered_where_they_collect(monkeypatch):
    from PyInstaller.utils.hooks import qt
    from app import build_trim
    collected = ([], [("/qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
                      ("/qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats")],
                 [("/qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/translations"),
                  ("/qt/translations/qtbase_fr.qm", "PySide6/Qt/translations")])
    monkeypatch.setattr(qt.QtLibraryInfo, "collect_module", lambda self, name: collected)
    build_trim.leave_out_unused_qt_parts()
    _imports, binaries, datas = qt.QtLibraryInfo.collect_module(None, "PySide6.QtGui")
    assert [Path(source).name for source, _ in binaries] == ["libqxcb.so"]
    assert [Path(source).name for source, _ in datas] == ["qtbase_zh_CN.qm"]


def test_icu_keeps_the_languages_the_program_speaks():
    from app.build_trim import icu_items_dropped
    items = ["root.res", "zh.res", "zh_Hant_TW.res", "en_GB.res", "fr.res", "coll/de_AT.res", "coll/zh.res",
             "sr_Latn_BA.res", "es_419.res", "res_index.res", "pool.res", "coll/pool.res",
             "supplementalData.res", "gb18030.cnv", "windows-950-2000.cnv", "brkitr/cjdict.dict",
             "ibm-1390_P110-2003.cnv", "translit/root.res", "brkitr/thaidict.dict", "cnvalias.icu"]
    # Chinese collation and the break dictionaries go too: Qt reads neither (build_trim)
    assert icu_items_dropped(items) == ["fr.res", "coll/de_AT.res", "coll/zh.res", "sr_Latn_BA.res", "es_419.res",
                                        "brkitr/cjdict.dict", "ibm-1390_P110-2003.cnv", "translit/root.res",
                                        "brkitr/thaidict.dict"]


def test_the_size_summary_counts_every_file_once(tmp_path):
    for name, size in (("_internal/PySide6/Qt/lib/libQt6Core.so.6", 30), ("_internal/PySide6/Qt/lib/libicuuc.so.73", 20),
                       ("_internal/numpy/core.so", 10), ("_internal/resources/indicators.json", 5),
                       ("_internal/libfoo.so", 3)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    parts = build_app.size_by_part(tmp_path)
    assert parts["ICU (Unicode and locale data)"] == 20 and parts["Qt libraries and plugins"] == 30
    assert parts["numpy and OpenBLAS"] == 10 and parts["resources and sample reports"] == 5
    assert parts[build_app.OTHER_PART] == 3 and sum(parts.values()) == build_app.folder_size(tmp_path)


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
                 "__version__", "main.py", "hookspath=[str(HOOKS)]", "leave_out_unused_qt_parts()"):
        assert name in spec
    assert build_app.APP_NAME == "ReportReviewer"
    assert (build_app.HOOKS / "hook-pyqtgraph.py").is_file()


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


# -- installed from a wheel, as `pip install .` leaves it -----------------------------------

# What a wheel is built from; the checkout's build/, dist/ and caches stay out.
WHEEL_SOURCES = ("app", "resources", "seeds", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A wheel of this checkout installed into a fresh virtual environment; returns its bin folder.

    The dependencies come from this interpreter's site-packages through a .pth file (nothing
    is downloaded); only that folder is added, so its own .pth files, such as an editable
    install of this checkout, are not run and cannot shadow the wheel's `app`.
    """
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in WHEEL_SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(work / "dist"),
                          str(source)], check=True, cwd=work)
    [wheel] = (work / "dist").glob("report_reviewer-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(pip + ["--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True)
    return wheel, bin_dir


def run_installed(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "REPORT_REVIEWER_HOME")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(cwd), XDG_CONFIG_HOME=str(cwd), XDG_DATA_HOME=str(cwd))
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def shipped_files(folder: str) -> set[str]:
    """Every file under the checkout's resources/ or seeds/ that the program may read."""
    base = ROOT / folder
    return {path.relative_to(ROOT).as_posix() for path in base.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
            and not (folder == "resources" and path.relative_to(base).parts[0] in build_app.RESOURCES_NOT_BUNDLED)}


@pytest.mark.slow
def test_the_wheel_carries_every_resource_and_seed(installed):
    import zipfile
    wheel, _bin = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"app/{name}" for name in shipped_files("resources") | shipped_files("seeds")}
    assert "app/resources/indicators.json" in expected and "app/seeds" in {n.rsplit("/", 1)[0] for n in expected}
    assert sorted(expected - names) == []
    assert not [name for name in names if name.startswith(tuple(f"app/resources/{n}/" for n in build_app.RESOURCES_NOT_BUNDLED))]


@pytest.mark.slow
def test_the_installed_program_extracts_a_seed_from_another_folder(installed, tmp_path):
    _wheel, bin_dir = installed
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    located = run_installed(bin_dir, "python", "-c", "import app, app.paths; print(app.__file__); "
                            "print(app.paths.resource_path('indicators.json'))", cwd=tmp_path)
    package, indicators = located.stdout.split()
    assert Path(package).is_relative_to(bin_dir.parent) and Path(indicators).is_file()
    result = run_installed(bin_dir, "report-reviewer", "extract", str(seed), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    extracted = json.loads(result.stdout)
    assert extracted["metadata"]["agency"] and extracted["figures"]
    assert any(figure["indicator"] for figure in extracted["figures"])  # the lexicon was found


@pytest.mark.slow
def test_the_installed_program_passes_its_smoke_test(installed, tmp_path):
    _wheel, bin_dir = installed
    result = run_installed(bin_dir, "report-reviewer", "--smoke-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{len(list((ROOT / 'seeds').glob('*.txt')))} reports listed" in result.stdout


@pytest.mark.slow
def test_the_installed_package_adds_itself_to_the_application_menu(installed, tmp_path):
    _wheel, bin_dir = installed
    result = run_installed(bin_dir, "python", "-m", "app.install_desktop", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    entry = read_desktop(tmp_path / "applications" / "report-reviewer.desktop")
    python, *arguments = entry["Exec"].split()
    assert Path(python).parent == bin_dir and arguments == ["-m", "app"]  # no source tree to run
    assert Path(entry["Icon"]).read_bytes() == (ROOT / "resources/icons/app.png").read_bytes()
