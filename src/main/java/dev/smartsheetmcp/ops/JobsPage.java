package dev.smartsheetmcp.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The request and answer of the jobs page's data ({@code /jobs/data.json}): how many jobs to show,
 * and how soon the page should ask again.
 */
public final class JobsPage {

    private final long refreshMs;
    private final int defaultLimit;
    private final int maxLimit;

    public JobsPage(long refreshMs, int defaultLimit, int maxLimit) {
        this.refreshMs = refreshMs;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    /** The {@code limit} query parameter, capped at the configured most; absent means the default. */
    public int limit(@Header("limit") String requested) {
        if (requested == null || requested.isBlank()) return Math.min(defaultLimit, maxLimit);
        try {
            int limit = Integer.parseInt(requested.strip());
            if (limit >= 1) return Math.min(limit, maxLimit);
        } catch (NumberFormatException e) {
            // answered below, with the field named
        }
        throw new IllegalArgumentException("limit must be a whole number of at least 1 (at most " + maxLimit
                + " jobs are shown)");
    }

    /** The jobs listing with the refresh interval the page polls at. */
    public Map<String, Object> answer(Map<String, Object> listing) {
        Map<String, Object> answer = new LinkedHashMap<>(listing);
        answer.put("refresh_ms", refreshMs);
        return answer;
    }

    /** The body of a refused request. */
    public Map<String, Object> refusal(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        return Map.of("error", cause.getMessage());
    }
}
