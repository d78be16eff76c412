-- Several nodes may load into one database: a LOADING batch names the node that loads it and when that
-- node last said it was still at work, so a starting node fails only batches whose loader is gone.
ALTER TABLE ingest_batch ADD COLUMN owner VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE ingest_batch ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
UPDATE ingest_batch SET heartbeat_at = started_at;
CREATE INDEX ix_ingest_batch_status ON ingest_batch (tenant_id, status);

-- Organizations and aliases a batch registered are visible once that batch is published, and are
-- removed when it fails (NULL: registered before batches carried them, always visible).
ALTER TABLE organization ADD COLUMN batch_id BIGINT;
ALTER TABLE organization_alias ADD COLUMN batch_id BIGINT;
CREATE INDEX ix_organization_batch ON organization (batch_id);
CREATE INDEX ix_organization_alias_batch ON organization_alias (batch_id);
-- Two loads may add the same spelling at once; reads show it once.
ALTER TABLE organization_alias DROP CONSTRAINT uq_organization_alias;
CREATE INDEX ix_organization_alias_organization ON organization_alias (organization_id);

-- Each tenant's publication version: publishing a batch adds one, in its transaction. Readers holding
-- a copy of current scores compare it; the row lock also makes a tenant's publications take turns.
CREATE TABLE tenant_publication (
    tenant_id VARCHAR(40) PRIMARY KEY,
    version   BIGINT      NOT NULL
);
INSERT INTO tenant_publication (tenant_id, version)
    SELECT tenant_id, COUNT(*) FROM ingest_batch WHERE status = 'PUBLISHED' GROUP BY tenant_id;
