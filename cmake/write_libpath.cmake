# Writes the build tree's python/relucert/_libpath.py: the absolute path of librelucert_cmd.
file(WRITE ${OUT} "import os\ndef resolve(here):\n    return '${LIB}'\n")
