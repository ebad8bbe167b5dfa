package dev.smartsheetmcp.analysis.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP request of each Files and Batches API operation, for {@code direct:azure-files} and
 * {@code direct:azure-batches}: header {@code AzureOperation} names it ({@code upload}, {@code content},
 * {@code delete}; {@code create}, {@code get}, {@code cancel}), headers {@code AzureFileId} and
 * {@code AzureBatchId} the object. Sets the exchange properties {@code azure-batch-http} sends
 * (method, path, content type) and the body: the multipart request file for an upload, the JSON
 * of a batch to create, nothing otherwise.
 */
public final class AzureBatchRequests {

    public static final String OPERATION = "AzureOperation";
    public static final String HTTP_METHOD = "AzureHttpMethod";
    public static final String HTTP_PATH = "AzureHttpPath";
    public static final String CONTENT_TYPE = "AzureContentType";
    /** Exchange property of an upload: the multipart boundary its file was written with. */
    public static final String MULTIPART_BOUNDARY = "AzureMultipartBoundary";

    private final String batchDeployment;

    public AzureBatchRequests(String batchDeployment) {
        this.batchDeployment = batchDeployment == null ? "" : batchDeployment.trim();
    }

    /** The Global-Batch deployment every request line names. */
    public String deployment() {
        if (batchDeployment.isEmpty()) {
            throw new ToolException("The Batch API needs a Global-Batch deployment: set AZURE_OPENAI_BATCH_DEPLOYMENT");
        }
        return batchDeployment;
    }

    public void files(Exchange exchange) {
        Message message = exchange.getMessage();
        String operation = message.getHeader(OPERATION, String.class);
        String fileId = message.getHeader("AzureFileId", String.class);
        exchange.setProperty(AzureDeployments.CURRENT, deployment());
        switch (operation) {
            case "upload" -> request(exchange, "POST", "/openai/files",
                    "multipart/form-data; boundary=" + exchange.getProperty(MULTIPART_BOUNDARY, String.class));
            case "content" -> bodiless(exchange, "GET", "/openai/files/" + fileId + "/content");
            case "delete" -> bodiless(exchange, "DELETE", "/openai/files/" + fileId);
            default -> throw new IllegalArgumentException("no Files API operation '" + operation + "'");
        }
    }

    public void batches(Exchange exchange) {
        Message message = exchange.getMessage();
        String operation = message.getHeader(OPERATION, String.class);
        String batchId = message.getHeader("AzureBatchId", String.class);
        exchange.setProperty(AzureDeployments.CURRENT, deployment());
        switch (operation) {
            case "create" -> {
                request(exchange, "POST", "/openai/batches", "application/json");
                message.setBody(json(Map.of("input_file_id", message.getHeader("AzureFileId", String.class),
                        "endpoint", "/chat/completions", "completion_window", "24h")));
            }
            case "get" -> bodiless(exchange, "GET", "/openai/batches/" + batchId);
            case "cancel" -> bodiless(exchange, "POST", "/openai/batches/" + batchId + "/cancel");
            default -> throw new IllegalArgumentException("no Batches API operation '" + operation + "'");
        }
    }

    private static void bodiless(Exchange exchange, String method, String path) {
        request(exchange, method, path, "application/json");
        exchange.getMessage().setBody(null);
    }

    private static void request(Exchange exchange, String method, String path, String contentType) {
        exchange.setProperty(HTTP_METHOD, method);
        exchange.setProperty(HTTP_PATH, path);
        exchange.setProperty(CONTENT_TYPE, contentType);
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
