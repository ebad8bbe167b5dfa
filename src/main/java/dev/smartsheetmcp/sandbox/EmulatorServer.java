package dev.smartsheetmcp.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server for an in-process emulator: it owns the socket, the worker
 * threads, latency and fault injection, and leaves the API itself to {@link #serve}.
 * Emulators are test doubles; the production path never starts one.
 */
public abstract class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    protected static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
        // would wait ~40 ms for the client's delayed ACK, a latency no real API has.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final FaultInjector faults;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;

    protected EmulatorServer(String name, FaultInjector faults) {
        this.name = name;
        this.faults = faults;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public synchronized EmulatorServer start(int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", this::dispatch);
        server.start();
        LOG.info("{} emulator listening on {}", name, origin());
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            server = null;
        }
    }

    /** Scheme, host and port, such as {@code http://127.0.0.1:41234}. */
    public String origin() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Requests received since start, faulted ones included. */
    public long requestCount() {
        return requests.get();
    }

    /** Answers one request that passed latency and fault injection. */
    protected abstract void serve(HttpExchange exchange) throws IOException;

    /** Answers a request picked for an injected rate limit or server error, in the API's own format. */
    protected abstract void serveInjectedFault(HttpExchange exchange, FaultInjector.Fault fault) throws IOException;

    private void dispatch(HttpExchange exchange) {
        requests.incrementAndGet();
        ARRIVAL.set(now());
        try (exchange) {
            pause(faults.latency().toMillis());
            FaultInjector.Fault fault = faults.draw();
            switch (fault) {
                case NONE -> serve(exchange);
                case SLOW -> serveLate(exchange);
                case MALFORMED -> sendRaw(exchange, 200, "{\"truncated\": [", Map.of());
                case DROP -> { /* closing without a status line drops the connection */ }
                default -> serveInjectedFault(exchange, fault);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} emulator request ended early: {}", name, e.toString());
        } finally {
            ARRIVAL.remove();
        }
    }

    /** The emulator's clock, in nanoseconds. */
    protected long now() {
        return System.nanoTime();
    }

    /**
     * When the request being served arrived, on {@link #now()}: before the injected latency, so
     * rate limits count arrivals as a real service does, however long the answer then takes.
     */
    protected static long arrivalNanos() {
        return ARRIVAL.get();
    }

    /**
     * A slow answer: the request is carried out at once, the answer leaves only after the slow
     * delay, so a client that gave up meanwhile cannot know whether it was applied.
     */
    private void serveLate(HttpExchange exchange) throws IOException {
        ANSWER_DELAY.set(faults.slowDelay().toMillis());
        try {
            serve(exchange);
        } finally {
            ANSWER_DELAY.remove();
        }
    }

    private static final ThreadLocal<Long> ANSWER_DELAY = new ThreadLocal<>();
    private static final ThreadLocal<Long> ARRIVAL = new ThreadLocal<>();

    private static void pause(long millis) {
        if (millis <= 0) return;
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    protected static void sendJson(HttpExchange exchange, int status, Object body, Map<String, String> headers)
            throws IOException {
        sendRaw(exchange, status, JSON.writeValueAsString(body), headers);
    }

    /** A binary answer, such as a file download. */
    protected static void sendBytes(HttpExchange exchange, int status, byte[] bytes, String contentType) throws IOException {
        Long delay = ANSWER_DELAY.get();
        if (delay != null) pause(delay);
        exchange.getResponseHeaders().set("Content-Type", contentType == null ? "application/octet-stream" : contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    protected static void sendRaw(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Long delay = ANSWER_DELAY.get();
        if (delay != null) pause(delay);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        headers.forEach((key, value) -> exchange.getResponseHeaders().set(key, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
