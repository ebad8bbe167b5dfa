-- The last-use time of the first entry beyond the analysis.cache.max-entries most recently used, or none.
SELECT last_used_at FROM answer_cache ORDER BY last_used_at DESC OFFSET :#CacheMaxEntries ROWS FETCH NEXT 1 ROWS ONLY
