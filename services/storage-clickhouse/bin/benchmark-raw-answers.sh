#!/usr/bin/env bash
# Raw-answer scale in ClickHouse: generates 20 million survey answers (respondent × question × agency
# × year) inside a running ClickHouse, then computes indicator scores per agency from them and times
# both. Usage: benchmark-raw-answers.sh [HTTP_URL (http://127.0.0.1:8123)] [ROWS (20000000)]
set -euo pipefail
url="${1:-http://127.0.0.1:8123}"
rows="${2:-20000000}"
q() { curl -sS --fail-with-body "$url/?async_insert=0&mutations_sync=2" --data-binary "$1"; }
timed() { local started ended; started=$(date +%s.%N); q "$2" >/dev/null; ended=$(date +%s.%N);
          awk -v a="$started" -v b="$ended" -v l="$1" 'BEGIN { printf "%-44s %8.2f s\n", l, b - a }'; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
q "CREATE DATABASE IF NOT EXISTS ita_bench ENGINE = Atomic"
q "DROP TABLE IF EXISTS ita_bench.answer SYNC"
# One row per answer, one national year (2568) as the issue sizes it: 1.4 million respondents over
# 8,300 agencies (~169 each); 88 % internal (IIT: questions i1–i15, indicators 1–5, three questions
# each), 12 % external (EIT: e1–e9, indicators 6–8); answers 0–100. 20 million rows in all.
q "CREATE TABLE ita_bench.answer (
     tenant_id LowCardinality(String), fiscal_year UInt16, agency_id UInt32, respondent_id UInt32,
     question LowCardinality(String), indicator UInt8, answer UInt8)
   ENGINE = MergeTree PARTITION BY fiscal_year ORDER BY (tenant_id, fiscal_year, agency_id, indicator, question, respondent_id)"
timed "generate and insert $rows answers" "
  INSERT INTO ita_bench.answer
  SELECT 'demo', 2568, agency, r, if(internal, concat('i', toString(q + 1)), concat('e', toString(q + 1))),
         if(internal, intDiv(q, 3) + 1, intDiv(q, 3) + 6),
         toUInt8(least(100, greatest(0, 55 + agency % 35 + toInt32(cityHash64(r, q) % 31) - 15)))
  FROM (SELECT number AS r, r % 8300 + 1 AS agency, cityHash64(r) % 100 < 88 AS internal FROM numbers(intDiv($rows, 14) + 1))
  ARRAY JOIN range(if(internal, 15, 9)) AS q
  LIMIT $rows"
q "OPTIMIZE TABLE ita_bench.answer FINAL" >/dev/null || true
q "SELECT 'rows', sum(rows), 'compressed MiB', round(sum(data_compressed_bytes) / 1048576, 1), 'uncompressed MiB',
          round(sum(data_uncompressed_bytes) / 1048576, 1), 'bytes/row', round(sum(data_compressed_bytes) / sum(rows), 2)
   FROM system.parts WHERE database = 'ita_bench' AND table = 'answer' AND active FORMAT TSV"
# Item score = mean answer of the agency's respondents to that question; indicator = mean of its items.
aggregate="SELECT fiscal_year, agency_id, indicator, round(avg(item), 2) AS score, sum(answers) AS answers
  FROM (SELECT fiscal_year, agency_id, indicator, question, avg(answer) AS item, count() AS answers
        FROM ita_bench.answer WHERE tenant_id = 'demo' GROUP BY fiscal_year, agency_id, indicator, question)
  GROUP BY fiscal_year, agency_id, indicator ORDER BY fiscal_year, agency_id, indicator FORMAT Null"
for run in 1 2 3; do timed "indicator scores per agency, run $run" "$aggregate"; done
timed "one agency, one year (agency 57)" "SELECT indicator, round(avg(answer), 2) FROM ita_bench.answer
  WHERE tenant_id = 'demo' AND fiscal_year = 2568 AND agency_id = 57 GROUP BY indicator FORMAT Null"
q "SELECT fiscal_year, count(DISTINCT agency_id) AS agencies, count(DISTINCT respondent_id) AS respondents, count(DISTINCT (agency_id, indicator)) AS agency_indicators, count() AS answers FROM ita_bench.answer GROUP BY fiscal_year ORDER BY fiscal_year FORMAT PrettyCompactNoEscapes"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
