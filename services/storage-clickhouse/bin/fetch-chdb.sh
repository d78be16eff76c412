#!/usr/bin/env bash
# Fetches libchdb.so, the ClickHouse 26.7 engine as a library, from the npm registry (npm client
# only), checks its SHA-256 and caches it. The ClickHouse tests start a real ClickHouse HTTP server
# from it (see ../README.md). Prints the path of the library; does nothing when the cached copy
# already has the pinned checksum.
set -euo pipefail

VERSION="26.7.3-stable.1"
SHA256="36ad4e999882821ef13cf2d0f52c93f48e6ee1b4498b35a201c23ce4b8d15bf5"
CACHE="${ITA_CHDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ita/chdb/$VERSION}"
LIBRARY="$CACHE/libchdb.so"

matches() {
  [ -f "$LIBRARY" ] && [ "$(sha256sum "$LIBRARY" | cut -d' ' -f1)" = "$SHA256" ]
}

if ! matches; then
  command -v npm >/dev/null 2>&1 || { echo "fetch-chdb: npm is needed to fetch @chdb/lib-linux-x64-gnu" >&2; exit 1; }
  mkdir -p "$CACHE"
  work="$(mktemp -d "$CACHE/fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "fetch-chdb: downloading @chdb/lib-linux-x64-gnu@$VERSION (~178 MB)" >&2
  (cd "$work" && npm pack --silent "@chdb/lib-linux-x64-gnu@$VERSION" >/dev/null \
     && tar -xzf "chdb-lib-linux-x64-gnu-$VERSION.tgz" package/libchdb.so)
  actual="$(sha256sum "$work/package/libchdb.so" | cut -d' ' -f1)"
  if [ "$actual" != "$SHA256" ]; then
    echo "fetch-chdb: libchdb.so has sha256 $actual, expected $SHA256" >&2
    exit 1
  fi
  mv "$work/package/libchdb.so" "$LIBRARY"
fi
echo "$LIBRARY"
