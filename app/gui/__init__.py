"""The Qt reviewer window. Imports the core and the store, never the other way round."""
import sys

if sys.version_info < (3, 12):
    # PySide6 6.12 on Python 3.11 drops a reference to None/True/False on every call that
    # returns one (measured: 1,000 QLabel.setText calls = 1,000 refs to None lost), so a long
    # review session dies with "Fatal Python error: none_dealloc". Python 3.12+ makes these
    # objects immortal; give 3.11 the same by pinning a huge reference count on them, once.
    import ctypes

    for _singleton in (None, True, False, NotImplemented, Ellipsis):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
