package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sheet summary fields (get, page, add, update) and Search Everything. */
class SmartsheetSummaryAndSearchContractTest extends EmulatorContract {

    private static final String FIELD = "CellDataItem/properties/profileField";

    @Test
    void addsReadsAndUpdatesSummaryFields() {
        ApiClient.Response added = api.post(sheetPath() + "/summary/fields", List.of(
                Map.of("title", "Owner", "type", "TEXT_NUMBER", "objectValue", "Ada"),
                Map.of("title", "Approved", "type", "CHECKBOX", "objectValue", false),
                Map.of("title", "Lead", "type", "CONTACT_LIST",
                        "objectValue", Map.of("objectType", "CONTACT", "email", "lead@example.com", "name", "Lea"))));
        SpecSchemas.assertValid("Result", added.json());
        added.json().path("result").forEach(field -> SpecSchemas.assertValid(FIELD, field));
        long owner = added.json().path("result").get(0).path("id").asLong();

        ApiClient.Response updated = api.put(sheetPath() + "/summary/fields", List.of(Map.of("id", owner, "objectValue", 42)));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode summary = api.get(sheetPath() + "/summary").json();
        SpecSchemas.assertValid("Sheet/properties/summary", summary);
        assertThat(summary.path("fields")).extracting(field -> field.path("title").asText())
                .containsExactly("Owner", "Approved", "Lead");
        assertThat(summary.path("fields").get(0).path("displayValue").asText()).isEqualTo("42");
        assertThat(summary.path("fields").get(2).path("displayValue").asText()).isEqualTo("Lea");
        JsonNode page = api.get(sheetPath() + "/summary/fields?pageSize=2&page=2").json();
        SpecSchemas.assertValid("IndexResult", page);
        assertThat(page.path("totalCount").asInt()).isEqualTo(3);
        assertThat(page.path("data")).hasSize(1);
    }

    @Test
    void summaryTitlesAreUniqueAndUnknownFieldsAreNotFound() {
        api.post(sheetPath() + "/summary/fields", List.of(Map.of("title", "Owner", "type", "TEXT_NUMBER")));

        assertThat(api.post(sheetPath() + "/summary/fields", List.of(Map.of("title", "Owner", "type", "TEXT_NUMBER")))
                .errorCode()).isEqualTo(1031);
        assertThat(api.post(sheetPath() + "/summary/fields?renameIfConflict=true",
                List.of(Map.of("title", "Owner", "type", "TEXT_NUMBER"))).json().path("result").get(0).path("title").asText())
                .isEqualTo("Owner (1)");
        assertThat(api.post(sheetPath() + "/summary/fields", List.of(Map.of("type", "TEXT_NUMBER"))).errorCode()).isEqualTo(1012);
        assertThat(api.put(sheetPath() + "/summary/fields", List.of(Map.of("id", UNKNOWN_ID, "objectValue", "x")))
                .errorCode()).isEqualTo(1006);
        assertThat(api.post(sheetPath() + "/summary/fields", List.of(Map.of("title", "Done", "type", "CHECKBOX",
                "objectValue", "yes"))).errorCode()).isEqualTo(1031);
    }

    @Test
    void searchesNamesAndCellDataWithTypedResults() {
        long folder = emulator.createFolder(null, null, "Feedback archive");

        JsonNode answer = api.get("/search?query=feedback").json();

        SpecSchemas.assertValid("SearchResult", answer);
        JsonNode results = answer.path("results");
        assertThat(results).extracting(result -> result.path("objectType").asText()).contains("sheet", "folder");
        assertThat(results).anySatisfy(result -> {
            assertThat(result.path("objectType").asText()).isEqualTo("folder");
            assertThat(result.path("objectId").asLong()).isEqualTo(folder);
        });
        assertThat(results.size()).isLessThanOrEqualTo(100);
        assertThat(answer.path("totalCount").asInt()).isGreaterThanOrEqualTo(results.size());
    }

    @Test
    void searchScopesNarrowTheResultsAndRowsNameTheirSheet() {
        String text = api.get(sheetPath() + "?rowNumbers=1").json().path("rows").get(0).path("cells").get(0).path("displayValue").asText();

        JsonNode answer = api.get("/search?query=%22" + encode(text) + "%22&scopes=cellData").json();

        SpecSchemas.assertValid("SearchResult", answer);
        assertThat(answer.path("results")).isNotEmpty().allSatisfy(result -> {
            assertThat(result.path("objectType").asText()).isEqualTo("row");
            assertThat(result.path("parentObjectType").asText()).isEqualTo("sheet");
            assertThat(result.path("parentObjectId").asLong()).isEqualTo(demo.sheetId());
            assertThat(result.path("contextData").get(0).asText()).startsWith("Row ");
        });
        assertThat(api.get("/search?query=Demo&scopes=workspaceNames").json().path("results"))
                .extracting(result -> result.path("objectId").asLong()).containsExactly(demo.workspaceId());
    }

    @Test
    void searchNeedsAQueryAndKnownScopesAndLeavesOutWhatTheUserCannotAccess() {
        assertThat(api.get("/search").errorCode()).isEqualTo(1009);
        assertThat(api.get("/search?query=x&scopes=everything").errorCode()).isEqualTo(1018);
        emulator.denyAccess(demo.sheetId());
        assertThat(api.get("/search?query=%22Customer%20Feedback%22&scopes=sheetNames").json().path("results")).isEmpty();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
