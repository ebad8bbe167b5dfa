package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.call;
import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.sandbox.azure.AzureOpenAiEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client paces each deployment's requests and tokens as Azure evaluates them, over each second,
 * so a burst of parallel calls never meets a 429 and takes the time the limits imply.
 */
class AzureChatRateLimitTest {

    private static final String DEPLOYMENT = "gpt-4o-sandbox";

    private SandboxApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) app.close();
    }

    @Test
    void aBurstIsPacedToOneSecondsShareOfTheRpmQuotaAsAzureEvaluatesIt() throws Exception {
        // 300 RPM, evaluated by the emulator (as by Azure) over each second: 5 requests a second
        app = SandboxApp.start(Map.of("sandbox.azure.rpm", "300", "azure.rpm", "300"));
        AzureOpenAiEmulator azure = app.sandbox().azure();
        call(app, summarize("warm-up: the emulator loads its tokenizer on the first request"));
        Thread.sleep(1_100);
        List<String> texts = texts("request", 35);

        long start = System.nanoTime();
        List<ChatAnswer> answers = AzureChat.parallel(35, calls(texts));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(answers.get(i).content()).isEqualTo(expectedSummary(texts.get(i)));
        }
        // The pace leaves no margin: a request held up between the throttle and the emulator (a thread
        // waking late in this one JVM) can land in the next second beside that second's share. One
        // such 429 is the most a paced burst meets; a minute's quota let through at once meets 30.
        assertThat(azure.rateLimitedCount(DEPLOYMENT)).as("429s answered by Azure").isLessThanOrEqualTo(1);
        assertThat(took).as("5 leave at once, then 5 each second: the last 5 after 6 s (one 429 costs up to 2 s)")
                .isBetween(Duration.ofSeconds(6), Duration.ofSeconds(10));
    }

    @Test
    void aBurstIsPacedToTheTokensPerMinuteCountedAsPromptWithFramingPlusMaxTokens() throws Exception {
        // 12,000 TPM: 200 tokens a second; refilled each 100 ms, 18 tokens a share (1 s x 100 ms / 1,100 ms)
        app = SandboxApp.start(Map.of("sandbox.azure.tpm", "12000", "azure.tpm", "12000", "azure.tpm.refill-ms", "100"));
        AzureOpenAiEmulator azure = app.sandbox().azure();
        call(app, summarize("warm-up: the emulator loads its tokenizer on the first request"));
        Thread.sleep(1_100);
        List<String> texts = texts("tokens", 30);
        AzureChatRequests counter = new AzureChatRequests(new TokenCounter());
        int tokens = texts.stream().mapToInt(text -> counter.estimatedTokens(summarize(text))).sum();
        double seconds = (tokens - 18) / 180.0;

        long start = System.nanoTime();
        List<ChatAnswer> answers = AzureChat.parallel(30, calls(texts));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(answers.get(i).content()).isEqualTo(expectedSummary(texts.get(i)));
            assertThat(answers.get(i).promptTokens()).as("counted as Azure counts")
                    .isEqualTo(counter.promptTokens(summarize(texts.get(i))));
        }
        assertThat(azure.rateLimitedCount(DEPLOYMENT)).as("429s answered by Azure").isZero();
        assertThat(seconds).as("the burst needs several seconds of budget").isGreaterThan(5);
        assertThat(took).isBetween(Duration.ofMillis((long) (seconds * 900)), Duration.ofMillis((long) (seconds * 1000) + 2_000));
    }

    private static List<String> texts(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) texts.add(prefix + " " + i + " of a burst of parallel calls");
        return texts;
    }

    private List<Callable<ChatAnswer>> calls(List<String> texts) {
        List<Callable<ChatAnswer>> calls = new ArrayList<>();
        for (String text : texts) calls.add(() -> call(app, summarize(text)));
        return calls;
    }
}
