#!/usr/bin/env bash
# Installs the Debian 12 packages relucert needs, only those that are missing (run as root).
# RC_DEPS_MINIMAL=1 skips the optional Python stack (plots, the PyTorch example).
set -eu
core="build-essential cmake pkg-config libflint-dev libflint-arb-dev libmpfr-dev libgmp-dev
      libcunit1-dev libzip-dev jq"
optional="clang python3 python3-numpy python3-matplotlib python3-sklearn python3-torch python3-mpmath
          python3-pytest libopenmpi-dev openmpi-bin"
want="$core"
[ "${RC_DEPS_MINIMAL:-0}" = 1 ] || want="$want $optional"
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing packages:$missing (run as root to install them)" >&2
    exit 1
  fi
  echo "install-deps: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # core packages must install; optional ones are tried one by one so one absent package
  # (e.g. python3-torch on a minimal mirror) does not block the rest
  core_missing=""; opt_missing=""
  for p in $missing; do
    case " $core " in *" $p "*) core_missing="$core_missing $p";; *) opt_missing="$opt_missing $p";; esac
  done
  [ -z "$core_missing" ] || apt-get install -y -qq --no-install-recommends $core_missing
  for p in $opt_missing; do
    apt-get install -y -qq --no-install-recommends "$p" || echo "install-deps: optional package $p not installed" >&2
  done
fi
echo "install-deps: all required packages present"
