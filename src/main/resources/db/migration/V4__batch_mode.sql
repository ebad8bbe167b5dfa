-- Jobs through the Azure OpenAI Batch API, and token usage by deployment and mode. Same SQL on
-- HSQLDB and PostgreSQL.

-- mode: 'online' (chat completions, paced to the RPM/TPM quota) or 'batch' (the Batch API).
ALTER TABLE analysis_job ADD COLUMN mode VARCHAR(8) DEFAULT 'online' NOT NULL;
ALTER TABLE schedule ADD COLUMN mode VARCHAR(8) DEFAULT 'online' NOT NULL;

-- batch_ref: for a batch-mode job's pending row, NULL = still to submit, the azure_batch id it was
-- submitted in, or 'online' = to be answered through the online path (an error line retried, an
-- expired line, a row sharing its text with a submitted row). batch_submissions: how often submitted.
ALTER TABLE analysis_row ADD COLUMN batch_ref VARCHAR(36);
ALTER TABLE analysis_row ADD COLUMN batch_submissions INTEGER DEFAULT 0 NOT NULL;

-- One request file submitted as one Azure batch. status: Azure's batch status, or 'uploading' until
-- the batch exists; collected: its output and error files were read into the rows; files_deleted:
-- its input, output and error files were deleted from Azure.
CREATE TABLE azure_batch (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    job_id             VARCHAR(36)    NOT NULL,
    part               INTEGER        NOT NULL,
    input_file_id      VARCHAR(100),
    batch_id           VARCHAR(100),
    status             VARCHAR(16)    NOT NULL,
    request_total      INTEGER        NOT NULL,
    request_completed  INTEGER        NOT NULL,
    request_failed     INTEGER        NOT NULL,
    output_file_id     VARCHAR(100),
    error_file_id      VARCHAR(100),
    errors             VARCHAR(4000),
    collected          BOOLEAN        NOT NULL,
    files_deleted      BOOLEAN        NOT NULL,
    created_at         TIMESTAMP      NOT NULL,
    updated_at         TIMESTAMP      NOT NULL,
    CONSTRAINT azure_batch_job FOREIGN KEY (job_id) REFERENCES analysis_job (id) ON DELETE CASCADE
);

CREATE INDEX azure_batch_open ON azure_batch (status, collected);
CREATE INDEX azure_batch_of_job ON azure_batch (job_id);

-- Tokens Azure billed a job, by deployment and mode (what the estimated cost is computed from).
CREATE TABLE job_usage (
    job_id             VARCHAR(36)    NOT NULL,
    deployment         VARCHAR(200)   NOT NULL,
    mode               VARCHAR(8)     NOT NULL,
    requests           INTEGER        NOT NULL,
    prompt_tokens      BIGINT         NOT NULL,
    completion_tokens  BIGINT         NOT NULL,
    PRIMARY KEY (job_id, deployment, mode),
    CONSTRAINT job_usage_job FOREIGN KEY (job_id) REFERENCES analysis_job (id) ON DELETE CASCADE
);
