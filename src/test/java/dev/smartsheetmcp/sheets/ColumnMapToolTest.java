package dev.smartsheetmcp.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SandboxApplication
class ColumnMapToolTest {

    private static SandboxApp app;
    private static McpSyncClient client;
    private static String sheetId;

    @BeforeAll
    static void setUp() throws Exception {
        sheetId = Long.toString(app.sandbox().demo().sheetId());
    }

    @Test
    void describesEveryColumnWithSampleRows() {
        JsonNode map = ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", sheetId));
        assertThat(map.path("sheet_id").asText()).isEqualTo(sheetId);
        assertThat(map.path("column_map").has("Feedback")).isTrue();
        assertThat(map.path("column_info").path("Channel").path("options")).isNotEmpty();
        assertThat(map.path("column_info").path("Created").path("system_managed").asBoolean()).isTrue();
        assertThat(map.path("sample_data")).hasSize(5);
        assertThat(map.path("row_count").asLong()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void getSheetInfoIsAnAlias() {
        JsonNode info = ToolCalls.ok(client, "get_sheet_info", Map.of("sheet_id", sheetId));
        assertThat(info.path("column_map")).isEqualTo(ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", sheetId)).path("column_map"));
    }

    @Test
    void unknownSheetIsAToolErrorWithSmartsheetsCodeAndRefId() {
        String error = ToolCalls.error(client, "get_column_map", Map.of("sheet_id", "9999999999999999"));
        assertThat(error).contains("Smartsheet error 1006").contains("refId");
    }

    @Test
    void sheetIdThatIsNotANumberIsRefusedNamingTheField() {
        String error = ToolCalls.error(client, "get_column_map", Map.of("sheet_id", "abc"));
        assertThat(error).contains("sheet_id");
    }
}
