#!/usr/bin/env bash
# Load test of chart rendering, and of the overview and a public endpoint while charts are under load,
# over loopback HTTP. Needs a running platform with the demo data (the README's run command) and wrk.
# Usage: services/app/bench/charts.sh [base-url] [data-dir] [seconds]
set -euo pipefail
base=${1:-http://localhost:8080}
data=${2:-./data}
seconds=${3:-30}
here=$(cd "$(dirname "$0")" && pwd)
password=$(awk '$1 == "analyst" {print $3}' "$data/demo-credentials.txt")
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"analyst\",\"password\":\"$password\"}" "$base/api/sign-in" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
codes=$(mktemp)
curl -sf -H "Authorization: Bearer $token" "$base/api/tenants/demo/organizations" \
  | python3 -c 'import json,sys; [print(o["code"]) for o in json.load(sys.stdin)]' > "$codes"
echo "$(wc -l < "$codes") organizations; load before: $(cut -d' ' -f1-3 /proc/loadavg); warming up…"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c4 -d10s -s "$here/charts.lua" "$base" > /dev/null
out=$(mktemp -d)
echo "measuring for ${seconds}s: 100 connections asking for PNG charts (a different organization each), and meanwhile"
echo "4 connections asking for overviews and 1 for the public frameworks list (/api/frameworks)"
TOKEN=$token CODES_FILE=$codes wrk -t1 -c100 -d"${seconds}s" --timeout 10s --latency -s "$here/charts.lua" "$base" > "$out/charts.txt" &
charts=$!
sleep 2
TOKEN=$token CODES_FILE=$codes wrk -t1 -c4 -d"$((seconds - 4))s" --timeout 10s --latency -s "$here/overview.lua" "$base" > "$out/overview.txt" &
overview=$!
wrk -t1 -c1 -d"$((seconds - 4))s" --timeout 10s --latency "$base/api/frameworks" > "$out/public.txt" &
public=$!
wait $charts $overview $public
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in charts overview public; do
  echo "== $name"
  cat "$out/$name.txt"
done
rm -rf "$out" "$codes"
