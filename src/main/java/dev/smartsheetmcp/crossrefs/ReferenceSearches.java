package dev.smartsheetmcp.crossrefs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.smartsheet.SmartsheetApiException;
import dev.smartsheetmcp.toolkit.CallCancellation;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * Steps of {@code smartsheet_find_sheet_references}, around the {@link ReferenceSearch} in variable search;
 * a call the client cancelled stops after the folder or sheet it is reading.
 */
public final class ReferenceSearches {

    private int defaultMaxChars = 20_000;
    private int maxSheets = 100;

    public void setDefaultMaxChars(int defaultMaxChars) { this.defaultMaxChars = defaultMaxChars; }

    public void setMaxSheets(int maxSheets) { this.maxSheets = maxSheets; }

    public ReferenceSearch start(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        return ReferenceSearch.of(arguments, args.id("target_sheet_id"), args.optionalId("workspace_id").orElse(null),
                defaultMaxChars, maxSheets);
    }

    public void takeContainer(@Variable("search") ReferenceSearch search, @Body JsonNode container, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        search.takeContainer(container);
    }

    public void scanned(@Variable("search") ReferenceSearch search, @Variable("scannedSheet") String sheetId, @Body JsonNode listed,
                        Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        search.scanned(sheetId, listed);
    }

    public void unreadable(@Variable("search") ReferenceSearch search, @Variable("scannedSheet") String sheetId,
                           @ExchangeProperty("CamelExceptionCaught") SmartsheetApiException error, Exchange exchange) {
        CallCancellation.throwIfCancelled(exchange);
        search.unreadable(sheetId, error);
    }

    public Map<String, Object> answer(@Variable("search") ReferenceSearch search) {
        return search.answer();
    }
}
