"""What the double-click build leaves out of Qt, and the shrinking done after PyInstaller.

Measured on Linux (`strace -f -e openat` on `--smoke-test`, `readelf -d` on each plugin):
the program needs Qt's Core, Gui, Widgets, OpenGL (pyqtgraph imports it), Test (pyqtgraph
too) and DBus (Gui links it; the ibus input method talks through it), the xcb and
offscreen platforms and the input-method plugins. Everything here is a rule by pattern, so
a Python package added later is bundled as before; only Qt's plugins and translations, the
ICU locale data and the interpreter's debug symbols are trimmed.
"""
from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Qt files, as "plugins/<type>/<file>" or "translations/<file>", that are not bundled.
QT_PARTS_DROPPED = (
    "plugins/platformthemes/*gtk3*",  # links the build machine's GTK stack (cairo, pango, …) into the bundle
    "plugins/platforms/*eglfs*", "plugins/platforms/*linuxfb*", "plugins/platforms/*vnc*",
    "plugins/platforms/*vkkhrdisplay*", "plugins/platforms/*minimalegl*",  # kiosk and remote screens
    "plugins/egldeviceintegrations/*",
    "plugins/generic/*",  # evdev and TUIO input of kiosks; TUIO pulls in QtNetwork
    "plugins/imageformats/*",  # PNG is built into Qt, and the program reads no other picture
    "plugins/iconengines/*",  # SVG icons; pulls in QtSvg
    "plugins/platforms/*wayland*", "plugins/wayland-*",  # a Wayland desktop runs it through XWayland
)
QT_TRANSLATIONS_KEPT = ("zh_CN", "en")  # Qt's own texts (dialog buttons) in the program's languages

# ICU's locale data (the bulk of libicudata) is kept for these languages; ICU falls back to
# its root locale for any other. Item names such as "coll/de_AT.res" or "fr.res".
ICU_LANGUAGES_KEPT = ("en", "zh", "root")
_ICU_LOCALE_ITEM = re.compile(r"^([a-z]{2,3}|root)(_[A-Z][a-z]{3})?(_(?:[A-Z]{2}|[0-9]{3}))?(_[A-Z0-9]+)?\.res$")


def qt_file_kept(relative: str) -> bool:
    """Whether a Qt file ("plugins/platforms/libqxcb.so", "translations/qtbase_de.qm") is bundled."""
    if relative.startswith("translations/"):
        stem = Path(relative).stem
        return any(stem.endswith(f"_{language}") for language in QT_TRANSLATIONS_KEPT)
    return not any(fnmatch.fnmatch(relative, pattern) for pattern in QT_PARTS_DROPPED)


def leave_out_unused_qt_parts() -> None:
    """Make PyInstaller's Qt hooks skip the dropped plugins and translations.

    Filtering where the hooks collect (not the finished bundle) keeps out the libraries
    only those plugins link, and the warnings about them. Called from the spec file.
    """
    from PyInstaller.utils.hooks import qt

    collect = qt.QtLibraryInfo.collect_module
    if getattr(collect, "trimmed", False):
        return

    def collect_module(self, module_name):
        hiddenimports, binaries, datas = collect(self, module_name)
        return hiddenimports, _kept(binaries), _kept(datas)

    collect_module.trimmed = True
    qt.QtLibraryInfo.collect_module = collect_module


def _kept(entries: list) -> list:
    kept = []
    for source, destination in entries:
        parts = Path(destination).parts
        inside_qt = "/".join(parts[parts.index("Qt") + 1:]) if "Qt" in parts else "/".join(parts[1:])
        if qt_file_kept(f"{inside_qt}/{Path(source).name}"):
            kept.append((source, destination))
    return kept


# Other ICU data Qt never reads for this program: legacy-encoding converters (reports are
# decoded in Python; Qt's own UTF-8/16 and Latin-1 need none; the Chinese ones stay),
# transliteration rules, character names, the break iterators with their dictionaries (Qt
# breaks text with its own Unicode tables, not ICU's; the CJK dictionary alone is 2 MB) and
# Chinese collation (only QCollator reads it, which the program does not use; a file dialog
# sorting with it falls back to the root order).
ICU_ITEMS_DROPPED = ("*.cnv", "translit/*", "unames.icu", "brkitr/*", "coll/zh*.res")
ICU_ITEMS_KEPT = ("gb18030*.cnv", "windows-936*.cnv", "windows-950*.cnv", "ibm-1375_*.cnv")  # GBK, Big5, HKSCS


def icu_items_dropped(items: list[str]) -> list[str]:
    """ICU data items of locales whose language the program does not speak, and ICU_ITEMS_DROPPED."""
    dropped = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        match = _ICU_LOCALE_ITEM.match(name)
        if match and match.group(1) not in ICU_LANGUAGES_KEPT:
            dropped.append(item)
        elif (any(fnmatch.fnmatch(item, pattern) for pattern in ICU_ITEMS_DROPPED)
              and not any(fnmatch.fnmatch(name, pattern) for pattern in ICU_ITEMS_KEPT)):
            dropped.append(item)
    return dropped


def shrink_icu_data(folder: Path) -> str:
    """Rebuild the bundle's libicudata with the kept locales only (Linux; 31 MB down to about 15).

    Needs ICU's `icupkg` and a C compiler; without them the full data stays, and the
    returned line says so. Item dependencies (a kept locale's parent) are kept.
    """
    libraries = sorted(folder.rglob("libicudata.so.*"))
    tools = [shutil.which(name) for name in ("icupkg", "objcopy", "cc")]
    if not libraries or not all(tools):
        return "ICU data kept whole (icupkg, objcopy or cc not found)"
    icupkg, objcopy, cc = tools
    library = next(path for path in libraries if not path.is_symlink())
    symbol = _icu_data_symbol(library)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # icupkg wants the package's own name (icudt73l.dat: l for little-endian) on both files
        package = f"{symbol[:-len('_dat')]}{'l' if sys.byteorder == 'little' else 'b'}.dat"
        (work / "whole").mkdir()
        (work / "subset").mkdir()
        whole, subset = work / "whole" / package, work / "subset" / package
        subprocess.run([objcopy, "-O", "binary", "--only-section=.rodata", str(library), str(whole)], check=True)
        items = subprocess.run([icupkg, "-l", str(whole)], check=True, capture_output=True, text=True).stdout.split()
        dropped = icu_items_dropped(items)
        for _ in range(20):  # each pass keeps the parents the last one found missing
            listing = work / "dropped.txt"
            listing.write_text("\n".join(dropped) + "\n", encoding="utf-8")
            result = subprocess.run([icupkg, "-r", str(listing), str(whole), str(subset)],
                                    capture_output=True, text=True)
            missing = set(re.findall(r"depends on missing item (\S+)", result.stdout + result.stderr))
            if not missing:
                break
            dropped = [item for item in dropped if item not in missing]
        if result.returncode != 0:
            return f"ICU data kept whole (icupkg failed: {result.stderr.strip()[:200]})"
        source = work / "icudata.S"
        source.write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
            f'.incbin "{subset}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8")
        rebuilt = work / library.name
        subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(rebuilt), str(source)],
                       check=True)
        before = library.stat().st_size
        shutil.copyfile(rebuilt, library)
    return (f"ICU data: {len(dropped)} items left out (other languages, converters, transliteration), "
            f"{before / 2**20:.0f} MB -> {library.stat().st_size / 2**20:.0f} MB")


def _icu_data_symbol(library: Path) -> str:
    """ICU finds its data by a versioned symbol, icudt<major>_dat."""
    major = library.name.split(".so.")[-1].split(".")[0]
    return f"icudt{major}_dat"


# Wheel libraries shipped with their symbols that strip leaves working (PDFium: 8.3 -> 7.1 MB;
# chardet's compiled detector 1.8 -> 0.2 MB). Others are left alone: strip breaks some (numpy's
# OpenBLAS, whose program headers auditwheel rewrote). The built binary's PDF extract in CI
# loads both.
STRIPPED_WHEEL_LIBRARIES = ("libpdfium.so", "_kernel.cpython-*.so", "*__mypyc.cpython-*.so")


def strip_interpreter(folder: Path) -> str:
    """Drop the debug symbols of the Python interpreter's own libraries (a pyenv build keeps
    them: 23 MB of libpython), and the local symbols of STRIPPED_WHEEL_LIBRARIES."""
    strip = shutil.which("strip")
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    interpreter = [path for path in files if path.name.startswith("libpython") or "lib-dynload" in path.parts]
    wheels = [path for path in files if any(path.match(pattern) for pattern in STRIPPED_WHEEL_LIBRARIES)]
    if strip is None or not interpreter + wheels:
        return "interpreter left as built (strip not found)" if interpreter + wheels else ""
    before = sum(path.stat().st_size for path in interpreter + wheels)
    for option, targets in (("--strip-debug", interpreter), ("--strip-unneeded", wheels)):
        if targets:
            subprocess.run([strip, option, *map(str, targets)], check=True)
    after = sum(path.stat().st_size for path in interpreter + wheels)
    return f"debug symbols stripped (interpreter, PDFium, chardet): {before / 2**20:.0f} MB -> {after / 2**20:.0f} MB"
