package dev.smartsheetmcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** prompts/list, prompts/get and completion/complete through a real MCP client. */
// sheets are created in the emulator behind the server's back: nothing kept, so completions see them at once
@SandboxApplication({"completions.cache-seconds=0", "smartsheet.metadata-cache.ttl-ms=0"})
class PromptsAndCompletionsTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long marketing;
    private static long budget;
    private static long workspace;

    @BeforeAll
    static void seed() {
        smartsheet = app.sandbox().smartsheet();
        workspace = smartsheet.createWorkspace("Zephyr Programme");
        marketing = smartsheet.createSheet(workspace, "Zebra Marketing Plan", List.of(ColumnSpec.primary("Task"),
                ColumnSpec.text("Feedback"), ColumnSpec.text("Feeling")), List.of());
        budget = smartsheet.createSheet(null, "Zebra Budget", List.of(ColumnSpec.primary("Item")), List.of());
    }

    @Test
    void listsTheSevenPromptsWithTheirArguments() {
        Map<String, McpSchema.Prompt> prompts = new java.util.HashMap<>();
        client.listPrompts().prompts().forEach(prompt -> prompts.put(prompt.name(), prompt));

        assertThat(prompts).containsOnlyKeys("create_project_plan", "analyze_project_status", "optimize_workflow",
                "generate_insights", "create_dashboard_summary", "setup_conditional_formatting", "enrich_sheet");
        assertThat(arguments(prompts.get("create_project_plan"))).containsExactly("project_name", "project_type", "duration_estimate");
        assertThat(arguments(prompts.get("analyze_project_status"))).containsExactly("sheet_id", "focus_area");
        assertThat(arguments(prompts.get("optimize_workflow"))).containsExactly("sheet_id", "workflow_type");
        assertThat(arguments(prompts.get("generate_insights"))).containsExactly("sheet_id", "insight_type");
        assertThat(arguments(prompts.get("create_dashboard_summary"))).containsExactly("workspace_id", "summary_focus");
        assertThat(arguments(prompts.get("setup_conditional_formatting"))).containsExactly("sheet_id", "formatting_goal");
        assertThat(arguments(prompts.get("enrich_sheet"))).startsWith("sheet_id", "goal");
        assertThat(prompts.get("enrich_sheet").arguments().stream().filter(McpSchema.PromptArgument::required)
                .map(McpSchema.PromptArgument::name)).containsExactly("sheet_id", "goal");
    }

    @Test
    void getsEachPromptWithItsArguments() {
        String sheet = Long.toString(marketing);
        Map<String, Map<String, Object>> calls = Map.of(
                "create_project_plan", Map.of("project_name", "Launch Z", "project_type", "marketing", "duration_estimate", "6 weeks"),
                "analyze_project_status", Map.of("sheet_id", sheet, "focus_area", "risks"),
                "optimize_workflow", Map.of("sheet_id", sheet, "workflow_type", "approval"),
                "generate_insights", Map.of("sheet_id", sheet, "insight_type", "trends"),
                "create_dashboard_summary", Map.of("workspace_id", Long.toString(workspace), "summary_focus", "progress"),
                "setup_conditional_formatting", Map.of("sheet_id", sheet, "formatting_goal", "deadlines"),
                "enrich_sheet", Map.of("sheet_id", sheet, "goal", "the feeling of each piece of feedback"));
        calls.forEach((name, arguments) -> {
            McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest(name, arguments));
            String text = ((McpSchema.TextContent) result.messages().get(0).content()).text();
            assertThat(text).as(name).doesNotContain("{{");
            arguments.values().forEach(value -> assertThat(text).as(name).contains(value.toString()));
        });
    }

    @Test
    void enrichSheetWalksThroughColumnsATestRunABatchJobAndANightlySchedule() {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest("enrich_sheet",
                Map.of("sheet_id", Long.toString(marketing), "goal", "a sentiment label")));
        String text = ((McpSchema.TextContent) result.messages().get(0).content()).text();

        assertThat(text).containsSubsequence("get_column_map", "smartsheet_add_column", "start_batch_analysis", "rowIds",
                "`wait`: true", "start_batch_analysis", "get_job_status", "smartsheet-jobs://", "create_schedule", "0 0 2 * * ?");
        assertThat(text).contains("`sourceColumns`", "`targetColumn`", "`customGoal`", "`jobId`");
    }

    @Test
    void embedsTheStaticResourcesAPromptNames() {
        McpSchema.GetPromptResult result = client.getPrompt(new McpSchema.GetPromptRequest("create_project_plan",
                Map.of("project_name", "Launch Z")));

        assertThat(result.messages()).hasSize(3);
        McpSchema.EmbeddedResource plan = (McpSchema.EmbeddedResource) result.messages().get(1).content();
        assertThat(plan.resource().uri()).isEqualTo("smartsheet://templates/project-plan");
        assertThat(((McpSchema.TextResourceContents) plan.resource()).text()).contains("Task Name");
        assertThat(((McpSchema.TextContent) result.messages().get(0).content()).text()).contains("type: general");
    }

    @Test
    void refusesAPromptWithoutItsRequiredArgument() {
        assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("enrich_sheet",
                Map.of("sheet_id", Long.toString(marketing))))).hasMessageContaining("goal");
        assertThatThrownBy(() -> client.getPrompt(new McpSchema.GetPromptRequest("analyze_project_status",
                Map.of("sheet_id", "abc")))).hasMessageContaining("sheet_id");
    }

    @Test
    void completesSheetIdsByNamePrefixForPromptsAndTemplates() {
        assertThat(complete(new McpSchema.PromptReference("enrich_sheet"), "sheet_id", "zebra", Map.of()))
                .containsExactly(Long.toString(budget), Long.toString(marketing));
        assertThat(complete(new McpSchema.ResourceReference("smartsheet://{sheet_id}/summary"), "sheet_id", "Marketing", Map.of()))
                .containsExactly(Long.toString(marketing));
        // the caches are off in this test: a sheet created now is offered at once
        long late = smartsheet.createSheet(null, "Zebra Late", List.of(ColumnSpec.primary("A")), List.of());
        assertThat(complete(new McpSchema.PromptReference("generate_insights"), "sheet_id", "zebra l", Map.of()))
                .containsExactly(Long.toString(late));
    }

    @Test
    void completesWorkspaceIdsTypesAndColumnTitles() {
        assertThat(complete(new McpSchema.ResourceReference("smartsheet://{workspace_id}/overview"), "workspace_id", "zeph", Map.of()))
                .containsExactly(Long.toString(workspace));
        assertThat(complete(new McpSchema.PromptReference("create_dashboard_summary"), "workspace_id", "Zephyr", Map.of()))
                .containsExactly(Long.toString(workspace));
        assertThat(complete(new McpSchema.PromptReference("enrich_sheet"), "type", "s", Map.of()))
                .containsExactly("summarize", "sentiment");
        assertThat(complete(new McpSchema.PromptReference("enrich_sheet"), "source_column", "fee",
                Map.of("sheet_id", Long.toString(marketing)))).containsExactly("Feedback", "Feeling");
        assertThat(complete(new McpSchema.PromptReference("enrich_sheet"), "source_column", "fee", Map.of())).isEmpty();
        assertThat(complete(new McpSchema.PromptReference("analyze_project_status"), "focus_area", "r", Map.of()))
                .containsExactly("resources", "risks");
    }

    private static List<String> complete(McpSchema.CompleteReference reference, String argument, String value, Map<String, String> given) {
        McpSchema.CompleteRequest request = new McpSchema.CompleteRequest(reference,
                new McpSchema.CompleteRequest.CompleteArgument(argument, value), new McpSchema.CompleteRequest.CompleteContext(given));
        return client.completeCompletion(request).completion().values();
    }

    private static List<String> arguments(McpSchema.Prompt prompt) {
        return prompt.arguments().stream().map(McpSchema.PromptArgument::name).toList();
    }
}
