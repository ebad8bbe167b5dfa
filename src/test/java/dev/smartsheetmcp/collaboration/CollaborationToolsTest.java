package dev.smartsheetmcp.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The discussion, comment, attachment and history tools against the Smartsheet emulator, error paths included.
 * Smartsheet's limit is lifted: at 300 a minute each upload and history request after the first waits
 * 2 s at the quota (RowHistoryRateLimitTest is about that).
 */
@SandboxApplication({"attachments.inline-max-bytes=4096", "smartsheet.rpm=30000", "sandbox.smartsheet.rpm=30000"})
class CollaborationToolsTest {

    private static final String UNKNOWN = "9007199254740995";

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static Path attachments;
    private static long sheetId;
    private static List<Long> rows;

    @BeforeAll
    static void setUp() throws Exception {
        smartsheet = app.sandbox().smartsheet();
        sheetId = smartsheet.createSheet(null, "Collaboration", List.of(ColumnSpec.primary("Task"), ColumnSpec.text("Status")),
                List.of(Map.of("Task", "Write", "Status", "Open"), Map.of("Task", "Review", "Status", "Open")));
        rows = smartsheet.rowIds(sheetId);
        attachments = app.dataDir().resolve("attachments");
        Files.createDirectories(attachments);
    }

    private static String sheet() {
        return Long.toString(sheetId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyToolIsListedWithItsAnnotations() {
        Map<String, McpSchema.Tool> tools = client.listTools().tools().stream()
                .collect(Collectors.toMap(McpSchema.Tool::name, tool -> tool));
        for (String read : List.of("smartsheet_get_discussions", "smartsheet_get_comments", "smartsheet_get_attachments",
                "smartsheet_get_cell_history", "smartsheet_get_row_history")) {
            assertThat(tools.get(read).annotations().readOnlyHint()).as(read).isTrue();
        }
        for (String delete : List.of("smartsheet_delete_comment", "smartsheet_delete_attachment")) {
            assertThat(tools.get(delete).annotations().destructiveHint()).as(delete).isTrue();
        }
        for (String creation : List.of("smartsheet_create_discussion", "smartsheet_add_comment", "smartsheet_upload_attachment")) {
            assertThat(tools.get(creation).annotations().idempotentHint()).as(creation).isFalse();
            assertThat(tools.get(creation).annotations().readOnlyHint()).as(creation).isFalse();
        }
        assertThat((Map<String, Object>) tools.get("smartsheet_upload_attachment").inputSchema().get("properties"))
                .containsKeys("sheet_id", "file_path", "attachment_type", "target_id", "file_name", "content_base64", "url", "name");
    }

    @Test
    void discussionsOnTheSheetAndARowWithCommentsAuthorsAndDates() {
        JsonNode created = ToolCalls.ok(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(),
                "discussion_type", "row", "target_id", rows.get(0).toString(), "comment_text", "Is this done?", "title", "Status"));
        String discussionId = created.path("discussion").path("id").asText();
        assertThat(created.path("discussion").path("title").asText()).startsWith("Status");
        ToolCalls.ok(client, "smartsheet_add_comment", Map.of("sheet_id", sheet(), "discussion_id", discussionId,
                "comment_text", "Not yet"));
        ToolCalls.ok(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(), "discussion_type", "sheet",
                "comment_text", "Kick-off notes"));

        JsonNode onRow = ToolCalls.ok(client, "smartsheet_get_discussions", Map.of("sheet_id", sheet(),
                "discussion_type", "row", "target_id", rows.get(0).toString(), "include_comments", true));
        assertThat(onRow.path("total_count").asInt()).isEqualTo(1);
        JsonNode comments = onRow.path("discussions").get(0).path("comments");
        assertThat(comments.findValuesAsText("text")).containsExactly("Status\n\nIs this done?", "Not yet");
        JsonNode all = ToolCalls.ok(client, "smartsheet_get_discussions", Map.of("sheet_id", sheet(), "discussion_type", "sheet"));
        assertThat(all.path("discussions").findValuesAsText("parent_type")).contains("ROW", "SHEET");

        JsonNode read = ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", discussionId));
        assertThat(read.path("total_count").asInt()).isEqualTo(2);
        for (JsonNode comment : read.path("comments")) {
            assertThat(comment.path("author").path("email").asText()).contains("@");
            assertThat(comment.path("author").path("name").asText()).isNotBlank();
            assertThat(comment.path("created_at").asText()).isNotBlank();
            assertThat(comment.path("modified_at").asText()).isNotBlank();
        }

        String first = read.path("comments").get(0).path("id").asText();
        assertThat(ToolCalls.ok(client, "smartsheet_delete_comment", Map.of("sheet_id", sheet(), "comment_id", first))
                .path("success").asBoolean()).isTrue();
        assertThat(ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", discussionId))
                .path("comments").findValuesAsText("text")).containsExactly("Not yet");
    }

    @Test
    void commentsArePagedWithinTheSizeBudget() {
        String discussionId = ToolCalls.ok(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(),
                "discussion_type", "sheet", "comment_text", "Long thread")).path("discussion").path("id").asText();
        for (int i = 0; i < 12; i++) {
            ToolCalls.ok(client, "smartsheet_add_comment", Map.of("sheet_id", sheet(), "discussion_id", discussionId,
                    "comment_text", "Reply " + i + " " + "x".repeat(300)));
        }
        List<JsonNode> pages = ToolCalls.pages(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(),
                "discussion_id", discussionId), 1500);
        assertThat(pages.size()).isGreaterThan(1);
        List<String> texts = pages.stream().flatMap(page -> page.path("comments").findValuesAsText("text").stream()).toList();
        assertThat(texts).hasSize(13).doesNotHaveDuplicates();
    }

    @Test
    void discussionAndCommentErrors() {
        assertThat(ToolCalls.error(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(), "discussion_type", "row",
                "target_id", UNKNOWN, "comment_text", "On a missing row"))).contains("1006").contains("404");
        assertThat(ToolCalls.error(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(), "discussion_type", "row",
                "comment_text", "No row"))).contains("target_id");
        assertThat(ToolCalls.error(client, "smartsheet_create_discussion", Map.of("sheet_id", UNKNOWN, "discussion_type", "sheet",
                "comment_text", "No sheet"))).contains("1006");
        smartsheet.resetCounters();
        assertThat(ToolCalls.error(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(), "discussion_type", "sheet",
                "comment_text", "x".repeat(4001)))).contains("comment_text").contains("4000");
        assertThat(smartsheet.requestCount("POST /sheets/{sheetId}/discussions")).isZero();
        assertThat(ToolCalls.error(client, "smartsheet_add_comment", Map.of("sheet_id", sheet(), "discussion_id", UNKNOWN,
                "comment_text", "Hello"))).contains("1006");
        assertThat(ToolCalls.error(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", UNKNOWN)))
                .contains("1006");
        assertThat(ToolCalls.error(client, "smartsheet_delete_comment", Map.of("sheet_id", sheet(), "comment_id", UNKNOWN)))
                .contains("1006");
    }

    @Test
    void aFileUploadedFromTheAttachmentsDirectoryDownloadsByteForByte() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(13).nextBytes(bytes);
        Files.createDirectories(attachments.resolve("in"));
        Files.write(attachments.resolve("in/report.bin"), bytes);

        JsonNode uploaded = ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(),
                "file_path", "in/report.bin", "attachment_type", "row", "target_id", rows.get(1).toString()));
        String attachmentId = uploaded.path("attachment").path("id").asText();
        assertThat(smartsheet.attachmentBytes(sheetId, Long.parseLong(attachmentId))).isEqualTo(bytes);

        JsonNode saved = ToolCalls.ok(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(),
                "attachment_id", attachmentId, "save_path", "out/copy.bin"));
        assertThat(saved.path("bytes").asLong()).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(attachments.resolve("out/copy.bin"))).isEqualTo(bytes);
        assertThat(ToolCalls.error(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(),
                "attachment_id", attachmentId, "save_path", "out/copy.bin"))).contains("exists");

        JsonNode listed = ToolCalls.ok(client, "smartsheet_get_attachments", Map.of("sheet_id", sheet(),
                "attachment_type", "row", "target_id", rows.get(1).toString()));
        assertThat(listed.path("attachments").findValuesAsText("name")).contains("report.bin");

        JsonNode large = ToolCalls.ok(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(), "attachment_id", attachmentId));
        assertThat(large.path("url").asText()).startsWith("http");
        assertThat(large.has("content_base64")).isFalse();

        assertThat(ToolCalls.ok(client, "smartsheet_delete_attachment", Map.of("sheet_id", sheet(), "attachment_id", attachmentId))
                .path("success").asBoolean()).isTrue();
        assertThat(ToolCalls.error(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(), "attachment_id", attachmentId)))
                .contains("1006");
    }

    @Test
    void smallContentGoesInlineBothWaysAndLinksAttach() {
        byte[] bytes = "hello, attachments\n".getBytes();
        JsonNode uploaded = ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(),
                "attachment_type", "sheet", "content_base64", Base64.getEncoder().encodeToString(bytes), "file_name", "hello.txt"));
        String attachmentId = uploaded.path("attachment").path("id").asText();
        JsonNode downloaded = ToolCalls.ok(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(), "attachment_id", attachmentId));
        assertThat(Base64.getDecoder().decode(downloaded.path("content_base64").asText())).isEqualTo(bytes);
        assertThat(downloaded.path("url").asText()).startsWith("http");

        JsonNode link = ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type", "sheet",
                "url", "https://example.com/spec", "name", "Spec"));
        assertThat(link.path("attachment").path("attachment_type").asText()).isEqualTo("LINK");
        assertThat(link.path("attachment").path("url").asText()).isEqualTo("https://example.com/spec");

        String discussionId = ToolCalls.ok(client, "smartsheet_create_discussion", Map.of("sheet_id", sheet(),
                "discussion_type", "sheet", "comment_text", "See file")).path("discussion").path("id").asText();
        String commentId = ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", discussionId))
                .path("comments").get(0).path("id").asText();
        ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type", "comment",
                "target_id", commentId, "content_base64", Base64.getEncoder().encodeToString(bytes), "file_name", "note.txt"));
        JsonNode comments = ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", discussionId));
        assertThat(comments.path("comments").get(0).path("attachments")).hasSize(1);
        assertThat(comments.path("comments").get(0).path("attachments").get(0).path("name").asText()).isEqualTo("note.txt");
        assertThat(ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", sheet(), "discussion_id", discussionId,
                "include_attachments", false)).path("comments").get(0).has("attachments")).isFalse();
    }

    @Test
    void pathsOutsideTheAttachmentsDirectoryAreRefused() throws Exception {
        Path outside = Files.createTempFile("outside-attachments", ".txt");
        Files.writeString(outside, "secret");
        Files.createSymbolicLink(attachments.resolve("leak.txt"), outside);
        Files.createSymbolicLink(attachments.resolve("elsewhere"), outside.getParent());
        smartsheet.resetCounters();

        for (String path : List.of(outside.toString(), "../secret.txt", "in/../../secret.txt", "leak.txt",
                "elsewhere/" + outside.getFileName())) {
            String error = ToolCalls.error(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(),
                    "attachment_type", "sheet", "file_path", path));
            assertThat(error).as(path).contains("file_path").containsAnyOf("outside", "'..'", "symbolic link");
        }
        String attachmentId = ToolCalls.ok(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type",
                "sheet", "content_base64", Base64.getEncoder().encodeToString(new byte[10]), "file_name", "z.bin"))
                .path("attachment").path("id").asText();
        for (String path : List.of(outside.getParent().resolve("written.bin").toString(), "../written.bin", "elsewhere/written.bin",
                "leak.txt")) {
            String error = ToolCalls.error(client, "smartsheet_download_attachment", Map.of("sheet_id", sheet(),
                    "attachment_id", attachmentId, "save_path", path));
            assertThat(error).as(path).contains("save_path");
        }
        assertThat(Files.exists(outside.getParent().resolve("written.bin"))).isFalse();
        assertThat(Files.readString(outside)).isEqualTo("secret");
        assertThat(smartsheet.requestCount("POST /sheets/{sheetId}/attachments")).isEqualTo(1);
    }

    @Test
    void filesOverTheCapsAreRefusedBeforeAnythingIsSent() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(attachments.resolve("huge.bin").toFile(), "rw")) {
            file.setLength(30L * 1024 * 1024 + 1);
        }
        smartsheet.resetCounters();
        assertThat(ToolCalls.error(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type", "sheet",
                "file_path", "huge.bin"))).contains("file_path").contains("30 MB");
        assertThat(ToolCalls.error(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type", "sheet",
                "content_base64", Base64.getEncoder().encodeToString(new byte[5000]), "file_name", "big.bin")))
                .contains("content_base64").contains("4096");
        assertThat(ToolCalls.error(client, "smartsheet_upload_attachment", Map.of("sheet_id", sheet(), "attachment_type", "row",
                "target_id", UNKNOWN, "content_base64", "aGk=", "file_name", "hi.txt"))).contains("1006");
        assertThat(smartsheet.requestCount("POST /sheets/{sheetId}/attachments")).isZero();
    }

    @Test
    void cellHistoryByColumnTitleAndRowHistoryMergedNewestFirst() throws Exception {
        long row = rows.get(0);
        // history times have whole seconds, as Smartsheet's: each edit a second after the one before, the seeding included
        Thread.sleep(1100);
        smartsheet.editCellAsPerson(sheetId, row, "Status", "In progress");
        Thread.sleep(1100);
        smartsheet.editCellAsPerson(sheetId, row, "Task", "Write the draft");
        Thread.sleep(1100);
        smartsheet.editCellAsPerson(sheetId, row, "Status", "Done");

        JsonNode cell = ToolCalls.ok(client, "smartsheet_get_cell_history", Map.of("sheet_id", sheet(), "row_id", Long.toString(row),
                "column_id", "Status"));
        assertThat(cell.path("history").findValuesAsText("value")).startsWith("Done", "In progress");
        assertThat(cell.path("history").get(0).path("modified_by").path("email").asText()).contains("@");

        JsonNode history = ToolCalls.ok(client, "smartsheet_get_row_history", Map.of("sheet_id", sheet(), "row_id", Long.toString(row)));
        List<String> columns = history.path("history").findValuesAsText("column_title");
        assertThat(history.path("history").findValuesAsText("value").subList(0, 3)).containsExactly("Done", "Write the draft", "In progress");
        assertThat(columns.subList(0, 3)).containsExactly("Status", "Task", "Status");
        List<String> times = history.path("history").findValuesAsText("modified_at");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(ToolCalls.error(client, "smartsheet_get_cell_history", Map.of("sheet_id", sheet(), "row_id", Long.toString(row),
                "column_id", "Nope"))).contains("column_id").contains("Status");
        assertThat(ToolCalls.error(client, "smartsheet_get_row_history", Map.of("sheet_id", sheet(), "row_id", UNKNOWN)))
                .contains("1006");
    }
}
