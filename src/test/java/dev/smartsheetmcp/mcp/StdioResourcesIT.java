package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.testing.AppProcess;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resources, templates, a job subscription, prompts and completions over stdio: the packaged jar
 * in sandbox mode as a child process, on its demo workspace and its 520-row sheet.
 */
class StdioResourcesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void resourcesPromptsCompletionsAndASubscriptionOverStdio() throws Exception {
        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        ServerParameters server = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-jar", AppProcess.jar().toString(), "--sandbox", "--data-dir", work.resolve("data").toString())
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofMinutes(1)).initializationTimeout(Duration.ofMinutes(1))
                .resourcesUpdateConsumer(contents -> updates.add(parse(((McpSchema.TextResourceContents) contents.get(0)).text())))
                .build();
        try {
            client.initialize();
            String workspaceId = ToolCalls.ok(client, "list_workspaces", Map.of()).path("workspaces").get(0).path("id").asText();
            String sheetId = ToolCalls.ok(client, "list_workspace_sheets", Map.of("workspace_id", workspaceId))
                    .path("sheets").get(0).path("id").asText();

            assertThat(client.listResources().resources()).hasSize(5);
            assertThat(client.listResourceTemplates().resourceTemplates()).hasSize(6);
            for (McpSchema.Resource resource : client.listResources().resources()) assertThat(read(client, resource.uri())).isNotBlank();
            for (String view : List.of("summary", "gantt-data", "dependencies", "health-report")) {
                assertThat(parse(read(client, "smartsheet://" + sheetId + "/" + view)).path("rows_read").asInt()).as(view).isEqualTo(520);
            }
            assertThat(parse(read(client, "smartsheet://" + workspaceId + "/overview")).path("sheets").findValuesAsText("id")).contains(sheetId);

            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("enrich_sheet",
                    Map.of("sheet_id", sheetId, "goal", "a sentiment label")));
            assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).contains(sheetId, "create_schedule");
            assertThat(client.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference("enrich_sheet"),
                    new McpSchema.CompleteRequest.CompleteArgument("sheet_id", "cust"))).completion().values()).containsExactly(sheetId);

            subscribesToAJobUntilItEnds(client, sheetId, updates);
        } finally {
            client.closeGracefully();
        }
    }

    private static void subscribesToAJobUntilItEnds(McpSyncClient client, String sheetId, List<JsonNode> updates) {
        List<String> rowIds = new ArrayList<>();
        ToolCalls.ok(client, "get_all_row_ids", Map.of("sheet_id", sheetId)).path("row_ids").forEach(id -> {
            if (rowIds.size() < 30) rowIds.add(id.asText());
        });
        String jobId = ToolCalls.ok(client, "start_batch_analysis", Map.of("sheet_id", sheetId, "type", "sentiment",
                "sourceColumns", List.of("Feedback"), "targetColumn", "Sentiment", "rowIds", rowIds, "batchSize", 5))
                .path("jobId").asText();
        client.subscribeResource(new McpSchema.SubscribeRequest("smartsheet-jobs://" + jobId));

        await().atMost(Duration.ofMinutes(2)).until(() -> !updates.isEmpty()
                && updates.get(updates.size() - 1).path("status").asText().equals("completed"));
        assertThat(updates.get(updates.size() - 1).path("jobId").asText()).isEqualTo(jobId);
        assertThat(updates.get(updates.size() - 1).path("processed").asInt()).isEqualTo(30);
    }

    private static String read(McpSyncClient client, String uri) {
        return ((McpSchema.TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri)).contents().get(0)).text();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }
}
