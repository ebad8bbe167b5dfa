-- The quotas every instance shares (dev.smartsheetmcp.quota.QuotaStore): one Bucket4j token bucket a
-- row, keyed by quota (a hash of the Smartsheet token, or an Azure OpenAI endpoint and deployment) and
-- its settings; the state is Bucket4j's serialized bucket. PostgreSQL only: with the default HSQLDB
-- file store one process holds its quotas in memory.
CREATE TABLE quota_buckets (
    id VARCHAR(512) PRIMARY KEY,
    state BYTEA
);
