package dev.smartsheetmcp.testing;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport that remembers the JSON-RPC id of the last {@code tools/call} it sent and can
 * send {@code notifications/cancelled} for it on the same session: the Java SDK's client has no API
 * to cancel a request, so the test sends the notification as any client would, on the wire.
 */
public final class CancellingTransport implements McpClientTransport {

    private final McpClientTransport transport;
    private final AtomicReference<Object> lastCallId = new AtomicReference<>();

    public CancellingTransport(McpClientTransport transport) {
        this.transport = transport;
    }

    /** Sends {@code notifications/cancelled} for the last tool call sent. */
    public void cancelLastCall(String reason) {
        Object id = lastCallId.get();
        if (id == null) throw new IllegalStateException("no tool call sent yet");
        transport.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "notifications/cancelled",
                Map.of("requestId", id, "reason", reason))).block();
    }

    public boolean hasSentACall() {
        return lastCallId.get() != null;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return transport.connect(handler);
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        transport.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            lastCallId.set(request.id());
        }
        return transport.sendMessage(message);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
        return transport.unmarshalFrom(data, type);
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
