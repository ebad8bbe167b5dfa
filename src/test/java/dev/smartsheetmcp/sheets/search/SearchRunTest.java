package dev.smartsheetmcp.sheets.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode columns() throws Exception {
        return JSON.readTree("""
                {"data": [
                  {"id": 9007199254740993, "title": "Name", "type": "TEXT_NUMBER", "primary": true},
                  {"id": 2, "title": "Notes", "type": "TEXT_NUMBER"},
                  {"id": 3, "title": "Wide", "type": "TEXT_NUMBER"},
                  {"id": 4, "title": "Created", "type": "DATETIME", "systemColumnType": "CREATED_DATE"},
                  {"id": 5, "title": "Calc", "type": "TEXT_NUMBER", "formula": "=1"}]}
                """);
    }

    @Test
    void readsOnlyTheSearchedColumnsPageByPage() throws Exception {
        SearchRun run = new SearchRun(SearchPattern.of("x", false, false, false), List.of("Notes"), false, 5000, 500, 80, 1000);
        run.plan(columns());
        assertThat(run.nextPageQuery()).startsWith("columnIds=2&").contains("pageSize=5000&page=1");
        run.takePage(JSON.readTree("{\"totalRowCount\": 12000, \"rows\": [{\"id\": 1, \"cells\": []}]}"));
        assertThat(run.morePages()).isTrue();
        assertThat(run.nextPageQuery()).contains("&page=2");
    }

    @Test
    void catastrophicRegexFailsNamingPatternInsteadOfHanging() throws Exception {
        // never matches, and a backtracking engine tries every way of splitting 40 a's into 20 first
        // (without the b it matches after ~150 ms, which made the test depend on the machine's speed)
        SearchRun run = new SearchRun(SearchPattern.of("(.*a){20}b", true, false, false), List.of("Notes"), false, 5000, 500, 80, 100);
        run.plan(columns());
        JsonNode page = JSON.readTree("{\"totalRowCount\": 1, \"rows\": [{\"id\": 1, \"cells\": "
                + "[{\"columnId\": 2, \"value\": \"" + "a".repeat(40) + "!\"}]}]}");
        assertThatThrownBy(() -> run.takePage(page)).isInstanceOf(ToolException.class).hasMessageContaining("'pattern'");
    }

    @Test
    void byDefaultSkipsSystemColumnsAndColumnFormulasButKeepsFullIds() throws Exception {
        SearchRun run = new SearchRun(SearchPattern.of("x", false, false, false), List.of(), false, 5000, 500, 80, 1000);
        run.plan(columns());
        assertThat(run.nextPageQuery()).startsWith("columnIds=9007199254740993,2,3&");
    }
}
