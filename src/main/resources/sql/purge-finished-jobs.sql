-- Retention: finished jobs that ended before the cutoff; their analysis_row rows go with them
-- (ON DELETE CASCADE). Queued and running jobs are never touched.
DELETE FROM analysis_job
WHERE status IN ('completed', 'failed', 'cancelled')
  AND finished_at < :#PurgeBefore
