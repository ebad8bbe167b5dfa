package dev.smartsheetmcp.smartsheet;

import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How many requests Smartsheet counts a request as against its limit of 300 a minute: its
 * documentation names attaching a file and getting cell history as resource-intensive operations
 * that count as 10 requests; every other request counts as one. The throttle in
 * routes/smartsheet-client.yaml takes this many from the quota ({@link SmartsheetQuota}) before the request leaves.
 */
public final class RequestWeights {

    /** Smartsheet's figure for its resource-intensive operations. */
    public static final int HEAVY = 10;

    private static final Pattern ATTACH = Pattern.compile("/sheets/\\d+(/rows/\\d+|/comments/\\d+)?/attachments(/\\d+/versions)?");
    private static final Pattern CELL_HISTORY = Pattern.compile("/sheets/\\d+/rows/\\d+/columns/\\d+/history");

    /** The weight of the request on the exchange, from its method and path. */
    public int of(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, "GET", String.class);
        String path = message.getHeader(Exchange.HTTP_PATH, "", String.class);
        if ("POST".equals(method) && ATTACH.matcher(path).matches()) return HEAVY;
        if ("GET".equals(method) && CELL_HISTORY.matcher(path).matches()) return HEAVY;
        return 1;
    }
}
