package dev.smartsheetmcp.sandbox.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.smartsheetmcp.sandbox.EmulatorServer;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Azure OpenAI chat completions service, for sandbox mode, tests and benchmarks.
 *
 * <p>Paths: {@code POST /openai/deployments/{deployment}/chat/completions?api-version=YYYY-MM-DD[-preview]}
 * and {@code POST /openai/v1/chat/completions} with {@code "model": "{deployment}"}. Checks run in
 * Azure's order: key ({@code api-key: <key>}, or {@code Authorization: Bearer <key>}, the key standing
 * in for an Entra ID token) → path and api-version → deployment → body → rate limits → answer.
 * On the v1 path the deployment is named in the body, so a body that is not JSON is refused before
 * the deployment is looked up.
 *
 * <p>Answers come from {@link DeterministicAnswers}, for the {@link AnalysisKind} the system message
 * asks for and the last user message. Markers in that message force the content filter
 * ({@value DeterministicAnswers#FILTER_PROMPT_MARKER}: 400 {@code content_filter};
 * {@value DeterministicAnswers#FILTER_ANSWER_MARKER}: 200 with {@code finish_reason "content_filter"}
 * and no content). Prompt tokens are {@code o200k_base} counts of the messages with their chat
 * framing ({@link ChatRequest#promptTokens}).
 * Limits are per deployment, evaluated over short periods as Azure does ({@link DeploymentLimits}); every answer
 * given once the deployment is known carries {@code x-ratelimit-remaining-requests} and
 * {@code x-ratelimit-remaining-tokens}. Injected faults: RATE_LIMIT answers 429 with
 * {@code retry-after-ms} 1,000 (see {@link #injectedRetryAfter}); SERVER_ERROR answers 500 or 503, half and half from the seeded source.
 */
public final class AzureOpenAiEmulator extends EmulatorServer {

    private static final Pattern DATED_PATH = Pattern.compile("/openai/deployments/([^/]+)/chat/completions");
    private static final String V1_PATH = "/openai/v1/chat/completions";
    /** The Files and Batches APIs, dated ({@code /openai/files}) or v1 ({@code /openai/v1/files}). */
    private static final Pattern BATCH_PATH = Pattern.compile("/openai/(v1/)?(files|batches)(?:/([^/]+))?(?:/(content|cancel))?");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private final String apiKey;
    private final int evaluationSeconds;
    private final LongSupplier nanoClock;
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final BatchService batches;
    private volatile long injectedRetryAfterMillis = 1_000;

    /** Rate limits evaluated each second, on the system clock. */
    public AzureOpenAiEmulator(FaultInjector faults, String apiKey) {
        this(faults, apiKey, 1, System::nanoTime);
    }

    /**
     * Rate limits evaluated over periods of {@code evaluationSeconds} (Azure uses 1 or 10), on the
     * given nanosecond clock.
     */
    public AzureOpenAiEmulator(FaultInjector faults, String apiKey, int evaluationSeconds, LongSupplier nanoClock) {
        super("azure-openai", faults);
        this.apiKey = apiKey;
        this.evaluationSeconds = evaluationSeconds;
        this.nanoClock = nanoClock;
        this.batches = new BatchService(nanoClock);
        loadVocabularyInTheBackground();
    }

    /** The real service has its vocabulary loaded: the first requests must not wait for ours. */
    private static void loadVocabularyInTheBackground() {
        Thread loader = new Thread(() -> TokenCounter.count("vocabulary"), "azure-emulator-vocabulary");
        loader.setDaemon(true);
        loader.start();
    }

    /** The {@code retry-after-ms} an injected RATE_LIMIT fault names (1,000 unless set). */
    public AzureOpenAiEmulator injectedRetryAfter(Duration retryAfter) {
        injectedRetryAfterMillis = retryAfter.toMillis();
        return this;
    }

    /** Adds (or replaces, with fresh windows and counters) a deployment with its per-minute limits. */
    public AzureOpenAiEmulator addDeployment(String name, int requestsPerMinute, int tokensPerMinute) {
        deployments.put(name, new Deployment(
                new DeploymentLimits(requestsPerMinute, tokensPerMinute, evaluationSeconds, nanoClock)));
        return this;
    }

    /**
     * Adds a Global-Batch deployment for the Batch API, with its quota of enqueued tokens (prompt
     * tokens of the lines of its open batches).
     */
    public AzureOpenAiEmulator addBatchDeployment(String name, long enqueuedTokenQuota) {
        batches.addDeployment(name, enqueuedTokenQuota);
        return this;
    }

    /** How the Batch API behaves: its compressed clock, processing rate and limits. */
    public AzureOpenAiEmulator batchSettings(BatchSettings settings) {
        batches.settings(settings);
        return this;
    }

    /** Batches created since start, failed ones included. */
    public long batchesCreated() {
        return batches.batchesCreated();
    }

    /** Prompt and completion tokens billed for batch lines answered on the deployment. */
    public long batchTokensUsed(String deployment) {
        return batches.billedTokens(deployment);
    }

    /** Files the resource holds now (uploaded inputs, and output and error files not yet deleted). */
    public int storedFileCount() {
        return batches.fileCount();
    }

    @Override
    protected long now() {
        return nanoClock.getAsLong();
    }

    /** What users put in {@code AZURE_OPENAI_API_BASE}. */
    public String endpoint() {
        return origin();
    }

    /** HTTP 200 completions answered, content-filtered answers included. */
    public int completionCount(String deployment) {
        return known(deployment).completions.get();
    }

    /** 429s answered, real limits and injected faults alike. */
    public int rateLimitedCount(String deployment) {
        return known(deployment).rateLimited.get();
    }

    /** Sum of {@code usage.total_tokens} over the completions answered. */
    public long tokensUsed(String deployment) {
        return known(deployment).tokens.get();
    }

    /**
     * How many requests carried exactly this content as their last user message, whatever the answer
     * (errors and injected RATE_LIMIT or SERVER_ERROR faults included). Requests the base server
     * answered MALFORMED or dropped are not read, so not counted.
     */
    public int timesSeen(String userMessageContent) {
        AtomicInteger count = seen.get(userMessageContent);
        return count == null ? 0 : count.get();
    }

    /** Zeroes the counters above; the rate-limit windows keep their charges. */
    public void resetCounters() {
        seen.clear();
        deployments.values().forEach(Deployment::resetCounters);
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        byte[] raw = readBody(exchange);
        Matcher batchPath = BATCH_PATH.matcher(exchange.getRequestURI().getPath());
        if (batchPath.matches()) {
            serveBatchApi(exchange, batchPath, raw);
            return;
        }
        JsonNode body = parse(raw);
        recordSeen(body);
        Deployment deployment = null;
        try {
            authenticate(exchange);
            Target target = target(exchange, body);
            deployment = deployment(target.deployment());
            ChatRequest request = ChatRequest.from(body);
            answer(exchange, target, deployment, request);
        } catch (AzureError error) {
            if (error.status() == 429) deployment.rateLimited.incrementAndGet();
            send(exchange, error, deployment);
        }
    }

    @Override
    protected void serveInjectedFault(HttpExchange exchange, FaultInjector.Fault fault) throws IOException {
        JsonNode body = parse(readBody(exchange));
        recordSeen(body);
        Target target = targetOrNull(exchange, body);
        Deployment deployment = target == null ? null : deployments.get(target.deployment());
        if (fault == FaultInjector.Fault.RATE_LIMIT) {
            if (deployment != null) deployment.rateLimited.incrementAndGet();
            String version = target == null ? "unknown" : target.apiVersion();
            send(exchange, AzureError.rateLimited(version, DeploymentLimits.Limit.TOKENS, injectedRetryAfterMillis), deployment);
        } else {
            send(exchange, AzureError.serverError(faults().nextDouble() < 0.5 ? 500 : 503), deployment);
        }
    }

    private void serveBatchApi(HttpExchange exchange, Matcher path, byte[] raw) throws IOException {
        try {
            authenticate(exchange);
            if (path.group(1) == null) apiVersion(exchange.getRequestURI());
            BatchService.Reply reply = batchReply(exchange.getRequestMethod(), path.group(2), path.group(3), path.group(4),
                    exchange.getRequestHeaders().getFirst("Content-Type"), raw);
            if (reply.body() instanceof String text) sendRaw(exchange, reply.status(), text, reply.headers());
            else sendJson(exchange, reply.status(), reply.body(), reply.headers());
        } catch (AzureError error) {
            send(exchange, error, null);
        }
    }

    private BatchService.Reply batchReply(String method, String collection, String id, String action, String contentType,
                                          byte[] raw) throws AzureError {
        String call = method + " " + collection + (id == null ? "" : "/{id}") + (action == null ? "" : "/" + action);
        return switch (call) {
            case "POST files" -> batches.upload(contentType, raw);
            case "GET files/{id}" -> batches.file(id);
            case "GET files/{id}/content" -> batches.content(id);
            case "DELETE files/{id}" -> batches.deleteFile(id);
            case "POST batches" -> batches.create(parse(raw));
            case "GET batches/{id}" -> batches.batch(id);
            case "POST batches/{id}/cancel" -> batches.cancel(id);
            default -> throw AzureError.resourceNotFound();
        };
    }

    private static String apiVersion(URI uri) throws AzureError {
        String version = queryParameter(uri, "api-version");
        if (version == null) throw AzureError.resourceNotFound();
        if (!API_VERSION.matcher(version).matches()) throw AzureError.apiVersionNotSupported();
        return version;
    }

    private void answer(HttpExchange exchange, Target target, Deployment deployment, ChatRequest request)
            throws AzureError, IOException {
        int promptTokens = request.promptTokens();
        DeploymentLimits.Decision decision = deployment.limits.admit((long) promptTokens + request.completionBudget(), arrivalNanos());
        if (!decision.admitted()) {
            throw AzureError.rateLimited(target.apiVersion(), decision.exceeded(), decision.retryAfterMillis());
        }
        String text = request.lastUserText();
        if (text != null && text.contains(DeterministicAnswers.FILTER_PROMPT_MARKER)) {
            throw AzureError.promptFiltered();
        }
        boolean filtered = text != null && text.contains(DeterministicAnswers.FILTER_ANSWER_MARKER);
        String content = DeterministicAnswers.answer(
                AnalysisKind.detect(request.instructions()), text, request.jsonObject());
        int completionTokens = filtered ? 0 : TokenCounter.count(content);
        ObjectNode completion = completion(target.deployment(), filtered ? null : content, promptTokens, completionTokens);
        deployment.completions.incrementAndGet();
        deployment.tokens.addAndGet(promptTokens + completionTokens);
        sendJson(exchange, 200, completion, rateLimitHeaders(decision.remaining()));
    }

    /** The response body; {@code content} null means the answer was filtered. */
    static ObjectNode completion(String model, String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""))
                .put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond())
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (content != null) {
            message.put("content", content);
            choice.put("finish_reason", "stop");
        } else {
            choice.put("finish_reason", "content_filter");
            choice.set("content_filter_results", AzureError.filterResults());
        }
        root.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return root;
    }

    private void authenticate(HttpExchange exchange) throws AzureError {
        String key = exchange.getRequestHeaders().getFirst("api-key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.substring(7).strip().equals(apiKey);
        if (!apiKey.equals(key) && !bearer) throw AzureError.unauthorized();
    }

    private static Target target(HttpExchange exchange, JsonNode body) throws AzureError {
        URI uri = exchange.getRequestURI();
        if (!exchange.getRequestMethod().equals("POST")) throw AzureError.resourceNotFound();
        Matcher dated = DATED_PATH.matcher(uri.getPath());
        if (dated.matches()) {
            String version = queryParameter(uri, "api-version");
            if (version == null) throw AzureError.resourceNotFound();
            if (!API_VERSION.matcher(version).matches()) throw AzureError.apiVersionNotSupported();
            return new Target(dated.group(1), version);
        }
        if (uri.getPath().equals(V1_PATH)) {
            if (body == null || !body.isObject()) throw AzureError.invalidJson();
            JsonNode model = body.get("model");
            if (model == null || !model.isTextual() || model.asText().isBlank()) {
                throw AzureError.invalidRequest("Missing required parameter: 'model'.", "model", "missing_required_parameter");
            }
            return new Target(model.asText(), "v1");
        }
        throw AzureError.resourceNotFound();
    }

    private static Target targetOrNull(HttpExchange exchange, JsonNode body) {
        try {
            return target(exchange, body);
        } catch (AzureError e) {
            return null;
        }
    }

    private Deployment deployment(String name) throws AzureError {
        Deployment deployment = deployments.get(name);
        if (deployment == null) throw AzureError.deploymentNotFound();
        return deployment;
    }

    private Deployment known(String name) {
        Deployment deployment = deployments.get(name);
        if (deployment == null) throw new IllegalArgumentException("no deployment named '" + name + "'");
        return deployment;
    }

    private static void send(HttpExchange exchange, AzureError error, Deployment deployment) throws IOException {
        Map<String, String> headers = new HashMap<>(error.headers());
        if (deployment != null) headers.putAll(rateLimitHeaders(deployment.limits.remainingNow()));
        sendJson(exchange, error.status(), error.body(), headers);
    }

    private static Map<String, String> rateLimitHeaders(DeploymentLimits.Remaining remaining) {
        return Map.of("x-ratelimit-remaining-requests", Integer.toString(remaining.requests()),
                "x-ratelimit-remaining-tokens", Long.toString(remaining.tokens()));
    }

    private void recordSeen(JsonNode body) {
        JsonNode messages = body == null ? null : body.get("messages");
        if (messages == null || !messages.isArray()) return;
        String last = null;
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("user") && message.path("content").isTextual()) {
                last = message.get("content").asText();
            }
        }
        if (last != null) seen.computeIfAbsent(last, key -> new AtomicInteger()).incrementAndGet();
    }

    /** The body as JSON, or {@code null} when it is not JSON at all. */
    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static String queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The deployment a request is for, and the API version to name in messages ({@code "v1"} on the v1 path). */
    private record Target(String deployment, String apiVersion) {}

    private static final class Deployment {
        final DeploymentLimits limits;
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final AtomicLong tokens = new AtomicLong();

        Deployment(DeploymentLimits limits) {
            this.limits = limits;
        }

        void resetCounters() {
            completions.set(0);
            rateLimited.set(0);
            tokens.set(0);
        }
    }
}
