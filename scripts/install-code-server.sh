#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 in a browser) offline, from npm + apt only,
# into <repo>/.cache/code-server. See /work/shared/recipes/code-server.md.
#
#   bash scripts/install-code-server.sh          # idempotent: no-op when already installed
#   FORCE=1 bash scripts/install-code-server.sh  # reinstall
#
# Prints the entry point on success:  .cache/code-server/node_modules/code-server/out/node/entry.js
set -euo pipefail

CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"
log() { printf '[install-code-server] %s\n' "$*" >&2; }

installed_ok() {
  [ -f "$ENTRY" ] || return 1
  local v
  v="$(node "$ENTRY" --version 2>/dev/null)" || return 1   # no '| head': SIGPIPE + pipefail
  # Any line, not the first: on a machine without ~/.config/code-server, the first run logs
  # "Wrote default config file" before the version.
  local line
  while IFS= read -r line; do
    case "$line" in "$CS_VERSION "*|"$CS_VERSION") return 0 ;; esac
  done <<<"$v"
  return 1
}

if [ -z "${FORCE:-}" ] && installed_ok; then
  log "code-server $CS_VERSION already installed at $DIR"
  echo "$ENTRY"
  exit 0
fi

# --- system packages (native modules' headers, ripgrep); installed only when missing -------------
APT_PKGS=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing apt packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to apt-get install ${missing[*]}"; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
RG="$(command -v rg || true)"
[ -n "$RG" ] || { log "ripgrep (rg) not found after apt install"; exit 1; }

# --- npm steps, exactly as in the recipe ---------------------------------------------------------
T0=$SECONDS
# Only ever delete a previous install of ours (never an arbitrary CODE_SERVER_DIR).
if [ -d "$DIR" ] && [ -n "$(ls -A "$DIR")" ]; then
  if [ -f "$DIR/package.json" ] && [ -d "$DIR/node_modules" ] || [ "$DIR" = "$ROOT/.cache/code-server" ]; then
    rm -rf "$DIR"
  else
    log "$DIR exists and is not a code-server install; refusing to delete it"; exit 1
  fi
fi
mkdir -p "$DIR"
cd "$DIR"
npm init -y >/dev/null
log "npm install code-server@$CS_VERSION (no scripts)"
npm install --no-audit --no-fund --ignore-scripts "code-server@$CS_VERSION"

cd node_modules/code-server/lib/vscode
log "npm install lib/vscode production deps"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
# @vscode/ripgrep's postinstall would download rg from GitHub: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules"
npm_config_yes=true npm rebuild kerberos node-pty @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid
ln -sfn node_modules node_modules.asar
log "npm install lib/vscode/extensions production deps"
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
cd ../../../..
npm rebuild argon2

if ! installed_ok; then
  log "installed, but '$ENTRY --version' does not report $CS_VERSION:"
  node "$ENTRY" --version >&2 || true
  exit 1
fi
log "code-server $CS_VERSION installed in $((SECONDS - T0)) s"
echo "$ENTRY"
