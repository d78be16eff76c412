#!/usr/bin/env bash
# Load test of the organization overview (rank, trends, weaknesses, next level) over loopback HTTP.
# Needs a running platform with the demo data (the README's run command) and wrk (apt-get install wrk).
# Usage: services/app/bench/overview.sh [base-url] [data-dir]
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-./data}
here=$(cd "$(dirname "$0")" && pwd)
export BENCH_DIR=$here
password=$(awk '$1 == "analyst" {print $3}' "$data/demo-credentials.txt")
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"analyst\",\"password\":\"$password\"}" "$base/api/sign-in" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
codes=$(mktemp)
curl -sf -H "Authorization: Bearer $token" "$base/api/tenants/demo/organizations" \
  | python3 -c 'import json,sys; [print(o["code"]) for o in json.load(sys.stdin)]' > "$codes"
echo "$(wc -l < "$codes") organizations; warming up…"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c8 -d10s -s "$here/overview.lua" "$base" > /dev/null
echo "measuring (every request a different organization):"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c8 -d30s --latency -s "$here/overview.lua" "$base"
rm -f "$codes"
