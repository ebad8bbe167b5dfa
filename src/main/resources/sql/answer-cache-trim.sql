-- Drops the entries used no later than the first one beyond the bound: at most max-entries remain
-- (fewer when entries used at the same instant straddle the bound).
DELETE FROM answer_cache WHERE last_used_at <= :#CacheLastUsedCutoff
