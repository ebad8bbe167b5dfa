package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Folders (Get Folder, Create Folder in Home, a folder or a workspace, Create Sheet in Folder), Copy Sheet and Get Sheet Version. */
class SmartsheetFoldersContractTest extends EmulatorContract {

    private static final Map<String, Object> ONE_COLUMN = Map.of("name", "In folder",
            "columns", List.of(Map.of("title", "Name", "type", "TEXT_NUMBER", "primary", true)));

    @Test
    void createsFoldersInHomeInAFolderAndInAWorkspaceAndListsTheirContents() {
        ApiClient.Response home = api.post("/home/folders", Map.of("name", "Projects"));
        SpecSchemas.assertValid("Result", home.json());
        long projects = home.json().path("result").path("id").asLong();
        long nested = api.post("/folders/" + projects + "/folders", Map.of("name", "2025")).json().path("result").path("id").asLong();
        ApiClient.Response sheet = api.post("/folders/" + projects + "/sheets", ONE_COLUMN);
        ApiClient.Response inWorkspace = api.post("/workspaces/" + demo.workspaceId() + "/folders", Map.of("name", "Archive"));

        JsonNode folder = api.get("/folders/" + projects).json();

        SpecSchemas.assertValid("Folder", folder);
        assertThat(folder.path("id").asLong()).isEqualTo(projects);
        assertThat(folder.path("name").asText()).isEqualTo("Projects");
        assertThat(folder.path("folders")).extracting(child -> child.path("id").asLong()).containsExactly(nested);
        assertThat(folder.path("sheets")).extracting(child -> child.path("id").asLong())
                .containsExactly(sheet.json().path("result").path("id").asLong());
        assertThat(folder.path("reports").isArray()).isTrue();
        assertThat(folder.path("sights").isArray()).isTrue();
        long archive = inWorkspace.json().path("result").path("id").asLong();
        assertThat(api.get("/workspaces/" + demo.workspaceId()).json().path("folders"))
                .extracting(child -> child.path("id").asLong()).containsExactly(archive);
    }

    @Test
    void aFolderNeedsANameAndAnUnknownOneIsNotFound() {
        assertThat(api.post("/home/folders", Map.of("name", " ")).errorCode()).isEqualTo(1012);
        ApiClient.Response unknown = api.get("/folders/" + UNKNOWN_ID);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(1006);
        SpecSchemas.assertValid("Error", unknown.json());
        assertThat(api.post("/folders/" + UNKNOWN_ID + "/folders", Map.of("name", "x")).errorCode()).isEqualTo(1006);
    }

    @Test
    void anObjectTheUserCannotAccessAnswers403With1004() {
        long folder = emulator.createFolder(null, null, "Private");
        emulator.denyAccess(folder);
        emulator.denyAccess(demo.sheetId());

        ApiClient.Response folderAnswer = api.get("/folders/" + folder);
        ApiClient.Response sheetAnswer = api.get("/sheets/" + demo.sheetId() + "/version");

        assertThat(folderAnswer.status()).isEqualTo(403);
        assertThat(folderAnswer.errorCode()).isEqualTo(1004);
        SpecSchemas.assertValid("Error", folderAnswer.json());
        assertThat(sheetAnswer.errorCode()).isEqualTo(1004);
    }

    @Test
    void copiesASheetWithItsDataIntoAFolder() {
        long folder = emulator.createFolder(null, demo.workspaceId(), "Copies");

        ApiClient.Response copy = api.post(sheetPath() + "/copy?include=data,discussions",
                Map.of("destinationType", "folder", "destinationId", folder, "newName", "Feedback copy"));

        assertThat(copy.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", copy.json());
        JsonNode result = copy.json().path("result");
        assertThat(result.path("name").asText()).isEqualTo("Feedback copy");
        long copyId = result.path("id").asLong();
        assertThat(copyId).isGreaterThan(1L << 53);
        assertThat(emulator.rowIds(copyId)).hasSameSizeAs(emulator.rowIds(demo.sheetId()))
                .doesNotContainAnyElementsOf(emulator.rowIds(demo.sheetId()));
        assertThat(api.get("/folders/" + folder).json().path("sheets").get(0).path("id").asLong()).isEqualTo(copyId);
    }

    @Test
    void copiesWithoutDataToHomeAndChecksTheDestination() {
        ApiClient.Response copy = api.post(sheetPath() + "/copy", Map.of("destinationType", "home", "newName", "Empty copy"));
        long copyId = copy.json().path("result").path("id").asLong();
        assertThat(emulator.rowIds(copyId)).isEmpty();

        Map<String, Object> homeWithId = new HashMap<>(Map.of("destinationType", "home", "destinationId", 1, "newName", "x"));
        assertThat(api.post(sheetPath() + "/copy", homeWithId).errorCode()).isEqualTo(1031);
        assertThat(api.post(sheetPath() + "/copy", Map.of("destinationType", "folder", "newName", "x")).errorCode()).isEqualTo(1012);
        assertThat(api.post(sheetPath() + "/copy", Map.of("destinationType", "folder", "destinationId", UNKNOWN_ID,
                "newName", "x")).errorCode()).isEqualTo(1006);
        assertThat(api.post(sheetPath() + "/copy?include=everything", Map.of("destinationType", "home", "newName", "x"))
                .errorCode()).isEqualTo(1018);
    }

    @Test
    void theSheetVersionGrowsWithEveryChange() {
        JsonNode before = api.get(sheetPath() + "/version").json();
        SpecSchemas.assertValid("Sheet", before);
        api.put(sheetPath() + "/rows", List.of(rowUpdate(rowId(0), cell(columnId("Summary"), "changed"))));

        long after = api.get(sheetPath() + "/version").json().path("version").asLong();

        assertThat(after).isGreaterThan(before.path("version").asLong());
        assertThat(api.get("/sheets/" + UNKNOWN_ID + "/version").errorCode()).isEqualTo(1006);
    }
}
