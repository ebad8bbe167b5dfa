package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.sandbox.azure.AnalysisKind;
import dev.smartsheetmcp.sandbox.azure.DeterministicAnswers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** direct:azure-chat against the Azure OpenAI emulator: answers, typed failures and retries. */
class AzureChatRouteTest extends AzureRouteTestSupport {

    AzureChatRouteTest() {
        super(600, 200_000);
        azure.faults().slowDelay(Duration.ofMillis(3_000));
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("azure.retry.max-retries", "8", "azure.retry.initial-delay-ms", "10",
                "azure.retry.max-delay-ms", "200", "azure.http.response-timeout-ms", "1000");
    }

    @Test
    void answersWhatTheDeterministicModelSays() {
        String text = "Invoice 4471 was charged twice — café order, please refund one payment";
        ChatAnswer answer = call(summarize(text));

        assertThat(answer.content()).isEqualTo(expectedSummary(text));
        assertThat(answer.finishReason()).isEqualTo("stop");
        assertThat(answer.deployment()).isEqualTo(PRIMARY);
        assertThat(answer.promptTokens()).isPositive();
        assertThat(answer.completionTokens()).isPositive();
        assertThat(azure.timesSeen(text)).as("UTF-8 text arrives intact").isEqualTo(1);
    }

    @Test
    void answersAJsonObjectInJsonMode() {
        String text = "Great service, fast delivery, but the app is slow. Thanks!";
        ChatRequest request = new ChatRequest(List.of(
                ChatMessage.system("Rate the sentiment of the row; reply in JSON."), ChatMessage.user(text)),
                40, null, true);

        assertThat(call(request).content())
                .isEqualTo(DeterministicAnswers.answer(AnalysisKind.SENTIMENT, text, true))
                .isEqualTo("{\"sentiment\":\"positive\",\"score\":0.50}");
    }

    @Test
    void aFilteredPromptFailsFastWithoutRetry() {
        String text = "prompt-filter " + DeterministicAnswers.FILTER_PROMPT_MARKER;
        Throwable error = failure(summarize(text));

        assertThat(error).isInstanceOf(AzureContentFilterException.class)
                .hasMessageContaining("content_filter").hasMessageContaining("HTTP 400")
                .hasMessageContaining("prompt was filtered (violence)");
        assertThat(((AzureContentFilterException) error).promptFiltered()).isTrue();
        assertThat(azure.timesSeen(text)).as("sent once, never retried").isEqualTo(1);
    }

    @Test
    void aFilteredAnswerFailsFastWithoutRetry() {
        String text = "answer-filter " + DeterministicAnswers.FILTER_ANSWER_MARKER;
        Throwable error = failure(summarize(text));

        assertThat(error).isInstanceOf(AzureContentFilterException.class)
                .hasMessageContaining("answer was filtered (violence)");
        assertThat(((AzureContentFilterException) error).promptFiltered()).isFalse();
        assertThat(azure.timesSeen(text)).as("sent once, never retried").isEqualTo(1);
    }

    @Test
    void injected429s5xxMalformedDroppedAndSlowAnswersAreRetriedUntilEveryCallSucceeds() throws Exception {
        azure.faults().rateLimitRate(0.08).serverErrorRate(0.08).malformedRate(0.08).dropRate(0.08).slowRate(0.04);
        long before = azure.requestCount();
        List<Callable<ChatAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String text = "faulty call " + i;
            calls.add(() -> call(summarize(text)));
        }
        List<ChatAnswer> answers = AzureChat.parallel(12, calls);

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).content()).isEqualTo(expectedSummary("faulty call " + i));
        }
        assertThat(azure.requestCount() - before).as("faults were met and retried").isGreaterThan(60);
    }

    @Test
    void aRateLimitedCallWaitsTheRetryAfterMsAzureNames() throws Exception {
        // the injected 429 names retry-after-ms 1000; the backoff alone would retry after ~10 ms
        String text = "told to wait";
        int before = azure.rateLimitedCount(PRIMARY);
        azure.faults().rateLimitRate(1.0);
        long start = System.nanoTime();
        CompletableFuture<ChatAnswer> answer = CompletableFuture.supplyAsync(() -> call(summarize(text)));
        while (azure.rateLimitedCount(PRIMARY) == before) Thread.sleep(1);
        azure.faults().clearFaults();

        assertThat(answer.get(10, TimeUnit.SECONDS).content()).isEqualTo(expectedSummary(text));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(azure.rateLimitedCount(PRIMARY) - before).isEqualTo(1);
        assertThat(azure.timesSeen(text)).isEqualTo(2);
    }

    @Test
    void serverErrorsThatOutlastTheRetriesFailAsUnavailable() {
        azure.faults().serverErrorRate(1.0);
        String text = "never answered";
        Throwable error = failure(summarize(text));

        assertThat(error).isInstanceOf(AzureUnavailableException.class)
                .hasMessageMatching("Azure OpenAI error InternalServerError \\(HTTP 50[03], deployment '" + PRIMARY + "'\\): .*");
        assertThat(azure.timesSeen(text)).as("first attempt and 8 retries").isEqualTo(9);
    }

    @Test
    void aRequestLargerThanTheTokensPerMinuteFailsFastWithoutASend() {
        String text = "far too long a budget";
        ChatRequest request = new ChatRequest(summarize(text).messages(), 1_000_000, null, false);

        assertThat(failure(request)).isInstanceOf(AzureRequestException.class)
                .hasMessageContaining("more than the 200000 tokens per minute AZURE_OPENAI_TPM allows");
        assertThat(azure.timesSeen(text)).isZero();
    }

    @Test
    void theApiKeyNeverAppearsInAFailure() {
        String key = KEY;
        List<Throwable> failures = new ArrayList<>();
        failures.add(failure(summarize("key check " + DeterministicAnswers.FILTER_PROMPT_MARKER)));
        failures.add(failure(summarize("key check " + DeterministicAnswers.FILTER_ANSWER_MARKER)));
        failures.add(failure(new ChatRequest(summarize("key check").messages(), 1_000_000, null, false)));
        azure.faults().serverErrorRate(1.0);
        failures.add(failure(summarize("key check, failing")));

        assertThat(failures).hasSize(4).allSatisfy(error -> {
            assertThat(error).isInstanceOf(ToolException.class);
            assertThat(error.getMessage()).doesNotContain(key);
            assertThat(String.valueOf(error.getCause())).doesNotContain(key);
        });
    }
}
