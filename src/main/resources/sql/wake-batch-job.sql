-- A batch ended: its parked job becomes claimable now (a job some worker holds is left alone).
UPDATE analysis_job SET lease_expires_at = :#Now
WHERE id = :#JobId AND status = 'running' AND lease_owner IS NULL
