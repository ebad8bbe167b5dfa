package dev.smartsheetmcp.sandbox.azure;

import static dev.smartsheetmcp.sandbox.azure.ChatCall.JSON;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.body;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.content;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.datedPath;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The emulator seen over real HTTP, as the application's Azure client sees it. */
class AzureOpenAiEmulatorContractTest {

    private static final String KEY = "test-key";
    private static final String DEPLOYMENT = "gpt-4o";
    /**
     * Chat framing of a system and a user message, as the service counts it: 3 tokens a message,
     * 1 for each role name, 3 priming the reply.
     */
    private static final int FRAMING = 11;
    /** Room for every test's requests in one second: 166,666 tokens. */
    private static final int TPM = 10_000_000;
    private static final String SUMMARIZE = "Summarize the row in one sentence.";
    private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private AzureOpenAiEmulator emulator;

    /**
     * The emulator's clock stands still at the start of a minute, so every request of a test falls
     * into the same one-second evaluation period and the same minute.
     */
    @BeforeEach
    void start() throws IOException {
        long startOfAMinute = TimeUnit.MINUTES.toNanos(1_000);
        emulator = new AzureOpenAiEmulator(new FaultInjector(7), KEY, 1, () -> startOfAMinute);
        emulator.addDeployment(DEPLOYMENT, 1_000, TPM);
        emulator.start(0, 4);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> post(String pathAndQuery, Object body) throws IOException, InterruptedException {
        return ChatCall.post(emulator.endpoint(), pathAndQuery, "api-key", KEY, body.toString());
    }

    private HttpResponse<String> chat(String deployment, ObjectNode body) throws IOException, InterruptedException {
        return post(datedPath(deployment), body);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo(code);
        assertThat(json(response).path("error").path("message").asText()).isNotBlank();
    }

    @Nested
    class Paths {

        @Test
        void datedPathAnswersAChatCompletionInTheContractShape() throws Exception {
            HttpResponse<String> response = chat(DEPLOYMENT, body(SUMMARIZE, "The invoice was paid late."));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode completion = json(response);
            assertThat(completion.path("id").asText()).startsWith("chatcmpl-");
            assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
            assertThat(completion.path("created").asLong()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
            assertThat(completion.path("model").asText()).isEqualTo(DEPLOYMENT);
            JsonNode choice = completion.path("choices").path(0);
            assertThat(choice.path("index").asInt()).isZero();
            assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(choice.path("message").path("content").asText()).isEqualTo("Summary: The invoice was paid late.");
            assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
            assertThat(completion.path("usage").has("total_tokens")).isTrue();
        }

        @Test
        void v1PathTakesTheDeploymentFromModelAndNeedsNoApiVersion() throws Exception {
            ObjectNode body = body(SUMMARIZE, "Short text.").put("model", DEPLOYMENT);

            HttpResponse<String> response = post("/openai/v1/chat/completions", body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("model").asText()).isEqualTo(DEPLOYMENT);
            assertThat(content(response)).isEqualTo("Summary: Short text.");
        }

        @Test
        void previewApiVersionsAreAccepted() throws Exception {
            HttpResponse<String> response = post("/openai/deployments/" + DEPLOYMENT
                    + "/chat/completions?api-version=2025-01-01-preview", body(SUMMARIZE, "x"));

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void datedPathWithoutApiVersionIs404ResourceNotFound() throws Exception {
            HttpResponse<String> response = post("/openai/deployments/" + DEPLOYMENT + "/chat/completions", body(SUMMARIZE, "x"));

            assertError(response, 404, "404");
            assertThat(json(response).path("error").path("message").asText()).isEqualTo("Resource not found");
        }

        @Test
        void malformedApiVersionIs400ApiVersionNotSupported() throws Exception {
            HttpResponse<String> response = post("/openai/deployments/" + DEPLOYMENT
                    + "/chat/completions?api-version=latest-and-greatest", body(SUMMARIZE, "x"));

            assertError(response, 400, "BadRequest");
            assertThat(json(response).path("error").path("message").asText()).isEqualTo("API version not supported");
        }

        @Test
        void anyOtherPathIs404InAzureErrorFormat() throws Exception {
            HttpResponse<String> response = post("/openai/deployments/" + DEPLOYMENT
                    + "/completions?api-version=" + ChatCall.API_VERSION, body(SUMMARIZE, "x"));

            assertError(response, 404, "404");
        }
    }

    @Nested
    class Authentication {

        @Test
        void wrongApiKeyIs401WithAzuresMessage() throws Exception {
            HttpResponse<String> response = ChatCall.post(emulator.endpoint(), datedPath(DEPLOYMENT),
                    "api-key", "not-the-key", body(SUMMARIZE, "x").toString());

            assertError(response, 401, "401");
            assertThat(json(response).path("error").path("message").asText())
                    .startsWith("Access denied due to invalid subscription key or wrong API endpoint.");
        }

        @Test
        void missingKeyIs401() throws Exception {
            HttpResponse<String> response = ChatCall.post(emulator.endpoint(), datedPath(DEPLOYMENT),
                    null, null, body(SUMMARIZE, "x").toString());

            assertError(response, 401, "401");
        }

        @Test
        void theKeyIsAlsoAcceptedAsABearerToken() throws Exception {
            HttpResponse<String> response = ChatCall.post(emulator.endpoint(), datedPath(DEPLOYMENT),
                    "Authorization", "Bearer " + KEY, body(SUMMARIZE, "x").toString());

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void authIsCheckedBeforeTheDeployment() throws Exception {
            HttpResponse<String> response = ChatCall.post(emulator.endpoint(), datedPath("no-such-deployment"),
                    "api-key", "wrong", body(SUMMARIZE, "x").toString());

            assertError(response, 401, "401");
        }
    }

    @Nested
    class Validation {

        @Test
        void unknownDeploymentIs404DeploymentNotFound() throws Exception {
            HttpResponse<String> response = chat("no-such-deployment", body(SUMMARIZE, "x"));

            assertError(response, 404, "DeploymentNotFound");
            assertThat(json(response).path("error").path("message").asText())
                    .startsWith("The API deployment for this resource does not exist.");
        }

        @Test
        void unknownModelOnV1PathIs404DeploymentNotFound() throws Exception {
            HttpResponse<String> response = post("/openai/v1/chat/completions",
                    body(SUMMARIZE, "x").put("model", "no-such-deployment"));

            assertError(response, 404, "DeploymentNotFound");
        }

        @Test
        void startupProbeGets400ForAnExistingDeploymentAnd404ForAMissingOne() throws Exception {
            String probe = "{\"messages\":[]}";

            HttpResponse<String> existing = post(datedPath(DEPLOYMENT), probe);
            HttpResponse<String> missing = post(datedPath("no-such-deployment"), probe);

            assertError(existing, 400, "empty_array");
            assertThat(json(existing).path("error").path("param").asText()).isEqualTo("messages");
            assertError(missing, 404, "DeploymentNotFound");
            assertThat(emulator.completionCount(DEPLOYMENT)).isZero();
        }

        @Test
        void bodyThatIsNotJsonIs400() throws Exception {
            assertError(post(datedPath(DEPLOYMENT), "{not json"), 400, "BadRequest");
        }

        @Test
        void bodyWithoutMessagesIs400MissingRequiredParameter() throws Exception {
            assertError(post(datedPath(DEPLOYMENT), "{\"max_tokens\":10}"), 400, "missing_required_parameter");
        }

        @Test
        void unknownRoleIs400() throws Exception {
            String body = "{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}";

            HttpResponse<String> response = post(datedPath(DEPLOYMENT), body);

            assertError(response, 400, "invalid_value");
            assertThat(json(response).path("error").path("param").asText()).isEqualTo("messages[0].role");
        }

        @Test
        void validationErrorsCarryTheRateLimitHeadersButChargeNothing() throws Exception {
            HttpResponse<String> response = post(datedPath(DEPLOYMENT), "{\"messages\":[]}");

            assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("1000");
            assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).hasValue(Long.toString(TPM));
        }
    }

    @Nested
    class RateLimits {

        @Test
        void requestsOverOneSecondsShareOfTheRpmLimitGet429WithRetryAfterHeadersAndCallRateMessage() throws Exception {
            emulator.addDeployment("tight", 120, 1_000_000);
            ObjectNode body = body(SUMMARIZE, "x").put("max_tokens", 10);
            assertThat(chat("tight", body).statusCode()).isEqualTo(200);
            assertThat(chat("tight", body).statusCode()).isEqualTo(200);

            HttpResponse<String> refused = chat("tight", body);

            assertError(refused, 429, "429");
            long seconds = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
            long millis = Long.parseLong(refused.headers().firstValue("retry-after-ms").orElseThrow());
            assertThat(seconds).as("until the next second").isEqualTo(1);
            assertThat(millis).isEqualTo(1_000);
            assertThat(seconds).isEqualTo((millis + 999) / 1000);
            assertThat(json(refused).path("error").path("message").asText())
                    .isEqualTo("Requests to the ChatCompletions_Create Operation under Azure OpenAI API version "
                            + ChatCall.API_VERSION + " have exceeded call rate limit of your current OpenAI S0 pricing"
                            + " tier. Please retry after " + seconds + " seconds. Please go here:"
                            + " https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.");
            assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests"))
                    .as("the minute's quota is not spent: the burst is what was refused").hasValue("118");
            assertThat(emulator.rateLimitedCount("tight")).isEqualTo(1);
            assertThat(emulator.completionCount("tight")).isEqualTo(2);
        }

        @Test
        void promptPlusMaxTokensOverTheTpmLimitGets429WithTokenRateMessage() throws Exception {
            emulator.addDeployment("tight", 1_000, 10_000);
            ObjectNode body = body(SUMMARIZE, "x").put("max_tokens", 6_000);
            assertThat(chat("tight", body).statusCode()).isEqualTo(200);

            HttpResponse<String> refused = chat("tight", body);

            assertError(refused, 429, "429");
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            assertThat(refused.headers().firstValue("retry-after-ms")).isPresent();
            assertThat(json(refused).path("error").path("message").asText())
                    .contains("have exceeded token rate limit of your current OpenAI S0 pricing tier");
            assertThat(emulator.rateLimitedCount("tight")).isEqualTo(1);
        }

        @Test
        void underConcurrentLoadExactlyOneSecondsShareOfTheRpmLimitIsAdmitted() throws Exception {
            emulator.addDeployment("tight", 600, 1_000_000);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    ObjectNode body = body(SUMMARIZE, "row " + i).put("max_tokens", 10);
                    calls.add(clients.submit(() -> chat("tight", body)));
                }
                Map<Integer, Integer> byStatus = new HashMap<>();
                for (Future<HttpResponse<String>> call : calls) {
                    byStatus.merge(call.get().statusCode(), 1, Integer::sum);
                }

                assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of(200, 10, 429, 15));
                assertThat(emulator.completionCount("tight")).isEqualTo(10);
                assertThat(emulator.rateLimitedCount("tight")).isEqualTo(15);
            } finally {
                clients.shutdownNow();
            }
        }

        @Test
        void maxCompletionTokensCountsLikeMaxTokens() throws Exception {
            emulator.addDeployment("tight", 1_000, 10_000);
            ObjectNode body = body(SUMMARIZE, "x").put("max_completion_tokens", 6_000);

            chat("tight", body);

            assertThat(chat("tight", body).statusCode()).isEqualTo(429);
        }

        @Test
        void withoutMaxTokensTheDefaultBudgetIsCharged() throws Exception {
            ObjectNode body = body(SUMMARIZE, "x");
            long prompt = O200K.countTokensOrdinary(SUMMARIZE) + O200K.countTokensOrdinary("x") + FRAMING;

            HttpResponse<String> response = chat(DEPLOYMENT, body);

            assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens"))
                    .hasValue(Long.toString(TPM - prompt - ChatRequest.DEFAULT_COMPLETION_BUDGET));
        }

        @Test
        void remainingHeadersArePresentAndDecreaseWithEachAnswer() throws Exception {
            ObjectNode body = body(SUMMARIZE, "a row of text").put("max_tokens", 100);

            HttpResponse<String> first = chat(DEPLOYMENT, body);
            HttpResponse<String> second = chat(DEPLOYMENT, body);

            long firstRequests = Long.parseLong(first.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            long secondRequests = Long.parseLong(second.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            long firstTokens = Long.parseLong(first.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
            long secondTokens = Long.parseLong(second.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
            assertThat(firstRequests).isEqualTo(999);
            assertThat(secondRequests).isEqualTo(998);
            long charge = O200K.countTokensOrdinary(SUMMARIZE) + O200K.countTokensOrdinary("a row of text") + FRAMING + 100;
            assertThat(firstTokens).isEqualTo(TPM - charge);
            assertThat(secondTokens).isEqualTo(firstTokens - charge);
        }
    }

    @Nested
    class Answers {

        @Test
        void usageCountsAreO200kCountsOfTheMessagesWithTheirFramingAndTheAnswer() throws Exception {
            String text = "Customers love the new dashboard, but exports are slow. Ünïcödé & emoji 🚀 too.";

            HttpResponse<String> response = chat(DEPLOYMENT, body(SUMMARIZE, text));

            JsonNode usage = json(response).path("usage");
            int prompt = O200K.countTokensOrdinary(SUMMARIZE) + O200K.countTokensOrdinary(text) + FRAMING;
            int completion = O200K.countTokensOrdinary(content(response));
            assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(prompt);
            assertThat(usage.path("completion_tokens").asInt()).isEqualTo(completion);
            assertThat(usage.path("total_tokens").asInt()).isEqualTo(prompt + completion);
            assertThat(emulator.tokensUsed(DEPLOYMENT)).isEqualTo(prompt + completion);
        }

        @Test
        void eachKindAnswersWhatDeterministicAnswersComputes() throws Exception {
            String text = "The refund for invoice 42 never arrived and support was slow, thanks for nothing";
            String[] systems = {
                SUMMARIZE,
                "Classify the sentiment of the text.",
                "Interpret what the customer wants.",
                "Translate the text into French.",
                "Optimize this prompt for a spreadsheet analysis."
            };
            for (String system : systems) {
                HttpResponse<String> response = chat(DEPLOYMENT, body(system, text));

                assertThat(content(response))
                        .as(system)
                        .isEqualTo(DeterministicAnswers.answer(AnalysisKind.detect(system), text, false));
            }
        }

        @Test
        void handComputedSentimentAndInterpretation() throws Exception {
            String text = "Great service, fast delivery, but the app is slow. Thanks!";

            assertThat(content(chat(DEPLOYMENT, body("Rate the sentiment.", text))))
                    .isEqualTo("Positive (score 0.50)");
            assertThat(content(chat(DEPLOYMENT, body("Interpret the text.", text))))
                    .isEqualTo("Interpretation: Delivery (10 words)");
        }

        @Test
        void theAnalysedTextIsTheLastUserMessage() throws Exception {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("messages")
                    .add(JSON.createObjectNode().put("role", "system").put("content", SUMMARIZE))
                    .add(JSON.createObjectNode().put("role", "user").put("content", "earlier row"))
                    .add(JSON.createObjectNode().put("role", "assistant").put("content", "Summary: earlier row"))
                    .add(JSON.createObjectNode().put("role", "user").put("content", "latest row"));

            assertThat(content(chat(DEPLOYMENT, body))).isEqualTo("Summary: latest row");
        }

        @Test
        void jsonObjectFormatAnswersAJsonObjectString() throws Exception {
            ObjectNode body = body("Classify the sentiment. Answer in JSON.", "good good bad");
            body.putObject("response_format").put("type", "json_object");

            HttpResponse<String> response = chat(DEPLOYMENT, body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(content(response)).isEqualTo("{\"sentiment\":\"mixed\",\"score\":0.33}");
            assertThat(JSON.readTree(content(response)).isObject()).isTrue();
        }

        @Test
        void jsonObjectFormatWithoutTheWordJsonInAnyMessageIs400() throws Exception {
            ObjectNode body = body("Classify the sentiment.", "good");
            body.putObject("response_format").put("type", "json_object");

            HttpResponse<String> response = chat(DEPLOYMENT, body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("error").path("message").asText())
                    .isEqualTo("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.");
        }

        @Test
        void longAnswerMarkerGivesExactly5000Characters() throws Exception {
            HttpResponse<String> response = chat(DEPLOYMENT, body(SUMMARIZE, "Please [[LONG_ANSWER]] now"));

            assertThat(content(response)).hasSize(5_000).startsWith("Summary: Please [[LONG_ANSWER]] now ");
        }

        @Test
        void filterPromptMarkerIs400ContentFilterWithInnerError() throws Exception {
            HttpResponse<String> response = chat(DEPLOYMENT, body(SUMMARIZE, "bad words [[FILTER_PROMPT]]"));

            assertError(response, 400, "content_filter");
            JsonNode error = json(response).path("error");
            assertThat(error.path("message").asText())
                    .startsWith("The response was filtered due to the prompt triggering Azure OpenAI's content management policy.");
            assertThat(error.path("innererror").path("code").asText()).isEqualTo("ResponsibleAIPolicyViolation");
            assertThat(error.path("innererror").path("content_filter_result").path("violence").path("filtered").asBoolean()).isTrue();
            assertThat(emulator.completionCount(DEPLOYMENT)).isZero();
        }

        @Test
        void filterAnswerMarkerIs200WithContentFilterFinishReasonAndNoContent() throws Exception {
            HttpResponse<String> response = chat(DEPLOYMENT, body(SUMMARIZE, "story [[FILTER_ANSWER]]"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode choice = json(response).path("choices").path(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("content_filter");
            assertThat(choice.path("message").has("content")).isFalse();
            assertThat(json(response).path("usage").path("completion_tokens").asInt()).isZero();
        }
    }

    @Nested
    class Counters {

        @Test
        void timesSeenCountsEveryRequestCarryingThatLastUserMessage() throws Exception {
            chat(DEPLOYMENT, body(SUMMARIZE, "row 1"));
            chat(DEPLOYMENT, body(SUMMARIZE, "row 1"));
            chat(DEPLOYMENT, body(SUMMARIZE, "row 2"));
            chat("no-such-deployment", body(SUMMARIZE, "row 2"));

            assertThat(emulator.timesSeen("row 1")).isEqualTo(2);
            assertThat(emulator.timesSeen("row 2")).isEqualTo(2);
            assertThat(emulator.timesSeen("row 3")).isZero();
            assertThat(emulator.completionCount(DEPLOYMENT)).isEqualTo(3);
        }

        @Test
        void resetCountersZeroesCountsButKeepsTheRateWindow() throws Exception {
            chat(DEPLOYMENT, body(SUMMARIZE, "row 1").put("max_tokens", 10));

            emulator.resetCounters();

            assertThat(emulator.completionCount(DEPLOYMENT)).isZero();
            assertThat(emulator.tokensUsed(DEPLOYMENT)).isZero();
            assertThat(emulator.timesSeen("row 1")).isZero();
            HttpResponse<String> next = chat(DEPLOYMENT, body(SUMMARIZE, "row 2").put("max_tokens", 10));
            assertThat(next.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("998");
        }
    }
}
