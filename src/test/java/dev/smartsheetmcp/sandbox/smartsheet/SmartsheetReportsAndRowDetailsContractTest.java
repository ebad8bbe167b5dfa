package dev.smartsheetmcp.sandbox.smartsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.SpecSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports, row structure, row discussions and attachments, Get Row with its columns, and a sheet not shared. */
class SmartsheetReportsAndRowDetailsContractTest extends EmulatorContract {

    private long report() {
        long second = emulator.createSheet(null, "Second", List.of(ColumnSpec.primary("Feedback"), ColumnSpec.text("Extra")),
                List.of(Map.of("Feedback", "from the second sheet")));
        return emulator.createReport("Feedback report", List.of(demo.sheetId(), second), List.of("Feedback", "Rating"));
    }

    @Test
    void listsReportsAsAnIndexResultOfReports() {
        long reportId = report();

        JsonNode list = api.get("/reports").json();

        SpecSchemas.assertValid("IndexResult", list);
        assertThat(list.path("totalCount").asInt()).isEqualTo(1);
        JsonNode summary = list.path("data").get(0);
        SpecSchemas.assertValid("Report", summary);
        assertThat(summary.path("id").asLong()).isEqualTo(reportId);
        assertThat(summary.path("permalink").asText()).startsWith("https://app.smartsheet.com/reports/");
    }

    @Test
    void getReportHasVirtualColumnsAndRowsThatNameTheirSheetPagedByPageSize() {
        long reportId = report();

        JsonNode page = api.get("/reports/" + reportId + "?pageSize=200&page=3").json();

        SpecSchemas.assertValid("Report", page);
        assertThat(page.path("totalRowCount").asInt()).isEqualTo(DemoSheet.ROWS + 1);
        JsonNode columns = page.path("columns");
        columns.forEach(column -> SpecSchemas.assertValid("ReportColumn", column));
        assertThat(columns.get(0).path("sheetNameColumn").asBoolean()).isTrue();
        assertThat(columns.findValuesAsText("title")).containsExactly("Sheet Name", "Feedback", "Rating");
        JsonNode rows = page.path("rows");
        assertThat(rows).hasSize(DemoSheet.ROWS + 1 - 400);
        JsonNode last = rows.get(rows.size() - 1);
        SpecSchemas.assertValid("ReportRow", last);
        assertThat(last.path("sheetId").asLong()).isNotEqualTo(demo.sheetId());
        assertThat(last.path("rowNumber").asInt()).isEqualTo(1);
        JsonNode cell = last.path("cells").get(1);
        SpecSchemas.assertValid("ReportCell", cell);
        assertThat(cell.path("virtualColumnId").asLong()).isEqualTo(columns.get(1).path("virtualId").asLong());
        assertThat(cell.path("value").asText()).isEqualTo("from the second sheet");
        assertThat(rows.get(0).path("sheetId").asLong()).isEqualTo(demo.sheetId());
        assertThat(api.get("/reports/" + reportId + "?pageSize=200&page=4").json().path("rows")).isEmpty();
        assertThat(api.get("/reports/" + reportId).json().path("rows")).as("100 rows by default").hasSize(100);
    }

    @Test
    void anUnknownReportIsNotFound() {
        var response = api.get("/reports/" + UNKNOWN_ID);
        assertThat(response.status()).isEqualTo(404);
        SpecSchemas.assertValid("Error", response.json());
    }

    @Test
    void rowsCarryTheirParentAndOnRequestTheirDiscussionsAndAttachments() {
        long parent = rowId(0);
        long child = rowId(1);
        emulator.indent(demo.sheetId(), parent, child);
        emulator.addRowDiscussion(demo.sheetId(), child, "Why?");
        emulator.addRowAttachment(demo.sheetId(), child, "a.pdf", "application/pdf", 3);

        JsonNode rows = api.get(sheetPath() + "?rowIds=" + parent + "," + child + "&include=discussions,attachments").json().path("rows");
        JsonNode plain = api.get(sheetPath() + "?rowIds=" + child).json().path("rows").get(0);

        assertThat(rows.get(0).has("parentId")).isFalse();
        assertThat(rows.get(1).path("parentId").asLong()).isEqualTo(parent);
        SpecSchemas.assertValid("Row", rows.get(1));
        SpecSchemas.assertValid("Discussion", rows.get(1).path("discussions").get(0));
        SpecSchemas.assertValid("Attachment", rows.get(1).path("attachments").get(0));
        assertThat(rows.get(1).path("discussions").get(0).path("parentType").asText()).isEqualTo("ROW");
        assertThat(rows.get(0).path("discussions")).isEmpty();
        assertThat(plain.has("discussions")).isFalse();
        assertThat(plain.has("attachments")).isFalse();
    }

    @Test
    void getRowWithColumnsIncludesEveryColumnOfTheSheet() {
        JsonNode row = api.get(sheetPath() + "/rows/" + rowId(0) + "?include=columns").json();

        SpecSchemas.assertValid("Row", row);
        assertThat(row.path("columns")).hasSize(api.get(sheetPath()).json().path("columns").size());
        row.path("columns").forEach(column -> SpecSchemas.assertValid("Column", column));
        assertThat(api.get(sheetPath() + "/rows/" + rowId(0)).json().has("columns")).isFalse();
    }

    @Test
    void aSheetNotSharedWithTheUserIsForbiddenAndLeftOutOfListSheets() {
        emulator.denyAccess(demo.sheetId());

        var response = api.get(sheetPath());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("errorCode").asInt()).isEqualTo(1004);
        SpecSchemas.assertValid("Error", response.json());
        assertThat(api.get("/sheets").json().path("data").findValuesAsText("name")).doesNotContain(DemoSheet.SHEET);
    }
}
