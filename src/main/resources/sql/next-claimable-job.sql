-- The job to claim next: queued, or running on a lease that expired (its worker died).
-- Highest priority first, then oldest.
SELECT id FROM analysis_job
WHERE status = 'queued' OR (status = 'running' AND lease_expires_at < :#Now)
ORDER BY priority DESC, created_at ASC, id ASC
LIMIT 1
