package dev.smartsheetmcp.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** resources/list, resources/templates/list and resources/read through a real MCP client, on a 5,000-row sheet. */
@SandboxApplication
class ResourceTemplatesTest {

    private static final int ROWS = 5_000;
    private static final int MAX_CHARS = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SandboxApp app;
    private static McpSyncClient client;
    private static long workspaceId;
    private static long sheetId;

    @BeforeAll
    static void seed() {
        SmartsheetEmulator smartsheet = app.sandbox().smartsheet();
        workspaceId = smartsheet.createWorkspace("Programme");
        sheetId = ProjectSheets.create(smartsheet, workspaceId, "Big plan", ROWS);
        ProjectSheets.create(smartsheet, workspaceId, "Small plan", 12);
    }

    @Test
    void listsAndReadsTheFiveStaticResources() throws Exception {
        List<McpSchema.Resource> resources = client.listResources().resources();

        assertThat(resources).extracting(McpSchema.Resource::uri).containsExactlyInAnyOrder(
                "smartsheet://templates/project-plan", "smartsheet://templates/task-tracker",
                "smartsheet://schemas/column-types", "smartsheet://best-practices/formulas",
                "smartsheet://guides/project-hierarchy");
        for (McpSchema.Resource resource : resources) {
            McpSchema.TextResourceContents contents = read(resource.uri());
            assertThat(contents.mimeType()).isEqualTo(resource.mimeType());
            assertThat(contents.text()).as(resource.uri()).hasSizeGreaterThan(500);
        }
        JsonNode types = JSON.readTree(read("smartsheet://schemas/column-types").text());
        assertThat(types.path("types").findValuesAsText("type")).contains("TEXT_NUMBER", "PICKLIST", "PREDECESSOR");
        // the template's columns are what create_sheet_in_workspace takes
        String plan = read("smartsheet://templates/project-plan").text();
        String columns = plan.substring(plan.indexOf("```json") + 7, plan.indexOf("```", plan.indexOf("```json") + 7));
        assertThat(JSON.readTree(columns).get(0).path("type").asText()).isEqualTo("TEXT_NUMBER");
    }

    @Test
    void listsTheSixTemplates() {
        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactlyInAnyOrder("smartsheet://{sheet_id}/summary", "smartsheet://{sheet_id}/gantt-data",
                        "smartsheet://{workspace_id}/overview", "smartsheet://{sheet_id}/dependencies",
                        "smartsheet://{sheet_id}/health-report", "smartsheet-jobs://{job_id}");
    }

    @Test
    void summarizesEveryRowOfTheSheet() throws Exception {
        JsonNode summary = readJson("smartsheet://" + sheetId + "/summary");

        assertThat(summary.path("rows_read").asInt()).isEqualTo(ROWS);
        assertThat(summary.path("rows_complete").asInt()).isEqualTo(ROWS / 4);
        JsonNode status = column(summary, "Status");
        assertThat(status.path("top_values").path("Complete").asInt()).isEqualTo(ROWS / 4);
        assertThat(status.path("filled").asInt()).isEqualTo(ROWS);
        JsonNode owner = column(summary, "Assigned To");
        assertThat(owner.path("filled").asInt()).isEqualTo(ROWS - ROWS / 3);
        assertThat(column(summary, "Start").path("dates").path("earliest").asText()).isEqualTo("2020-01-02");
        assertThat(summary.path("project_columns").path("end").asText()).isEqualTo("Finish");
    }

    @Test
    void answersGanttDataOverTheWholeSheetWithinTheSizeBudget() throws Exception {
        String text = read("smartsheet://" + sheetId + "/gantt-data").text();
        JsonNode gantt = JSON.readTree(text);

        assertThat(text.length()).isLessThanOrEqualTo(MAX_CHARS);
        assertThat(gantt.path("task_count").asInt()).isEqualTo(ROWS);
        assertThat(gantt.path("project_start").asText()).isEqualTo("2020-01-02");
        assertThat(gantt.path("project_end").asText()).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(ROWS + 5).toString());
        assertThat(gantt.path("tasks").size() + gantt.path("omitted_for_size").path("tasks").asInt()).isEqualTo(ROWS);
        JsonNode first = gantt.path("tasks").get(0);
        assertThat(first.path("name").asText()).isEqualTo("Task 1");
        assertThat(first.path("duration_days").asDouble()).isEqualTo(5.0);
        assertThat(first.path("percent_complete").asDouble()).isEqualTo(25.0);
    }

    @Test
    void findsBrokenLinksCyclesAndTheLongestChain() throws Exception {
        JsonNode dependencies = readJson("smartsheet://" + sheetId + "/dependencies");

        assertThat(dependencies.path("predecessor_column").asText()).isEqualTo("Predecessors");
        assertThat(dependencies.path("broken_links").findValuesAsText("predecessor_row_number")).containsExactly("99999");
        assertThat(numbers(dependencies.path("rows_in_or_after_cycles"))).contains(3, 4, 5);
        // rows 11-20 form a chain of ten five-day tasks, as does every later group of ten
        assertThat(dependencies.path("longest_chain").size()).isEqualTo(10);
    }

    @Test
    void reportsTheHealthOfEveryOpenRow() throws Exception {
        JsonNode health = readJson("smartsheet://" + sheetId + "/health-report");

        assertThat(health.path("rows_complete").asInt()).isEqualTo(ROWS / 4);
        assertThat(health.path("rows_open").asInt()).isEqualTo(ROWS - ROWS / 4);
        LocalDate today = LocalDate.now();
        long overdue = java.util.stream.IntStream.rangeClosed(1, ROWS)
                .filter(i -> !ProjectSheets.complete(i) && LocalDate.of(2020, 1, 1).plusDays(i + 5).isBefore(today)).count();
        assertThat(health.path("counts").path("overdue").asLong()).isEqualTo(overdue);
        long unassignedOpen = java.util.stream.IntStream.rangeClosed(1, ROWS)
                .filter(i -> i % 3 == 0 && !ProjectSheets.complete(i)).count();
        assertThat(health.path("counts").path("unassigned").asLong()).isEqualTo(unassignedOpen);
        assertThat(health.path("score").asInt()).isBetween(0, 99);
        assertThat(health.path("overdue").size()).isPositive();
    }

    @Test
    void overviewsAWorkspaceWithTheSizeOfEachSheet() throws Exception {
        JsonNode overview = readJson("smartsheet://" + workspaceId + "/overview");

        assertThat(overview.path("name").asText()).isEqualTo("Programme");
        assertThat(overview.path("counts").path("sheets").asInt()).isEqualTo(2);
        assertThat(overview.path("total_rows_of_sheets_read").asInt()).isEqualTo(ROWS + 12);
        assertThat(overview.path("sheets").findValuesAsText("name")).containsExactlyInAnyOrder("Big plan", "Small plan");
    }

    @Test
    void refusesASheetIdThatIsNotOne() {
        assertThatThrownBy(() -> read("smartsheet://not-a-sheet/summary")).hasMessageContaining("sheet_id");
    }

    private static McpSchema.TextResourceContents read(String uri) {
        return (McpSchema.TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri)).contents().get(0);
    }

    private static JsonNode readJson(String uri) throws Exception {
        String text = read(uri).text();
        assertThat(text.length()).as(uri).isLessThanOrEqualTo(MAX_CHARS);
        return JSON.readTree(text);
    }

    private static JsonNode column(JsonNode summary, String title) {
        return StreamSupport.stream(summary.path("columns").spliterator(), false)
                .filter(column -> column.path("title").asText().equals(title)).findFirst().orElseThrow();
    }

    private static List<Integer> numbers(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.path("row_number").asInt()).toList();
    }
}
