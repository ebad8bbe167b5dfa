package dev.smartsheetmcp.sandbox.azure;

import static dev.smartsheetmcp.sandbox.azure.ChatCall.body;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.datedPath;
import static dev.smartsheetmcp.sandbox.azure.ChatCall.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.smartsheetmcp.sandbox.FaultInjector;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults, as a client observes them. */
class AzureOpenAiEmulatorFaultsTest {

    private static final String KEY = "test-key";
    private static final String DEPLOYMENT = "gpt-4o";

    private final FaultInjector faults = new FaultInjector(11);
    private AzureOpenAiEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = new AzureOpenAiEmulator(faults, KEY);
        emulator.addDeployment(DEPLOYMENT, 1_000, 1_000_000);
        emulator.start(0, 4);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> chat(String row) throws IOException, InterruptedException {
        return ChatCall.post(emulator.endpoint(), datedPath(DEPLOYMENT), "api-key", KEY,
                body("Summarize the row.", row).put("max_tokens", 50).toString());
    }

    @Test
    void injectedRateLimitIs429WithRetryAfterOneSecondAndIsCounted() throws Exception {
        faults.rateLimitRate(1);

        HttpResponse<String> response = chat("row 1");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("1");
        assertThat(response.headers().firstValue("retry-after-ms")).hasValue("1000");
        assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).isPresent();
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("429");
        assertThat(json(response).path("error").path("message").asText())
                .contains("API version " + ChatCall.API_VERSION + " have exceeded token rate limit")
                .contains("Please retry after 1 seconds.");
        assertThat(emulator.rateLimitedCount(DEPLOYMENT)).isEqualTo(1);
        assertThat(emulator.completionCount(DEPLOYMENT)).isZero();
        assertThat(emulator.timesSeen("row 1")).isEqualTo(1);
    }

    @Test
    void injectedServerErrorsAre500Or503WithInternalServerErrorCode() throws Exception {
        faults.serverErrorRate(1);
        Set<Integer> statuses = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = chat("row " + i);
            statuses.add(response.statusCode());
            assertThat(json(response).path("error").path("code").asText()).isEqualTo("InternalServerError");
        }

        assertThat(statuses).containsExactlyInAnyOrder(500, 503);
    }

    @Test
    void injectedMalformedAnswerIs200WithABodyThatIsNotJson() throws Exception {
        faults.malformedRate(1);

        HttpResponse<String> response = chat("row 1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> ChatCall.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void injectedDropClosesTheConnectionWithoutAnAnswer() {
        faults.dropRate(1);

        assertThatThrownBy(() -> chat("row 1")).isInstanceOf(IOException.class);
    }

    @Test
    void clearingFaultsRestoresNormalAnswers() throws Exception {
        faults.serverErrorRate(1).clearFaults();

        assertThat(chat("row 1").statusCode()).isEqualTo(200);
    }
}
