-- Retention: the record of schedule firings older than the cutoff (list_schedules counts what is kept).
DELETE FROM schedule_firing
WHERE fired_at < :#PurgeBefore
