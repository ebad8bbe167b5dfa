package dev.smartsheetmcp.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Identical reads at once share one Smartsheet request, each caller with its own copy; a sheet's
 * columns and the workspace list are kept, and a write to the sheet or a new workspace drops them at once.
 */
class SharedReadsRouteTest extends SmartsheetRouteTestSupport {

    SharedReadsRouteTest() {
        super(0);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("smartsheet.rpm", "100000",
                "smartsheet.coalesce-reads", "true",
                "smartsheet.metadata-cache.ttl-ms", "60000");
    }

    @Test
    void twoIdenticalReadsAtOnceMakeOneRequestAndGetTheirOwnCopies() throws Exception {
        smartsheet.faults().latency(Duration.ofMillis(500));
        CompletableFuture<JsonNode> first = getColumnsAsync();
        CompletableFuture<JsonNode> second = getColumnsAsync();

        JsonNode one = first.get(10, TimeUnit.SECONDS);
        JsonNode other = second.get(10, TimeUnit.SECONDS);
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(1);
        assertThat(one).isEqualTo(other);
        ((ObjectNode) one).put("changedByOneCaller", true);
        assertThat(other.has("changedByOneCaller")).isFalse();
    }

    @Test
    void keptColumnsAreDroppedWhenThisServerChangesTheSheet() {
        assertThat(columnTitles(getColumns())).containsExactly("Name");
        assertThat(columnTitles(getColumns())).containsExactly("Name");
        assertThat(smartsheet.requestCount(GET_COLUMNS)).as("the second read is kept").isEqualTo(1);

        template.requestBodyAndHeaders("direct:smartsheet-columns", "[{\"title\":\"Status\",\"type\":\"TEXT_NUMBER\",\"index\":1}]",
                Map.of("SheetId", sheetId, "ColumnOperation", "add"));

        assertThat(columnTitles(getColumns())).containsExactly("Name", "Status");
        assertThat(smartsheet.requestCount(GET_COLUMNS)).isEqualTo(2);
    }

    @Test
    void aKeptWorkspaceListIsDroppedWhenThisServerCreatesAWorkspace() {
        int before = listWorkspaces().path("data").size();
        listWorkspaces();
        assertThat(smartsheet.requestCount("GET /workspaces")).as("the second list is kept").isEqualTo(1);

        template.requestBodyAndHeaders("direct:smartsheet-workspaces", "{\"name\":\"Shared reads\"}",
                Map.of("CamelHttpMethod", "POST", "WorkspacePath", ""));

        assertThat(listWorkspaces().path("data").size()).isEqualTo(before + 1);
        assertThat(smartsheet.requestCount("GET /workspaces")).isEqualTo(2);
    }

    private JsonNode listWorkspaces() {
        return template.requestBodyAndHeaders("direct:smartsheet-workspaces", null,
                Map.of("CamelHttpMethod", "GET", "WorkspacePath", "", "WorkspaceQuery", "includeAll=true"), JsonNode.class);
    }

    private static java.util.List<String> columnTitles(JsonNode columns) {
        return columns.path("data").findValuesAsText("title");
    }
}
