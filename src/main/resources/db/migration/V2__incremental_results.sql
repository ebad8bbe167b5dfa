-- Incremental runs and the answer cache. Same SQL on HSQLDB and PostgreSQL.

-- spec_hash: SHA-256 of what decides an answer apart from the row's text (AnalysisHashes.spec).
-- unchanged_rows and edited_rows are skipped rows of an incremental job, counted apart;
-- edited_rows also counts edits overwritten with overwrite_edited.
ALTER TABLE analysis_job ADD COLUMN spec_hash        VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE analysis_job ADD COLUMN incremental      BOOLEAN     DEFAULT FALSE NOT NULL;
ALTER TABLE analysis_job ADD COLUMN overwrite_edited BOOLEAN     DEFAULT FALSE NOT NULL;
ALTER TABLE analysis_job ADD COLUMN unchanged_rows   INTEGER     DEFAULT 0 NOT NULL;
ALTER TABLE analysis_job ADD COLUMN edited_rows      INTEGER     DEFAULT 0 NOT NULL;
ALTER TABLE analysis_job ADD COLUMN cache_hits       INTEGER     DEFAULT 0 NOT NULL;
ALTER TABLE analysis_job ADD COLUMN cache_misses     INTEGER     DEFAULT 0 NOT NULL;

-- content_hash: SHA-256 of the row's text as sent; skip_reason: why a skipped row was skipped.
ALTER TABLE analysis_row ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE analysis_row ADD COLUMN skip_reason  VARCHAR(200);

-- The last answer written per target cell, replaced in the commit of the batch that wrote it:
-- an incremental run compares a row's hashes and its target cell against it.
CREATE TABLE row_result (
    sheet_id          BIGINT         NOT NULL,
    target_column_id  BIGINT         NOT NULL,
    row_id            BIGINT         NOT NULL,
    spec_hash         VARCHAR(64)    NOT NULL,
    content_hash      VARCHAR(64)    NOT NULL,
    written_value     VARCHAR(4000)  NOT NULL,
    job_id            VARCHAR(36)    NOT NULL,
    written_at        TIMESTAMP      NOT NULL,
    PRIMARY KEY (sheet_id, target_column_id, row_id)
);

-- Answers by (spec, text): identical text under the same spec gets the stored answer, no model call.
-- Bounded by analysis.cache.max-entries (least recently used go first) and analysis.cache.max-age-hours.
CREATE TABLE answer_cache (
    spec_hash     VARCHAR(64)    NOT NULL,
    content_hash  VARCHAR(64)    NOT NULL,
    answer        VARCHAR(4000)  NOT NULL,
    trimmed       BOOLEAN        NOT NULL,
    deployment    VARCHAR(200),
    created_at    TIMESTAMP      NOT NULL,
    last_used_at  TIMESTAMP      NOT NULL,
    hits          INTEGER        NOT NULL,
    PRIMARY KEY (spec_hash, content_hash)
);

CREATE INDEX answer_cache_last_used ON answer_cache (last_used_at);
CREATE INDEX answer_cache_created ON answer_cache (created_at);
