"""The shared library behind the package, found relative to this file (no LD_LIBRARY_PATH).

The commands of relucert are C functions in ``librelucert_cmd.so`` (the command layer over
``librelucert.so``); :func:`run` calls one in this process and returns what it wrote:
``(status, stdout_text, stderr_text)``.  Calls are serialized by a lock (the command layer keeps
its output streams in process-wide variables).
"""
import ctypes
import os
import threading

_HERE = os.path.dirname(os.path.abspath(__file__))
_LOCK = threading.Lock()
_LIB = None


def _candidates():
    try:
        from . import _libpath  # written by CMake: the build tree's or the install's location
        yield _libpath.resolve(_HERE)
    except ImportError:
        pass
    # installed layout: PREFIX/lib/python3/dist-packages/relucert -> PREFIX/lib
    for rel in ("../../..", "../../../..", "../../../../lib", ".."):
        for name in ("librelucert_cmd.so",):
            yield os.path.normpath(os.path.join(_HERE, rel, name))


def _load():
    global _LIB
    if _LIB is not None:
        return _LIB
    tried = []
    for path in _candidates():
        if path and os.path.exists(path):
            lib = ctypes.CDLL(path)
            lib.rc_cmd_run_capture.argtypes = [
                ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
                ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
                ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
            lib.rc_cmd_run_capture.restype = ctypes.c_int
            lib.rc_cmd_free.argtypes = [ctypes.c_void_p]
            lib.rc_cmd_free.restype = None
            lib.rc_cmd_version.argtypes = []
            lib.rc_cmd_version.restype = ctypes.c_char_p
            _LIB = lib
            return lib
        tried.append(path)
    raise ImportError("relucert: cannot find librelucert_cmd.so (looked at %s); build and install "
                      "relucert with cmake --install" % ", ".join(tried))


def version():
    return _load().rc_cmd_version().decode()


def run(args):
    """Runs ``relucert ARGS...`` in this process: returns (status, stdout, stderr) as text."""
    lib = _load()
    argv = (ctypes.c_char_p * len(args))(*[os.fsencode(a) for a in args])
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    nout, nerr = ctypes.c_size_t(), ctypes.c_size_t()
    with _LOCK:
        status = lib.rc_cmd_run_capture(ctypes.byref(out), ctypes.byref(nout), ctypes.byref(err),
                                        ctypes.byref(nerr), len(args), argv)
    try:
        o = ctypes.string_at(out, nout.value).decode("utf-8", "replace") if out.value else ""
        e = ctypes.string_at(err, nerr.value).decode("utf-8", "replace") if err.value else ""
    finally:
        lib.rc_cmd_free(out)
        lib.rc_cmd_free(err)
    return status, o, e
