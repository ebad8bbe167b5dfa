-- The batches the poller asks Azure about: created and not yet ended, with whether their job was cancelled.
SELECT b.id, b.batch_id, b.status, j.cancel_requested
FROM azure_batch b JOIN analysis_job j ON j.id = b.job_id
WHERE b.batch_id IS NOT NULL AND b.status IN ('validating', 'in_progress', 'finalizing', 'cancelling')
ORDER BY b.created_at
