# Replaces pyinstaller-hooks-contrib's hook for pyqtgraph (hooks here take precedence; the
# spec passes this folder as hookspath). The same collection, without pyqtgraph.opengl:
# the program draws no 3-D plots, PyOpenGL is not installed, and the contrib hook's attempt
# to import it printed a warning in every build; the same for pyqtgraph.jupyter (no Jupyter).
from PyInstaller.utils.hooks import collect_data_files, collect_submodules
from PyInstaller.utils.hooks.qt import exclude_extraneous_qt_bindings

LEFT_OUT = ("pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter")  # examples start a QApplication

datas = collect_data_files("pyqtgraph", excludes=["**/examples/*", "**/opengl/*"])
# The Qt-binding-specific UI templates are imported by name at run time.
hiddenimports = [name for name in collect_submodules(
    "pyqtgraph", filter=lambda name: not name.startswith(LEFT_OUT)) if "Template" in name]
hiddenimports += ["pyqtgraph.multiprocess.bootstrap"]  # for pyqtgraph's multiprocess runtime hook
excludedimports = exclude_extraneous_qt_bindings(hook_name="hook-pyqtgraph", qt_bindings_order=None)
