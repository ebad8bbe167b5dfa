package dev.smartsheetmcp.analysis.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.toolkit.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a Files or Batches API answer: a 2xx JSON body becomes a JsonNode; a file's content is
 * streamed to a file under the data directory (never held in memory) and becomes its Path; any
 * other status becomes the same typed errors as a chat completion's ({@link AzureResponses#failure}),
 * so the shared retry policy and circuit breaker treat them alike. A 429's retry-after is honoured.
 */
public final class AzureBatchResponses {

    private final Path downloads;

    public AzureBatchResponses(Path downloads) {
        this.downloads = downloads;
    }

    public Object read(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String deployment = exchange.getProperty(AzureDeployments.CURRENT, String.class);
        try (InputStream body = message.getBody(InputStream.class)) {
            if (status >= 200 && status < 300) {
                return "content".equals(message.getHeader(AzureBatchRequests.OPERATION, String.class)) ? save(body)
                        : json(body);
            }
            if (status == 429) {
                Long retryAfter = AzureResponses.retryAfterMillis(message);
                if (retryAfter != null) message.setHeader(Exchange.REDELIVERY_DELAY, retryAfter);
            }
            JsonNode answer = json(body);
            throw AzureResponses.failure(status, answer.path("error"), deployment);
        }
    }

    private Path save(InputStream body) throws IOException {
        Files.createDirectories(downloads);
        Path file = downloads.resolve("download-" + UUID.randomUUID() + ".jsonl");
        if (body == null) return Files.createFile(file);
        Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static JsonNode json(InputStream body) {
        try {
            JsonNode node = body == null ? null : Json.MAPPER.readTree(body);
            return node == null ? Json.MAPPER.missingNode() : node;
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}
