package dev.smartsheetmcp.mcp.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.Json;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The small JSON body every refusal of the HTTP security layer answers with: {@code {"error":…,"message":…}}. */
final class JsonErrorResponse {

    private static final ObjectMapper JSON = Json.MAPPER;

    private JsonErrorResponse() {
    }

    static void send(Response response, Callback callback, int status, String error, String message) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("error", error, "message", message));
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (Exception e) {
            callback.failed(e);
        }
    }
}
