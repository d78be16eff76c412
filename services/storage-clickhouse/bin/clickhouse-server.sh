#!/usr/bin/env bash
# Runs a real ClickHouse 26.7 HTTP server from libchdb.so in the foreground, for benchmarks and trying
# the ClickHouse store by hand (the tests start their own). Stops with Ctrl-C or when stdin closes.
#   services/storage-clickhouse/bin/clickhouse-server.sh [PORT (8123)] [DATA_DIR (./data/clickhouse)]
# Then e.g.: ITA_STORE_FACTS=clickhouse ITA_CLICKHOUSE_URL=jdbc:clickhouse://127.0.0.1:8123 java -jar …
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:-8123}"
data="${2:-./data/clickhouse}"
mkdir -p "$data"
library="${ITA_CHDB_LIBRARY:-$("$here/fetch-chdb.sh")}"
script="$here/../src/test/resources/th/ita/storage/clickhouse/testing/chdb_server.py"
echo "ClickHouse HTTP on 127.0.0.1:$port, data in $data (libchdb: $library)" >&2
# The server runs until its stdin closes: keep a pipe open for as long as this script runs.
exec python3 "$script" "$library" "$(cd "$data" && pwd)" "$port" < <(tail -f /dev/null)
