package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import dev.smartsheetmcp.testing.ToolSamples;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * smartsheet_delete, smartsheet_delete_column, smartsheet_delete_attachment, smartsheet_delete_comment and
 * cancel_batch_analysis ask a client that supports elicitation to confirm, naming what will be lost;
 * only a confirmation runs them.
 */
@SandboxApplication(unthrottledModel = true)
class DestructiveConfirmationTest {

    private static SandboxApp app;
    private static McpSyncClient plainClient;
    private static McpSyncClient client;
    private static final List<String> questions = new CopyOnWriteArrayList<>();
    private static final AtomicReference<ElicitResult> userAnswer = new AtomicReference<>();
    private static ToolSamples samples;

    @BeforeAll
    static void openElicitingClient() {
        client = app.mcpClientWithElicitation(request -> {
            questions.add(request.message());
            return userAnswer.get();
        });
        samples = new ToolSamples(app, plainClient);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aDeclinedDeleteDeletesNothingAndSaysSo() {
        long sheet = samples.sheet();
        List<Long> rows = app.sandbox().smartsheet().rowIds(sheet);
        userAnswer.set(new ElicitResult(ElicitResult.Action.DECLINE, null));

        String error = ToolCalls.error(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheet),
                "row_ids", List.of(rows.get(0).toString(), rows.get(1).toString())));

        assertThat(lastQuestion()).contains("Delete 2 row(s)").contains(Long.toString(sheet));
        assertThat(error).contains("Nothing was changed").contains("decline");
        assertThat(app.sandbox().smartsheet().rowIds(sheet)).isEqualTo(rows);
    }

    @Test
    void anAcceptedDeleteDeletes() {
        long sheet = samples.sheet();
        List<Long> rows = app.sandbox().smartsheet().rowIds(sheet);
        userAnswer.set(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));

        var answer = ToolCalls.ok(client, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheet),
                "row_ids", List.of(rows.get(0).toString())));

        assertThat(lastQuestion()).contains("Delete 1 row(s)");
        assertThat(answer.path("rows_deleted").asInt()).isEqualTo(1);
        assertThat(app.sandbox().smartsheet().rowIds(sheet)).containsExactly(rows.get(1));
    }

    @Test
    void deletingAColumnNamesItAndAnUncheckedBoxKeepsIt() {
        long sheet = samples.sheet();
        String column = (String) samples.columnMap(sheet).get("Result");
        userAnswer.set(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", false)));

        String error = ToolCalls.error(client, "smartsheet_delete_column", Map.of("sheet_id", Long.toString(sheet),
                "column_id", column));

        assertThat(lastQuestion()).contains("'Result'");
        assertThat(error).contains("Nothing was changed");
        assertThat(samples.columnMap(sheet)).containsKey("Result");
    }

    @Test
    void aDeclinedAttachmentDeleteNamesTheFileAndWhereItIsAttachedAndKeepsIt() {
        long sheet = samples.sheet();
        long row = app.sandbox().smartsheet().rowIds(sheet).get(0);
        long attachment = samples.rowAttachment(sheet);
        userAnswer.set(new ElicitResult(ElicitResult.Action.DECLINE, null));

        String error = ToolCalls.error(client, "smartsheet_delete_attachment", Map.of("sheet_id", Long.toString(sheet),
                "attachment_id", Long.toString(attachment)));

        assertThat(lastQuestion()).contains("'minutes.pdf'").contains("row " + row).contains("sheet " + sheet);
        assertThat(error).contains("Nothing was changed").contains("decline");
        assertThat(app.sandbox().smartsheet().attachmentBytes(sheet, attachment)).isNotNull();
    }

    @Test
    void anAcceptedAttachmentDeleteDeletes() {
        long sheet = samples.sheet();
        long attachment = samples.rowAttachment(sheet);
        userAnswer.set(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));

        var answer = ToolCalls.ok(client, "smartsheet_delete_attachment", Map.of("sheet_id", Long.toString(sheet),
                "attachment_id", Long.toString(attachment)));

        assertThat(lastQuestion()).contains("'minutes.pdf'");
        assertThat(answer.path("deleted_attachment_id").asText()).isEqualTo(Long.toString(attachment));
        assertThatThrownBy(() -> app.sandbox().smartsheet().attachmentBytes(sheet, attachment))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingACommentNamesItsAuthorAndTheStartOfItsText() {
        long sheet = samples.sheet();
        long discussion = samples.rowDiscussion(sheet);
        String comment = samples.firstComment(sheet, discussion);
        userAnswer.set(new ElicitResult(ElicitResult.Action.DECLINE, null));

        String error = ToolCalls.error(client, "smartsheet_delete_comment", Map.of("sheet_id", Long.toString(sheet),
                "comment_id", comment));

        assertThat(lastQuestion()).contains("Sandbox User").contains("\"Is this done? It was due on Friday\"");
        assertThat(error).contains("Nothing was changed");
        assertThat(ToolCalls.ok(plainClient, "smartsheet_get_comments", Map.of("sheet_id", Long.toString(sheet),
                "discussion_id", Long.toString(discussion))).path("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void cancellingAJobNamesItsProgressAndRunsOnceConfirmed() {
        String job = ToolCalls.ok(plainClient, "start_batch_analysis", samples.arguments("start_batch_analysis")).path("jobId").asText();
        userAnswer.set(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));

        var answer = ToolCalls.ok(client, "cancel_batch_analysis", Map.of("jobId", job));

        assertThat(lastQuestion()).contains(job).contains("rows written");
        assertThat(answer.path("jobId").asText()).isEqualTo(job);
    }

    @Test
    void aCallThatCannotBeDescribedFailsUnasked() {
        int asked = questions.size();
        userAnswer.set(new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("confirm", true)));

        String error = ToolCalls.error(client, "cancel_batch_analysis", Map.of("jobId", "no-such-job"));

        assertThat(error).contains("no-such-job");
        assertThat(questions).hasSize(asked);
    }

    @Test
    void aClientWithoutElicitationIsNotAsked() {
        long sheet = samples.sheet();
        int asked = questions.size();

        ToolCalls.ok(plainClient, "smartsheet_delete", Map.of("sheet_id", Long.toString(sheet),
                "row_ids", List.of(app.sandbox().smartsheet().rowIds(sheet).get(0).toString())));

        assertThat(questions).hasSize(asked);
    }

    private static String lastQuestion() {
        assertThat(questions).isNotEmpty();
        return questions.get(questions.size() - 1);
    }
}
