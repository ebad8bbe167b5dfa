package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.smartsheetmcp.toolkit.Json;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Runs before a row update is sent again after an answer that never came (or came garbled): it
 * reads the rows' current values and drops from the request the rows that already hold them,
 * so no row is written twice. When nothing is left, the request is marked already applied and
 * the HTTP call is skipped.
 */
public final class RowWriteReconciler implements Processor {

    /** Header: the update was applied already; answer success without sending it. */
    public static final String ALREADY_APPLIED = "SmartsheetAlreadyApplied";

    private static final ObjectMapper JSON = Json.MAPPER;

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        boolean update = "PUT".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))
                && exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class).endsWith("/rows");
        if (!update || !(cause instanceof SmartsheetUnavailableException unavailable) || !unavailable.ambiguous()) {
            return;
        }
        ArrayNode rows = (ArrayNode) JSON.readTree(exchange.getMessage().getBody(String.class));
        Map<Long, JsonNode> current = currentRows(exchange, rows);
        ArrayNode remaining = JSON.createArrayNode();
        rows.forEach(row -> {
            if (!applied(row, current.get(row.path("id").asLong()))) remaining.add(row);
        });
        if (remaining.isEmpty()) {
            exchange.getMessage().setHeader(ALREADY_APPLIED, true);
        } else {
            exchange.getMessage().setBody(JSON.writeValueAsString(remaining));
        }
    }

    private static Map<Long, JsonNode> currentRows(Exchange exchange, ArrayNode rows) {
        Set<String> rowIds = new LinkedHashSet<>();
        Set<String> columnIds = new LinkedHashSet<>();
        rows.forEach(row -> {
            rowIds.add(row.path("id").asText());
            row.path("cells").forEach(cell -> columnIds.add(cell.path("columnId").asText()));
        });
        ProducerTemplate producer = exchange.getContext().createProducerTemplate();
        Map<String, Object> headers = new HashMap<>();
        headers.put("SheetId", exchange.getMessage().getHeader("SheetId"));
        headers.put("SheetQuery", "rowIds=" + String.join(",", rowIds) + "&columnIds=" + String.join(",", columnIds));
        JsonNode sheet = producer.requestBodyAndHeaders("direct:smartsheet-get-sheet", null, headers, JsonNode.class);
        Map<Long, JsonNode> byId = new HashMap<>();
        sheet.path("rows").forEach(row -> byId.put(row.path("id").asLong(), row));
        return byId;
    }

    /** Whether every cell the update writes already holds the value it writes. */
    private static boolean applied(JsonNode intended, JsonNode current) {
        if (current == null) return false;
        Map<String, String> values = new HashMap<>();
        current.path("cells").forEach(cell -> values.put(cell.path("columnId").asText(), text(cell)));
        for (JsonNode cell : intended.path("cells")) {
            if (!text(cell).equals(values.get(cell.path("columnId").asText()))) return false;
        }
        return true;
    }

    private static String text(JsonNode cell) {
        JsonNode objectValue = cell.path("objectValue");
        if (objectValue.has("values")) {
            StringBuilder values = new StringBuilder("[");
            objectValue.path("values").forEach(value -> values.append(value.asText()).append(','));
            return values.append(']').toString();
        }
        return cell.path("value").isMissingNode() || cell.path("value").isNull() ? "" : cell.path("value").asText();
    }
}
