package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Discussions, comments, attachments and cell history as the API reference gives them, and their weights in the rate limit. */
class SmartsheetCollaborationContractTest extends EmulatorContract {

    @Test
    void aRowDiscussionTakesCommentsListsThemWithAuthorsAndGoesWithItsLastComment() {
        long row = rowId(0);
        ApiClient.Response created = api.post(sheetPath() + "/rows/" + row + "/discussions", Map.of("comment", Map.of("text", "First")));
        assertThat(created.status()).isEqualTo(200);
        JsonNode discussion = created.json().path("result");
        assertThat(discussion.path("parentType").asText()).isEqualTo("ROW");
        assertThat(discussion.path("title").asText()).isEqualTo("First");
        long discussionId = discussion.path("id").asLong();
        JsonNode comment = api.post(sheetPath() + "/discussions/" + discussionId + "/comments", Map.of("text", "Second")).json().path("result");
        assertThat(comment.path("createdBy").path("email").asText()).contains("@");

        JsonNode listed = api.get(sheetPath() + "/rows/" + row + "/discussions?include=comments").json();
        assertThat(listed.path("totalCount").asInt()).isEqualTo(1);
        assertThat(listed.path("data").get(0).path("comments").findValuesAsText("text")).containsExactly("First", "Second");
        assertThat(listed.path("data").get(0).path("commentCount").asInt()).isEqualTo(2);

        for (JsonNode each : api.get(sheetPath() + "/discussions/" + discussionId).json().path("comments")) {
            assertThat(api.delete(sheetPath() + "/comments/" + each.path("id").asText()).status()).isEqualTo(200);
        }
        assertThat(api.get(sheetPath() + "/discussions/" + discussionId).status()).isEqualTo(404);
    }

    @Test
    void errorsForAMissingRowAnUnknownDiscussionAndACommentOverTheLimit() {
        ApiClient.Response missingRow = api.post(sheetPath() + "/rows/" + UNKNOWN_ID + "/discussions", Map.of("comment", Map.of("text", "x")));
        assertThat(missingRow.status()).isEqualTo(404);
        assertThat(missingRow.errorCode()).isEqualTo(1006);
        assertThat(api.post(sheetPath() + "/discussions/" + UNKNOWN_ID + "/comments", Map.of("text", "x")).errorCode()).isEqualTo(1006);
        ApiClient.Response tooLong = api.post(sheetPath() + "/discussions", Map.of("comment", Map.of("text", "y".repeat(4001))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorCode()).isEqualTo(1041);
        assertThat(api.post(sheetPath() + "/discussions", Map.of("comment", Map.of("text", "y".repeat(4000)))).status()).isEqualTo(200);
    }

    @Test
    void aFileUploadedSimplyIsServedAtAShortLivedUrlWithoutAToken() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 255, 13, 10, 45, 45};
        HttpRequest upload = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + sheetPath() + "/attachments"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"data.bin\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode attached = ApiClient.JSON.readTree(http.send(upload, HttpResponse.BodyHandlers.ofString()).body()).path("result");
        assertThat(attached.path("attachmentType").asText()).isEqualTo("FILE");
        assertThat(attached.path("parentType").asText()).isEqualTo("SHEET");

        JsonNode got = api.get(sheetPath() + "/attachments/" + attached.path("id").asText()).json();
        assertThat(got.path("urlExpiresInMillis").asLong()).isPositive();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(got.path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(bytes);
        assertThat(api.get(sheetPath() + "/attachments").json().path("data").findValuesAsText("name")).contains("data.bin");

        ApiClient.Response link = api.post(sheetPath() + "/rows/" + rowId(0) + "/attachments",
                Map.of("attachmentType", "LINK", "url", "https://example.com", "name", "Example"));
        assertThat(link.json().path("result").path("url").asText()).isEqualTo("https://example.com");
        assertThat(api.delete(sheetPath() + "/attachments/" + attached.path("id").asText()).status()).isEqualTo(200);
        assertThat(api.get(sheetPath() + "/attachments/" + UNKNOWN_ID).errorCode()).isEqualTo(1006);
    }

    @Test
    void cellHistoryIsNewestFirstWithWhoAndWhen() {
        long row = rowId(0);
        emulator.editCellAsPerson(demo.sheetId(), row, "Summary", "first");
        emulator.editCellAsPerson(demo.sheetId(), row, "Summary", "second");
        JsonNode history = api.get(sheetPath() + "/rows/" + row + "/columns/" + columnId("Summary") + "/history?includeAll=true").json();
        assertThat(history.path("data").findValuesAsText("value")).startsWith("second", "first");
        assertThat(history.path("data").get(0).path("modifiedBy").path("email").asText()).contains("@");
        assertThat(history.path("data").get(0).path("modifiedAt").asText()).isNotBlank();
        assertThat(api.get(sheetPath() + "/rows/" + row + "/columns/" + UNKNOWN_ID + "/history").errorCode()).isEqualTo(1006);
    }

    @Nested
    class AtTheRealLimit extends EmulatorContract {

        @Override
        int requestsPerMinute() {
            return 300;
        }

        @Test
        void attachingAndCellHistoryCountAsTenRequests() {
            String path = "/sheets/" + demo.sheetId();
            long row = emulator.rowIds(demo.sheetId()).get(0);
            emulator.resetCounters();
            String history = path + "/rows/" + row + "/columns/" + columnId("Summary") + "/history";
            for (int i = 0; i < 29; i++) assertThat(api.get(history).status()).isEqualTo(200);
            assertThat(emulator.weightedRequestCount()).as("1 for the columns, 10 for each history").isEqualTo(291);
            // 291 + 10 > 300: a cell history no longer fits this minute, a plain read still does
            assertThat(api.get(history).errorCode()).isEqualTo(4003);
            assertThat(api.get(path + "/columns").status()).isEqualTo(200);
            ApiClient.Response refused = api.post(path + "/attachments", Map.of("url", "https://example.com", "name", "x"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo(4003);
        }
    }

}
