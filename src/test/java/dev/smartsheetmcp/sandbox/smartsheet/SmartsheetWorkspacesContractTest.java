package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmartsheetWorkspacesContractTest extends EmulatorContract {

    @Test
    void listsWorkspacesAsAnIndexResult() {
        JsonNode list = api.get("/workspaces").json();

        SpecSchemas.assertValid("IndexResult", list);
        assertThat(list.path("totalCount").asInt()).isEqualTo(1);
        JsonNode workspace = list.path("data").get(0);
        SpecSchemas.assertValid("Workspace", workspace);
        assertThat(workspace.path("id").asLong()).isEqualTo(demo.workspaceId());
        assertThat(workspace.path("name").asText()).isEqualTo("Demo Workspace");
        assertThat(workspace.path("accessLevel").asText()).isEqualTo("OWNER");
    }

    @Test
    void getWorkspaceListsItsSheets() {
        JsonNode workspace = api.get("/workspaces/" + demo.workspaceId()).json();

        assertThat(workspace.path("sheets")).extracting(sheet -> sheet.path("id").asLong()).containsExactly(demo.sheetId());
    }

    @Test
    void createsAWorkspaceAndASheetInItThatTakesRows() {
        ApiClient.Response workspace = api.post("/workspaces", Map.of("name", "Pilot"));
        long workspaceId = workspace.json().path("result").path("id").asLong();

        ApiClient.Response sheet = api.post("/workspaces/" + workspaceId + "/sheets", Map.of("name", "Pilot sheet",
                "columns", List.of(Map.of("title", "Name", "type", "TEXT_NUMBER", "primary", true),
                        Map.of("title", "Done", "type", "CHECKBOX"))));

        assertThat(sheet.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", sheet.json());
        JsonNode created = sheet.json().path("result");
        assertThat(created.path("columns")).hasSize(2);
        long sheetId = created.path("id").asLong();
        long name = created.path("columns").get(0).path("id").asLong();
        ApiClient.Response rows = api.post("/sheets/" + sheetId + "/rows",
                Map.of("toBottom", true, "cells", List.of(cell(name, "first"))));
        assertThat(rows.json().path("result").path("rowNumber").asInt()).isEqualTo(1);
        assertThat(api.get("/workspaces/" + workspaceId).json().path("sheets").get(0).path("name").asText())
                .isEqualTo("Pilot sheet");
        assertThat(api.get("/sheets").json().path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void aNewSheetNeedsExactlyOnePrimaryColumn() {
        ApiClient.Response none = api.post("/workspaces/" + demo.workspaceId() + "/sheets", Map.of("name", "Bad",
                "columns", List.of(Map.of("title", "A", "type", "TEXT_NUMBER"))));
        ApiClient.Response notText = api.post("/workspaces/" + demo.workspaceId() + "/sheets", Map.of("name", "Bad",
                "columns", List.of(Map.of("title", "A", "type", "DATE", "primary", true))));

        assertThat(none.errorCode()).isEqualTo(1055);
        assertThat(notText.errorCode()).isEqualTo(1057);
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        ApiClient.Response response = api.get("/workspaces/" + UNKNOWN_ID);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(1006);
    }
}
