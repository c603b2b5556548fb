/* The double-double kernel when the compiler may contract a * b + c into an FMA.
   CMakeLists.txt compiles this file with -ffp-contract=fast (and -march=native where the
   compiler has it, so that FMA instructions exist on x86); it includes src/flow/ddball.c, so the
   copy under test is compiled as it would be in a library built without the project's
   -ffp-contract=off: by a build that does not use CMakeLists.txt, or by GCC in its default GNU
   mode (-std=gnu11/gnu17 implies -ffp-contract=fast) on any FMA target (every aarch64; x86 with
   -march=native or x86-64-v3).  Veltkamp's split c = (2^27 + 1) a; ah = c - (c - a) is then
   evaluated as c - fma(2^27 + 1, a, -a), the halves are no longer 26-bit, Dekker's error term is
   wrong (GCC 12 gives e = 0 for 0.1 * 0.1) and the dot's midpoint misses the exact product by
   far more than its radius.  Every check of t-ddball.c (containment against exact rationals,
   the hand-computed cases, the golden bit-for-bit hash) must pass on this copy too. */
#include "../../src/flow/ddball.c"
#include "t-ddball.c"
