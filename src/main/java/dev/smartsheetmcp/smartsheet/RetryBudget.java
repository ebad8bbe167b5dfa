package dev.smartsheetmcp.smartsheet;

import dev.smartsheetmcp.upstream.UpstreamDeadline;
import java.util.OptionalLong;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Predicate;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * How long a Smartsheet request keeps retrying (the {@code retryWhile} of routeConfiguration
 * smartsheet-retries). A batch exchange retries up to {@code smartsheet.retry.max-retries} times with
 * the policy's backoff. An interactive one stops sooner, as soon as the next delay would end past
 * its {@link UpstreamDeadline}, which {@link #start} sets {@code smartsheet.interactive.budget-ms}
 * after its first request. Either way the failure then says how many attempts were made and when to
 * try again ({@link SmartsheetUnavailableException#gaveUp}).
 */
public final class RetryBudget implements Predicate {

    /** Exchange property: when the current request's first attempt began (epoch milliseconds). */
    static final String REQUEST_STARTED = "SmartsheetRequestStarted";

    private final long interactiveBudgetMillis;
    private final int maxRetries;
    private final RedeliveryPolicy backoff;

    public RetryBudget(long interactiveBudgetMillis, int maxRetries, RedeliveryPolicy backoff) {
        this.interactiveBudgetMillis = interactiveBudgetMillis;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /** A new request: an interactive exchange's first request starts its deadline. */
    public void start(Exchange exchange) {
        UpstreamDeadline.startIfInteractive(exchange, interactiveBudgetMillis);
        exchange.setProperty(REQUEST_STARTED, System.currentTimeMillis());
    }

    /**
     * Whether to send the failed request again; if not, the failure is told as given up. A predicate
     * bean rather than a bean method, so it sees the exchange itself (the delay it sets is the one waited).
     */
    @Override
    public boolean matches(Exchange exchange) {
        Message message = exchange.getMessage();
        int retry = message.getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Long retryAfter = message.getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        long delay = retryAfter != null ? retryAfter : backoff.calculateRedeliveryDelay(retry == 1 ? 0 : plainDelay(retry - 1), retry);
        OptionalLong remaining = UpstreamDeadline.remainingMillis(exchange);
        if (retry <= maxRetries && (remaining.isEmpty() || delay < remaining.getAsLong())) {
            // the delay just checked is the one waited
            if (remaining.isPresent()) message.setHeader(Exchange.REDELIVERY_DELAY, delay);
            return true;
        }
        // the error handler keeps the failure here while it decides, and hands it on from here
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof SmartsheetUnavailableException last) {
            long started = exchange.getProperty(REQUEST_STARTED, System.currentTimeMillis(), Long.class);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, last.gaveUp(retry, System.currentTimeMillis() - started, delay));
        }
        return false;
    }

    /** The backoff's delay before retry {@code retry}, without jitter. */
    private long plainDelay(int retry) {
        double delay = backoff.getRedeliveryDelay() * Math.pow(backoff.getBackOffMultiplier(), retry - 1);
        return (long) Math.min(delay, backoff.getMaximumRedeliveryDelay());
    }
}
