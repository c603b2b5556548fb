"""pytest setup: import the package from the build tree (RELUCERT_PYTHONPATH, set by ctest) or
from the source tree with the library found through relucert/_libpath.py."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pp = os.environ.get("RELUCERT_PYTHONPATH")
if pp:
    sys.path.insert(0, pp)
else:
    sys.path.insert(0, os.path.join(ROOT, "build", "python"))


def data(name):
    return os.path.join(ROOT, "data", name)
