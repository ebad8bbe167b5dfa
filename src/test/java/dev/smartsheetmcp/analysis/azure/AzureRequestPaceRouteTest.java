package dev.smartsheetmcp.analysis.azure;

import static dev.smartsheetmcp.analysis.azure.AzureChat.expectedSummary;
import static dev.smartsheetmcp.analysis.azure.AzureChat.summarize;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The client paces each deployment's requests as Azure evaluates its RPM quota, over each second,
 * so a burst of parallel calls takes the time the limit implies instead of meeting 429s.
 */
class AzureRequestPaceRouteTest extends AzureRouteTestSupport {

    AzureRequestPaceRouteTest() {
        // 300 RPM, evaluated by the emulator (as by Azure) over each second: 5 requests a second
        super(300, 200_000);
    }

    @Test
    void aBurstIsPacedToOneSecondsShareOfTheRpmQuotaAsAzureEvaluatesIt() throws Exception {
        warmUp();
        List<String> texts = burst("request", 35);

        long start = System.nanoTime();
        List<ChatAnswer> answers = AzureChat.parallel(35, calls(texts));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(answers.get(i).content()).isEqualTo(expectedSummary(texts.get(i)));
        }
        // The pace leaves no margin: a request held up between the throttle and the emulator (a thread
        // waking late in this one JVM, on a busy machine) can land in the next second beside that
        // second's share. A few such 429s are the most a paced burst meets; a minute's quota let
        // through at once meets 30.
        assertThat(azure.rateLimitedCount(PRIMARY)).as("429s answered by Azure").isLessThanOrEqualTo(3);
        assertThat(took).as("5 leave at once, then 5 each second: the last 5 after 6 s (a 429 costs up to 2 s)")
                .isBetween(Duration.ofSeconds(6), Duration.ofSeconds(12));
    }

    static List<String> burst(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) texts.add(prefix + " " + i + " of a burst of parallel calls");
        return texts;
    }

    List<Callable<ChatAnswer>> calls(List<String> texts) {
        List<Callable<ChatAnswer>> calls = new ArrayList<>();
        for (String text : texts) calls.add(() -> call(summarize(text)));
        return calls;
    }
}
