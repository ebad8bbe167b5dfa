package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The client paces each deployment's tokens as Azure evaluates its TPM quota, over each second,
 * charging a request's prompt with its chat framing plus its max_tokens, so a burst never meets a 429.
 */
class AzureTokenPaceRouteTest extends AzureRouteTestSupport {

    AzureTokenPaceRouteTest() {
        // 12,000 TPM: 200 tokens a second; refilled each 100 ms, 18 tokens a share (1 s x 100 ms / 1,100 ms)
        super(600, 12_000);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("azure.tpm.refill-ms", "100");
    }

    @Test
    void aBurstIsPacedToTheTokensPerMinuteCountedAsPromptWithFramingPlusMaxTokens() throws Exception {
        warmUp();
        List<String> texts = AzureRequestPaceRouteTest.burst("tokens", 30);
        AzureChatRequests counter = new AzureChatRequests(new TokenCounter());
        int tokens = texts.stream().mapToInt(text -> counter.estimatedTokens(summarize(text))).sum();
        double seconds = (tokens - 18) / 180.0;
        List<Callable<ChatAnswer>> calls = new ArrayList<>();
        for (String text : texts) calls.add(() -> call(summarize(text)));

        long start = System.nanoTime();
        List<ChatAnswer> answers = AzureChat.parallel(30, calls);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(answers.get(i).content()).isEqualTo(expectedSummary(texts.get(i)));
            assertThat(answers.get(i).promptTokens()).as("counted as Azure counts")
                    .isEqualTo(counter.promptTokens(summarize(texts.get(i))));
        }
        assertThat(azure.rateLimitedCount(PRIMARY)).as("429s answered by Azure").isZero();
        assertThat(seconds).as("the burst needs several seconds of budget").isGreaterThan(5);
        assertThat(took).isBetween(Duration.ofMillis((long) (seconds * 900)), Duration.ofMillis((long) (seconds * 1000) + 2_000));
    }
}
