-- Drops answers stored longer ago than analysis.cache.max-age-hours (lookups ignore them already).
DELETE FROM answer_cache WHERE created_at < :#CacheStoredSince
