# Shared by the scripts: finds a Python >= 3.14.2 or falls back to a Debian sid chroot,
# and runs commands inside the chosen test or runtime environment.
# shellcheck shell=bash
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${THINQ_VOICE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/thinq-voice}"
SID_ROOT="$CACHE_DIR/sid-root"
MIN_PYTHON="3.14.2"
# The Home Assistant that `scripts/demo` and `scripts/e2e` run. Unit tests run on the
# Home Assistant that pytest-homeassistant-custom-component pins (see requirements-test.txt).
HA_RUNTIME_VERSION="2026.11.0"

log() { printf '\033[1;34m[thinq-voice]\033[0m %s\n' "$*" >&2; }

python_is_new_enough() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 14, 2) else 1)' 2>/dev/null
}

# Prints the path of a host Python >= 3.14.2, or nothing.
find_host_python() {
  local candidate found
  for candidate in "${THINQ_VOICE_PYTHON:-}" python3.16 python3.15 python3.14 python3; do
    [ -n "$candidate" ] || continue
    found="$(command -v "$candidate" 2>/dev/null)" || continue
    if python_is_new_enough "$found"; then
      printf '%s\n' "$found"
      return 0
    fi
  done
  if command -v uv >/dev/null 2>&1; then
    found="$(uv python find ">=$MIN_PYTHON" 2>/dev/null)" || found=""
    if [ -n "$found" ] && python_is_new_enough "$found"; then
      printf '%s\n' "$found"
      return 0
    fi
  fi
  return 0
}

HOST_PYTHON="$(find_host_python)"
if [ -n "$HOST_PYTHON" ] && [ -z "${THINQ_VOICE_FORCE_CHROOT:-}" ]; then
  ENV_MODE="host"
  VENV_BASE="$CACHE_DIR/venvs"
else
  ENV_MODE="chroot"
  VENV_BASE="/opt/thinq-voice"
fi
TEST_VENV="$VENV_BASE/test"
RUN_VENV="$VENV_BASE/run"
# The unit tests and strict mypy also run on the Home Assistant users run ($HA_RUNTIME_VERSION).
TEST_RUNTIME_HA_VENV="$VENV_BASE/test-2611"

# The Debian mirror the host's apt already uses (never hard-coded).
debian_mirror() {
  local mirror
  mirror="$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)"
  if [ -z "$mirror" ]; then
    mirror="$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)"
  fi
  if [ -z "$mirror" ]; then
    log "cannot find a Debian mirror in /etc/apt; set THINQ_VOICE_DEBIAN_MIRROR"
    return 1
  fi
  printf '%s\n' "${THINQ_VOICE_DEBIAN_MIRROR:-$mirror}"
}

ensure_mount() {
  # ensure_mount SOURCE TARGET [mount options...]
  local source="$1" target="$2"
  shift 2
  mkdir -p "$target"
  if ! mountpoint -q "$target"; then
    mount "$@" "$source" "$target"
  fi
}

ensure_chroot_mounts() {
  ensure_mount proc "$SID_ROOT/proc" -t proc
  ensure_mount /dev "$SID_ROOT/dev" --bind
  ensure_mount devpts "$SID_ROOT/dev/pts" -t devpts -o newinstance,ptmxmode=0666 2>/dev/null || true
  ensure_mount /dev/shm "$SID_ROOT/dev/shm" --bind
  # A checkout deleted and cloned again at the same path leaves the old bind mount pointing at
  # the deleted directory: mount the new one instead.
  if mountpoint -q "$SID_ROOT$REPO_DIR" && [ ! -e "$SID_ROOT$REPO_DIR/scripts/_env.sh" ]; then
    umount -l "$SID_ROOT$REPO_DIR"
  fi
  ensure_mount "$REPO_DIR" "$SID_ROOT$REPO_DIR" --bind
  cp -f /etc/resolv.conf "$SID_ROOT/etc/resolv.conf"
  cp -f /etc/ssl/certs/ca-certificates.crt "$SID_ROOT/etc/ssl/certs/ca-certificates.crt"
}

ensure_chroot() {
  [ "$ENV_MODE" = "chroot" ] || return 0
  local marker="$SID_ROOT/.thinq-voice-ready-v1"
  if [ ! -f "$marker" ]; then
    log "no Python >= $MIN_PYTHON on this machine: building a Debian sid root in $SID_ROOT (one time)"
    if ! command -v debootstrap >/dev/null 2>&1; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    fi
    local mirror
    mirror="$(debian_mirror)"
    rm -rf "$SID_ROOT"
    mkdir -p "$SID_ROOT"
    debootstrap --variant=minbase --include=python3.14,python3.14-venv,python3.14-dev,g++,ca-certificates \
      sid "$SID_ROOT" "$mirror" >"$CACHE_DIR/debootstrap.log" 2>&1 || {
      tail -n 30 "$CACHE_DIR/debootstrap.log" >&2
      return 1
    }
    mkdir -p "$SID_ROOT/etc/ssl/certs"
    touch "$marker"
  fi
  ensure_chroot_mounts
}

# The simulator's push runs a real MQTT broker: Debian's mosquitto, in the chroot or on the host.
ensure_mosquitto() {
  if [ "$ENV_MODE" = "chroot" ]; then
    [ -x "$SID_ROOT/usr/sbin/mosquitto" ] && return 0
    log "installing mosquitto (the simulator's MQTT broker) into $SID_ROOT"
    # The chroot follows a snapshot-like mirror whose Release file may be past its Valid-Until date.
    chroot "$SID_ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false update -qq
    chroot "$SID_ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
    return 0
  fi
  command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing mosquitto (the simulator's MQTT broker) with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
  else
    log "mosquitto is missing: install it (sudo apt-get install mosquitto) for the demo's push; tests of push are skipped"
  fi
}

# The browser tests (tests/browser) drive Debian's chromium through Playwright, never a downloaded
# browser; CJK fonts let it draw Korean (and Japanese and Chinese) text in the UI and its screenshots.
BROWSER_PACKAGES=(chromium fonts-noto-cjk)
ensure_chromium() {
  if [ "$ENV_MODE" = "chroot" ]; then
    [ -x "$SID_ROOT/usr/bin/chromium" ] && [ -d "$SID_ROOT/usr/share/fonts/opentype/noto" ] && return 0
    log "installing chromium and CJK fonts (the browser tests' browser) into $SID_ROOT"
    chroot "$SID_ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get -o Acquire::Check-Valid-Until=false update -qq
    chroot "$SID_ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${BROWSER_PACKAGES[@]}" >/dev/null
    return 0
  fi
  command -v chromium >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium and CJK fonts (the browser tests' browser) with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${BROWSER_PACKAGES[@]}" >/dev/null
  else
    log "chromium is missing: install it (sudo apt-get install chromium fonts-noto-cjk) for the browser tests"
  fi
}

# run_browser_tests [SCREENSHOT_DIR]: tests/browser in the runtime environment (Playwright, pytest and
# the Home Assistant the demo runs); screenshots go to SCREENSHOT_DIR, else to a temporary dir. The
# unit suite's coverage options are not for them.
run_browser_tests() {
  in_env "$RUN_VENV" env THINQ_VOICE_SCREENSHOTS="${1:-}" python -m pytest -o addopts= -p no:cacheprovider \
    -W ignore::pytest.PytestConfigWarning tests/browser
}

# in_env VENV COMMAND...: runs COMMAND from the repository root with VENV's bin first on PATH.
in_env() {
  local venv="$1"
  shift
  if [ "$ENV_MODE" = "host" ]; then
    (cd "$REPO_DIR" && PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv" "$@")
  else
    ensure_chroot_mounts
    local quoted
    printf -v quoted '%q ' "$@"
    chroot "$SID_ROOT" /usr/bin/env -i \
      HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
      PATH="$venv/bin:/usr/local/bin:/usr/bin:/bin" VIRTUAL_ENV="$venv" \
      THINQ_VOICE_IN_CHROOT=1 SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt UV_NATIVE_TLS=1 \
      /bin/bash -c "cd $(printf '%q' "$REPO_DIR") && exec $quoted"
  fi
}

python_for_venv() {
  if [ "$ENV_MODE" = "host" ]; then
    printf '%s\n' "$HOST_PYTHON"
  else
    printf '%s\n' /usr/bin/python3.14
  fi
}
