-- Fenced leases and the instances that hold them. Same SQL on HSQLDB and PostgreSQL.

-- lease_epoch: incremented at each claim; a worker's writes of the job's progress carry the epoch
-- it claimed, so a worker whose lease was taken over writes nothing. Lease times come from the
-- database's clock (CURRENT_TIMESTAMP), with their time zone, so instances' clocks and zones do
-- not matter.
ALTER TABLE analysis_job ADD COLUMN lease_epoch INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE analysis_job ALTER COLUMN lease_expires_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;

-- One row per NODE_ID (jobs.node-id): the instance that runs under it now (instance_id, new at
-- each start) and its heartbeat by the database's clock. An instance refuses to start under a
-- NODE_ID whose heartbeat is fresh and still advancing.
CREATE TABLE job_node (
    node_id       VARCHAR(200)              NOT NULL PRIMARY KEY,
    instance_id   VARCHAR(36)               NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE  NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE  NOT NULL
);
