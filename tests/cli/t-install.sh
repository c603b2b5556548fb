#!/usr/bin/env bash
# The installed library: cmake --install into a temporary prefix, then examples/components.c
# built against it with pkg-config (shared, and static with --static) and with the CMake package
# (examples/cmake: find_package(relucert), shared and static), each run on a network whose
# component count is known (data/toy-obstructed.json: 4).  Also the installed command
# (version from project(VERSION), plot scripts in PREFIX/share/relucert).
# Usage: t-install.sh BUILD/relucert   (run from the source root).
set -eu
bin=$1
build=$(cd "$(dirname "$bin")" && pwd)
src=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# uses_lib EXE: EXE loads librelucert.so from the installed libdir
uses_lib() {
  local f
  f=$(ldd "$1" | awk '/librelucert\.so/ { print $3 }')
  [ -n "$f" ] && [ "$(dirname "$(realpath "$f")")" = "$(realpath "$libdir")" ]
}

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log" >&2; fail "cmake --install"; }
p=$tmp/prefix
pc=$(find "$p" -name relucert.pc | head -n 1)
[ -n "$pc" ] || fail "no relucert.pc under the prefix"
libdir=$(dirname "$(dirname "$pc")")
for f in include/relucert/version.h include/relucert/net.h include/relucert/err.h bin/relucert \
         share/relucert/plot_flow.py share/relucert/plot_replay.py; do
  [ -f "$p/$f" ] || fail "$f not installed"
done
ls "$libdir"/librelucert.so.* >/dev/null 2>&1 || fail "no librelucert.so.VERSION in $libdir"
[ -f "$libdir/librelucert.a" ] || fail "no librelucert.a"
[ -f "$libdir/cmake/relucert/relucertConfig.cmake" ] || fail "no relucertConfig.cmake"
[ -f "$libdir/cmake/relucert/relucertConfigVersion.cmake" ] || fail "no relucertConfigVersion.cmake"

# one version: project(VERSION) in CMakeLists.txt = relucert --version = version.h = relucert.pc
want=$(sed -n 's/^project(relucert VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ -n "$want" ] || fail "no project(VERSION) in CMakeLists.txt"
got=$("$p/bin/relucert" --version)
[ "$got" = "relucert $want" ] || fail "installed relucert --version: '$got', want 'relucert $want'"
grep -q "RC_VERSION_STRING \"$want\"" "$p/include/relucert/version.h" || fail "version.h"
export PKG_CONFIG_PATH=$libdir/pkgconfig
[ "$(pkg-config --modversion relucert)" = "$want" ] || fail "pkg-config --modversion"

# the installed command runs from the prefix (RPATH $ORIGIN/../lib), not from the build tree
out=$("$p/bin/relucert" inspect data/toy-obstructed.json --json) || fail "installed relucert inspect"
echo "$out" | grep -q '"components": "4"' || fail "installed relucert inspect: components"
uses_lib "$p/bin/relucert" || fail "installed relucert does not use $libdir"

cc=${CC:-cc}
# a sanitizer build installs a sanitized library: its clients are compiled the same way
san=""
if grep -q '^RC_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  san="-fsanitize=address,undefined"
fi
# pkg-config, shared library
$cc $san -o "$tmp/comp-pc" examples/components.c $(pkg-config --cflags --libs relucert) \
    -Wl,-rpath,"$libdir" || fail "cc with pkg-config --cflags --libs relucert"
[ "$("$tmp/comp-pc" data/toy-obstructed.json)" = "components: 4" ] || fail "components (pkg-config)"
uses_lib "$tmp/comp-pc" || fail "components (pkg-config) not linked to the installed library"
# pkg-config --static, static library
$cc $san -o "$tmp/comp-static" examples/components.c -static-libgcc \
    $(pkg-config --cflags relucert) "$libdir/librelucert.a" $(pkg-config --libs --static relucert | sed 's/-lrelucert//') \
    || fail "cc with librelucert.a and pkg-config --libs --static"
[ "$("$tmp/comp-static" data/toy-obstructed.json)" = "components: 4" ] || fail "components (static)"
! ldd "$tmp/comp-static" | grep -q librelucert || fail "static build still needs librelucert.so"

# the CMake package, shared and static
for kind in OFF ON; do
  cmake -S examples/cmake -B "$tmp/cm-$kind" -DCMAKE_PREFIX_PATH="$p" -DRELUCERT_STATIC=$kind \
        -DCMAKE_C_FLAGS="$san" -DCMAKE_EXE_LINKER_FLAGS="$san" \
        -DCMAKE_BUILD_TYPE=Release >"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log" >&2; fail "configure examples/cmake ($kind)"; }
  cmake --build "$tmp/cm-$kind" >"$tmp/cm.log" 2>&1 || { cat "$tmp/cm.log" >&2; fail "build examples/cmake ($kind)"; }
  [ "$("$tmp/cm-$kind/components" data/toy-obstructed.json)" = "components: 4" ] \
    || fail "components (find_package, RELUCERT_STATIC=$kind)"
done
uses_lib "$tmp/cm-OFF/components" || fail "find_package build not linked to the installed library"
# a version the package does not provide is refused
mkdir -p "$tmp/cv"
printf 'cmake_minimum_required(VERSION 3.16)\nproject(v LANGUAGES C)\nfind_package(relucert 99.0 REQUIRED)\n' \
  >"$tmp/cv/CMakeLists.txt"
! cmake -S "$tmp/cv" -B "$tmp/cv/b" -DCMAKE_PREFIX_PATH="$p" >/dev/null 2>&1 || fail "find_package(relucert 99.0) accepted"
# the prefix is relocatable: the command (RPATH $ORIGIN/../lib) and relucert.pc (${pcfiledir})
mv "$p" "$tmp/moved"
[ "$("$tmp/moved/bin/relucert" --version)" = "relucert $want" ] || fail "moved prefix: relucert --version"
mlib=$tmp/moved/${libdir#"$p"/}
[ "$(PKG_CONFIG_PATH=$mlib/pkgconfig pkg-config --variable=libdir relucert | xargs realpath)" = "$(realpath "$mlib")" ] \
  || fail "moved prefix: relucert.pc libdir"
echo "install: ok (prefix, pkg-config shared/static, find_package shared/static, version $want)"
