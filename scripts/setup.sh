#!/usr/bin/env bash
# Sets up a fresh machine for trawl: system packages (redis-server; Chromium
# and Go when running as root), npm packages, the FerretDB test server, and
# the TypeScript build. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ "$(id -u)" = 0 ]; then
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  command -v go >/dev/null 2>&1 || [ -x /usr/local/go/bin/go ] || need_apt+=(golang-go)
  # promtool (checks the /metrics output in the tests).
  command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
  # docker-compose and yamllint check the deployment recipes (test/deploy).
  command -v docker-compose >/dev/null 2>&1 || need_apt+=(docker-compose)
  command -v yamllint >/dev/null 2>&1 || need_apt+=(yamllint)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages: ${need_apt[*]}. Install them (apt-get install ${need_apt[*]}) or run this as root." >&2
    exit 1
  fi
  log "installing system packages: ${need_apt[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

log "installing npm packages"
# better-sqlite3 compiles against the local Node headers when no prebuilt binary can be downloaded.
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
npm ci --no-audit --no-fund

log "building the FerretDB test server"
PATH="$PATH:/usr/local/go/bin" bash scripts/build-ferretdb.sh || echo "FerretDB could not be built: the Mongo adapter's tests will fail (set MONGO_URL to use a MongoDB instead)" >&2

log "building trawl"
npx tsc -p tsconfig.json
chmod +x dist/src/cli/main.js
echo "setup done"
