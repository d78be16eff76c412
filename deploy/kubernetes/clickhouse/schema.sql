-- Generated from ClickHouseSchema (cluster "ita", database "ita"); the platform runs the same DDL at start-up
-- in cluster mode (ITA_CLICKHOUSE_CLUSTER=ita). Regenerate: ./mvnw -pl services/storage-clickhouse -am test
-- -Dtest=ClickHouseSchemaTest -Dita.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false

CREATE DATABASE IF NOT EXISTS ita ON CLUSTER ita ENGINE = Atomic;

CREATE TABLE IF NOT EXISTS ita.ita_schema_migration ON CLUSTER ita (version UInt32, description String, applied_at DateTime DEFAULT now())
ENGINE = ReplicatedMergeTree('/clickhouse/ita/ita/ita_schema_migration', '{replica}')
ORDER BY version;

CREATE TABLE IF NOT EXISTS ita.score_fact_local ON CLUSTER ita (
    tenant_id       LowCardinality(String),
    batch_id        UInt64,
    organization_id UInt64,
    fiscal_year     UInt16,
    metric          LowCardinality(String),
    provenance      Enum8('D' = 1, 'R' = 2),
    score           Float64
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/ita/score_fact', '{replica}')
PARTITION BY fiscal_year
ORDER BY (tenant_id, fiscal_year, organization_id, metric, batch_id, provenance)
SETTINGS replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ita.score_fact ON CLUSTER ita AS ita.score_fact_local
ENGINE = Distributed(ita, ita, score_fact_local, sipHash64(tenant_id, organization_id));

CREATE TABLE IF NOT EXISTS ita.quality_finding_local ON CLUSTER ita (
    tenant_id       LowCardinality(String),
    batch_id        UInt64,
    organization_id UInt64,
    fiscal_year     UInt16,
    seq             UInt32,
    metric          LowCardinality(String),
    kind            LowCardinality(String),
    reported        String,
    derived         String,
    message         String
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/ita/quality_finding', '{replica}')
PARTITION BY tuple()
ORDER BY (tenant_id, batch_id, organization_id, fiscal_year, seq)
SETTINGS replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ita.quality_finding ON CLUSTER ita AS ita.quality_finding_local
ENGINE = Distributed(ita, ita, quality_finding_local, sipHash64(tenant_id, organization_id));
