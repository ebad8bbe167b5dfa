package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SmartsheetAccessContractTest extends EmulatorContract {

    @Override
    int requestsPerMinute() {
        return 5;
    }

    @Test
    void rejectsAMissingTokenWith401And1001() {
        ApiClient.Response response = api.withToken(null).get("/sheets");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo(1001);
        SpecSchemas.assertValid("Error", response.json());
    }

    @Test
    void rejectsAnUnknownTokenWith401And1002() {
        ApiClient.Response response = api.withToken("not-a-token").get(sheetPath());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo(1002);
        assertThat(response.json().path("message").asText()).isEqualTo("Your Access Token is invalid.");
        assertThat(response.json().path("refId").asText()).isNotBlank();
        SpecSchemas.assertValid("Error", response.json());
    }

    @Test
    void answers429With4003BeyondTheLimitPerTokenPerMinute() {
        for (int i = 0; i < 5; i++) assertThat(api.get("/sheets").status()).isEqualTo(200);

        ApiClient.Response limited = api.get("/sheets");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo(4003);
        assertThat(limited.json().path("message").asText()).isEqualTo("Rate limit exceeded.");
        assertThat(emulator.rateLimitedCount()).isEqualTo(1);
        assertThat(emulator.requestCount("GET /sheets")).isEqualTo(5);
        emulator.addToken("second-token");
        assertThat(api.withToken("second-token").get("/sheets").status()).isEqualTo(200);
    }

    @Test
    void injectedRateLimitsLookLikeRealOnes() {
        faults.rateLimitRate(1.0);

        ApiClient.Response response = api.get(sheetPath());

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.errorCode()).isEqualTo(4003);
        assertThat(emulator.rateLimitedCount()).isEqualTo(1);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isZero();
    }

    @Test
    void injectedServerErrorsAre500With4000Or4004Or503With4001() {
        faults.serverErrorRate(1.0);
        Set<Integer> codes = new HashSet<>();

        for (int i = 0; i < 40; i++) {
            ApiClient.Response response = api.get(sheetPath());
            if (response.status() == 503) assertThat(response.errorCode()).isEqualTo(4001);
            else assertThat(response.status()).isEqualTo(500);
            if (response.status() == 500) assertThat(response.errorCode()).isIn(4000, 4004);
            SpecSchemas.assertValid("Error", response.json());
            codes.add(response.errorCode());
        }

        assertThat(codes).containsExactlyInAnyOrder(4000, 4001, 4004);
    }

    @Test
    void answersAnUnknownPathWith404And1006() {
        ApiClient.Response response = api.get("/spreadsheets/1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(1006);
    }

    @Test
    void answersAnUnsupportedMethodWith405And1122() {
        ApiClient.Response response = api.send("PATCH", sheetPath(), "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo(1122);
    }

    @Test
    void answersAnUnknownSheetWith404And1006() {
        ApiClient.Response response = api.get("/sheets/9007199254740993");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(1006);
        assertThat(response.json().path("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void countsServedRequestsPerOperationUntilReset() {
        api.get(sheetPath());
        api.get(sheetPath() + "/columns");

        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
        assertThat(emulator.requestCount("GET /sheets/{sheetId}/columns")).isEqualTo(1);
        emulator.resetCounters();
        assertThat(emulator.requestCount("GET /sheets/{sheetId}")).isZero();
    }

    @Nested
    class InAShorterWindow extends EmulatorContract {

        private static final Duration WINDOW = Duration.ofSeconds(2);

        @Override
        int requestsPerMinute() {
            return 5;
        }

        @Override
        Duration rateWindow() {
            return WINDOW;
        }

        @Test
        void theLimitCountsOverTheWindowAndFreesOnceItHasPassed() throws InterruptedException {
            for (int i = 0; i < 5; i++) assertThat(api.get("/sheets").status()).isEqualTo(200);
            assertThat(api.get("/sheets").errorCode()).isEqualTo(4003);

            Thread.sleep(WINDOW.toMillis());

            assertThat(api.get("/sheets").status()).isEqualTo(200);
            assertThat(emulator.rateLimitedCount()).isEqualTo(1);
        }
    }
}
