#!/usr/bin/env bash
# Builds the FerretDB launcher (tools/ferretdb) used by the Mongo adapter's
# tests into the user cache (kept across clones). Needs Go and the Go module proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRAWL_FERRETDB_BIN:-${XDG_CACHE_HOME:-$HOME/.cache}/trawl/bin/ferretdb-1.24.0}"
[ -x "$out" ] && { echo "FerretDB already built: $out"; exit 0; }
mkdir -p "$(dirname "$out")"
(cd tools/ferretdb && GOFLAGS=-mod=mod go build -o "$out" .)
echo "built $out"
