#!/usr/bin/env bash
# One command from a fresh clone to a running Briefbot: `bash scripts/run.sh ask "What will Trend Micro provide?"`
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
exec node "$repo_root/bin/briefbot.js" "$@"
