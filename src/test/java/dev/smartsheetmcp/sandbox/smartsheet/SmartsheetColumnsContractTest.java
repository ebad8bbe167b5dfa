package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmartsheetColumnsContractTest extends EmulatorContract {

    @Test
    void renamingAColumnRewritesTheFormulasThatReferenceIt() {
        long rating = columnId("Rating");
        long interpretation = columnId("Interpretation");
        long row = rowId(0);
        api.put(sheetPath() + "/rows", List.of(rowUpdate(row, Map.of("columnId", interpretation, "formula", "=[Rating]1 + Rating@row"))));

        ApiClient.Response renamed = api.put(sheetPath() + "/columns/" + rating, Map.of("title", "Score"));

        assertThat(renamed.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", renamed.json());
        assertThat(renamed.json().path("result").path("title").asText()).isEqualTo("Score");
        assertThat(columnFormula("Needs Follow-up")).contains("[Score]@row").doesNotContain("[Rating]");
        JsonNode cell = SmartsheetRowWritesContractTest.cellIn(api.get(sheetPath() + "/rows/" + row).json(), interpretation);
        assertThat(cell.path("formula").asText()).isEqualTo("=[Score]1 + [Score]@row");
    }

    @Test
    void renamingToATakenTitleIsRejected() {
        ApiClient.Response response = api.put(sheetPath() + "/columns/" + columnId("Rating"), Map.of("title", "Feedback"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(1056);
    }

    @Test
    void deletingAReferencedColumnTurnsItsReferencesIntoRef() {
        ApiClient.Response deleted = api.delete(sheetPath() + "/columns/" + columnId("Resolved"));

        assertThat(deleted.status()).isEqualTo(200);
        SpecSchemas.assertValid("Result", deleted.json());
        assertThat(columnFormula("Needs Follow-up")).contains("#REF").doesNotContain("[Resolved]");
        JsonNode cell = SmartsheetRowWritesContractTest.cellIn(api.get(sheetPath() + "/rows/" + rowId(0)).json(),
                columnId("Needs Follow-up"));
        assertThat(cell.path("value").asText()).isEqualTo("#REF");
    }

    @Test
    void thePrimaryColumnCannotBeDeleted() {
        ApiClient.Response response = api.delete(sheetPath() + "/columns/" + columnId("Ticket"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(1065);
    }

    @Test
    void addsColumnsAtTheirIndexAndAnswersInTheShapeSent() {
        ApiClient.Response many = api.post(sheetPath() + "/columns", List.of(
                Map.of("title", "Topic", "type", "TEXT_NUMBER", "index", 2),
                Map.of("title", "Priority", "type", "PICKLIST", "options", List.of("High", "Low"), "index", 2)));
        ApiClient.Response one = api.post(sheetPath() + "/columns", Map.of("title", "Notes", "type", "TEXT_NUMBER", "index", 0));
        ApiClient.Response noIndex = api.post(sheetPath() + "/columns", Map.of("title", "Lost", "type", "TEXT_NUMBER"));

        assertThat(many.json().path("result")).extracting(column -> column.path("index").asInt()).containsExactly(2, 3);
        assertThat(one.json().path("result").path("title").asText()).isEqualTo("Notes");
        assertThat(noIndex.errorCode()).isEqualTo(1012);
        assertThat(api.get(sheetPath() + "/columns").json().path("data"))
                .extracting(column -> column.path("title").asText()).startsWith("Notes", "Ticket", "Customer", "Topic", "Priority");
    }

    @Test
    void newColumnFormulasApplyToEveryRowAndCannotBeWritten() {
        ApiClient.Response added = api.post(sheetPath() + "/columns",
                Map.of("title", "Low", "type", "CHECKBOX", "formula", "=[Rating]@row < 3", "index", 5));
        long low = added.json().path("result").path("id").asLong();

        JsonNode cell = SmartsheetRowWritesContractTest.cellIn(api.get(sheetPath() + "/rows/" + rowId(9)).json(), low);
        ApiClient.Response write = api.put(sheetPath() + "/rows", List.of(rowUpdate(rowId(9), cell(low, true))));

        assertThat(cell.path("formula").asText()).isEqualTo("=[Rating]@row < 3");
        assertThat(write.errorCode()).isEqualTo(1302);
    }

    private String columnFormula(String title) {
        return api.get(sheetPath() + "/columns/" + columnId(title)).json().path("formula").asText();
    }
}
