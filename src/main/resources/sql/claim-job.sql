-- Claims one job atomically: the update counts 1 only for the worker whose conditions still held.
UPDATE analysis_job
SET status = 'running', lease_owner = :#Owner, lease_expires_at = :#LeaseUntil, attempts = attempts + 1,
    started_at = COALESCE(started_at, :#Now), updated_at = :#Now
WHERE id = :#JobId
  AND (status = 'queued' OR (status = 'running' AND lease_expires_at < :#Now))
