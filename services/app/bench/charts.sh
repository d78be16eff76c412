#!/usr/bin/env bash
# Load test of chart rendering, and of the overview, a public endpoint and /health while charts are under load,
# over loopback HTTP. Needs a running platform with the demo data (the README's run command) and wrk.
# Usage: services/app/bench/charts.sh [base-url] [data-dir] [seconds]
#
# One caller (the demo analyst) floods: 100 connections asking for PNG charts, each of a different organization
# (cache misses: every chart must be drawn), re-asking at once whatever the answer (wrk ignores Retry-After). Meanwhile
# the same analyst asks for overviews on 4 connections, anyone for the public /api/frameworks and /health on one
# each, and another caller (the demo tenant admin) asks for one chart every 500 ms, as a dashboard user would.
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-./data}
seconds=${3:-30}
here=$(cd "$(dirname "$0")" && pwd)
export BENCH_DIR=$here
sign_in() {
  local password
  password=$(awk -v user="$1" '$1 == user {print $3}' "$data/demo-credentials.txt")
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$base/api/sign-in" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
token=$(sign_in analyst)
other=$(sign_in admin)
codes=$(mktemp)
curl -sf -H "Authorization: Bearer $token" "$base/api/tenants/demo/organizations" \
  | python3 -c 'import json,sys; [print(o["code"]) for o in json.load(sys.stdin)]' > "$codes"
echo "$(wc -l < "$codes") organizations; load before: $(cut -d' ' -f1-3 /proc/loadavg); warming up…"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c4 -d10s -s "$here/charts.lua" "$base" > /dev/null
# The warm-up may have spent the analyst's chart budget: let it refill before measuring.
sleep 20
out=$(mktemp -d)
echo "measuring for ${seconds}s: 100 connections of the analyst asking for PNG charts (a different organization each),"
echo "and meanwhile the analyst's overviews (4 connections), /api/frameworks and /health (1 each), and the admin's charts (1 every 500 ms)"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c100 -d"${seconds}s" --timeout 10s --latency -s "$here/charts.lua" "$base" > "$out/charts.txt" &
charts=$!
sleep 2
rest=$((seconds - 4))
TOKEN=$token CODES_FILE=$codes wrk -t1 -c4 -d"${rest}s" --timeout 10s --latency -s "$here/overview.lua" "$base" > "$out/overview.txt" &
overview=$!
wrk -t1 -c1 -d"${rest}s" --timeout 10s --latency -s "$here/statuses.lua" "$base/api/frameworks" > "$out/public.txt" &
public=$!
wrk -t1 -c1 -d"${rest}s" --timeout 10s --latency -s "$here/statuses.lua" "$base/health" > "$out/health.txt" &
health=$!
TOKEN=$other CODES_FILE=$codes DELAY_MS=500 OFFSET=3000 wrk -t1 -c1 -d"${rest}s" --timeout 10s --latency -s "$here/charts.lua" "$base" \
  > "$out/other-caller-charts.txt" &
paced=$!
wait $charts $overview $public $health $paced
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in charts overview public health other-caller-charts; do
  echo "== $name"
  cat "$out/$name.txt"
done
rm -rf "$out" "$codes"
