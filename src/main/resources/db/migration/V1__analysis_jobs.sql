-- The durable job queue. Same SQL on HSQLDB and PostgreSQL.

CREATE TABLE analysis_job (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    sheet_id           BIGINT         NOT NULL,
    analysis_type      VARCHAR(16)    NOT NULL,
    source_columns     VARCHAR(4000)  NOT NULL,
    source_column_ids  VARCHAR(4000)  NOT NULL,
    target_column      VARCHAR(1000)  NOT NULL,
    target_column_id   BIGINT         NOT NULL,
    row_filter         VARCHAR(16000),
    custom_goal        VARCHAR(4000),
    system_prompt      VARCHAR(16000) NOT NULL,
    initial_prompt     VARCHAR(16000) NOT NULL,
    continuation_prompt VARCHAR(16000) NOT NULL,
    max_tokens         INTEGER        NOT NULL,
    only_empty_target  BOOLEAN        NOT NULL,
    priority           INTEGER        NOT NULL,
    batch_size         INTEGER        NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    cancel_requested   BOOLEAN        NOT NULL,
    total_rows         INTEGER        NOT NULL,
    written_rows       INTEGER        NOT NULL,
    failed_rows        INTEGER        NOT NULL,
    skipped_rows       INTEGER        NOT NULL,
    trimmed_rows       INTEGER        NOT NULL,
    batch_count        INTEGER        NOT NULL,
    batches_done       INTEGER        NOT NULL,
    reason             VARCHAR(4000),
    lease_owner        VARCHAR(200),
    lease_expires_at   TIMESTAMP,
    attempts           INTEGER        NOT NULL,
    created_at         TIMESTAMP      NOT NULL,
    started_at         TIMESTAMP,
    updated_at         TIMESTAMP      NOT NULL,
    finished_at        TIMESTAMP
);

CREATE INDEX analysis_job_claim ON analysis_job (status, priority, created_at);
CREATE INDEX analysis_job_sheet ON analysis_job (sheet_id, status);

-- One work item per row: its state, its answer or its error, so progress is durable per row.
-- state: pending -> answered (model answer stored, not yet in Smartsheet) -> written; or failed, skipped.
CREATE TABLE analysis_row (
    job_id       VARCHAR(36)    NOT NULL,
    row_id       BIGINT         NOT NULL,
    position     INTEGER        NOT NULL,
    batch_index  INTEGER        NOT NULL,
    state        VARCHAR(16)    NOT NULL,
    content      VARCHAR(32000),
    result       VARCHAR(4000),
    error        VARCHAR(4000),
    deployment   VARCHAR(200),
    trimmed      BOOLEAN        NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    PRIMARY KEY (job_id, row_id),
    CONSTRAINT analysis_row_job FOREIGN KEY (job_id) REFERENCES analysis_job (id) ON DELETE CASCADE
);

CREATE INDEX analysis_row_batch ON analysis_row (job_id, batch_index, state);
