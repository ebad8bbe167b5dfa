package dev.smartsheetmcp.sheets.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.testing.SandboxApp;
import dev.smartsheetmcp.testing.SandboxApplication;
import dev.smartsheetmcp.testing.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** get_sheet against the Smartsheet emulator: filters, the size budget, the cursor while the sheet changes, links. */
// sheets are created in the emulator behind the server's back: no listing kept, so links to them resolve at once
@SandboxApplication({"smartsheet.rpm=100000", "sandbox.smartsheet.rpm=100000", "smartsheet.metadata-cache.ttl-ms=0"})
class GetSheetToolTest {

    private static final long TWO_TO_THE_53 = 1L << 53;
    private static final int BIG_ROWS = 20_000;

    private static SandboxApp app;
    private static McpSyncClient client;
    private static SmartsheetEmulator smartsheet;
    private static long bigSheet;

    @BeforeAll
    static void setUp() {
        smartsheet = app.sandbox().smartsheet();
        bigSheet = smartsheet.createSheet(null, "Twenty thousand", bigColumns(), bigRows(BIG_ROWS, 0));
    }

    static List<ColumnSpec> bigColumns() {
        return List.of(ColumnSpec.primary("Name"), ColumnSpec.text("Region"), ColumnSpec.text("Amount"),
                ColumnSpec.text("Notes"), ColumnSpec.of("Due", "DATE"));
    }

    /** One row in a hundred is in the North. */
    static List<Map<String, Object>> bigRows(int count, int from) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Name", "Row " + i);
            row.put("Region", i % 100 == 7 ? "North" : i % 2 == 0 ? "South" : "West");
            row.put("Amount", (long) i + 1);
            row.put("Notes", "note " + i);
            row.put("Due", "2026-01-" + String.format("%02d", 1 + i % 28));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> north() {
        return Map.of("column", "Region", "operator", "equals", "value", "North");
    }

    private static Map<String, Object> call(Object... keyValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) arguments.put((String) keyValues[i], keyValues[i + 1]);
        return arguments;
    }

    private static List<String> rowIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("rows").forEach(row -> ids.add(row.path("row_id").asText()));
        return ids;
    }

    @Test
    void aOnePercentFilterReturnsExactlyItsRowsAcrossPagesWithNoDuplicateAndNoGapWhileRowsAreAddedAndDeleted() {
        long sheetId = smartsheet.createSheet(null, "Changing", bigColumns(), bigRows(BIG_ROWS, 0));
        List<Long> original = smartsheet.rowIds(sheetId);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) if (i % 100 == 7) expected.add(Long.toString(original.get(i)));
        Map<String, Object> arguments = call("sheet_id", Long.toString(sheetId), "columns", List.of("Name", "Amount", "Region"),
                "filter", List.of(north(), Map.of("column", "Amount", "operator", "greaterThan", "value", 0)), "max_chars", 3000);

        List<String> seen = new ArrayList<>();
        Set<String> deletedBeforeSeen = new LinkedHashSet<>();
        Set<String> addedAfterTheCursor = new LinkedHashSet<>();
        JsonNode answer = ToolCalls.ok(client, "get_sheet", arguments);
        assertThat(answer.path("total_matched").asLong()).isEqualTo(200);
        assertThat(answer.path("total_rows").asLong()).isEqualTo(BIG_ROWS);
        int pages = 1;
        while (true) {
            List<String> page = rowIds(answer);
            assertThat(page).isNotEmpty();
            seen.addAll(page);
            if (!answer.hasNonNull("cursor")) break;
            String last = page.get(page.size() - 1);
            switch (pages % 4) {
                case 1 -> {
                    // the very row the cursor stopped at goes, and rows arrive above it
                    smartsheet.deleteRows(sheetId, List.of(Long.parseLong(last)));
                    smartsheet.addRows(sheetId, true, bigRows(3, 7));
                }
                case 2 -> {
                    // a matching row not yet returned goes
                    String next = expected.get(expected.indexOf(last) + 1);
                    smartsheet.deleteRows(sheetId, List.of(Long.parseLong(next)));
                    deletedBeforeSeen.add(next);
                }
                case 3 -> {
                    // the cursor's last rows go, and a matching row arrives at the bottom
                    int at = smartsheet.rowIds(sheetId).indexOf(Long.parseLong(last));
                    List<Long> around = smartsheet.rowIds(sheetId).subList(at - 3, at + 1);
                    smartsheet.deleteRows(sheetId, List.copyOf(around));
                    smartsheet.addRows(sheetId, false, bigRows(1, 107)).forEach(id -> addedAfterTheCursor.add(Long.toString(id)));
                }
                default -> smartsheet.addRows(sheetId, true, bigRows(2, 0));
            }
            Map<String, Object> next = new LinkedHashMap<>(arguments);
            next.put("cursor", answer.path("cursor").asText());
            answer = ToolCalls.ok(client, "get_sheet", next);
            pages++;
        }

        List<String> stayed = new ArrayList<>(expected);
        stayed.removeAll(deletedBeforeSeen);
        assertThat(pages).as("pages of 3,000 characters").isGreaterThan(5);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(stayed).containsAll(addedAfterTheCursor);
        assertThat(seen).doesNotContainAnyElementsOf(deletedBeforeSeen);
        Set<String> allowed = new LinkedHashSet<>(stayed);
        allowed.addAll(addedAfterTheCursor);
        assertThat(allowed).containsAll(seen);
    }

    @Test
    void readsOnlyTheColumnsAskedAndCountsMatchesOverTheWholeSheet() {
        smartsheet.resetCounters();
        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("sheet_id", Long.toString(bigSheet),
                "columns", List.of("Name", "Amount", "Due"), "filter", List.of(north()), "page_size", 5));

        assertThat(answer.path("returned").asInt()).isEqualTo(5);
        assertThat(answer.path("total_matched").asInt()).isEqualTo(200);
        assertThat(answer.path("columns").findValuesAsText("title")).containsExactly("Name", "Amount", "Due");
        JsonNode first = answer.path("rows").get(0);
        assertThat(first.path("row_number").asInt()).isEqualTo(8);
        assertThat(first.path("cells").path("Name").asText()).isEqualTo("Row 7");
        assertThat(first.path("cells").path("Amount").asText()).isEqualTo("8");
        assertThat(first.path("cells").path("Due").asText()).isEqualTo("2026-01-08");
        assertThat(first.path("cells").has("Region")).as("a filter column not asked for is not returned").isFalse();
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}/columns")).isEqualTo(1);
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).as("pages of 5,000 rows").isEqualTo(4);
    }

    @Test
    void withoutAFilterTheSheetsRowCountIsTheTotalAndReadingStopsWhenTheAnswerIsFull() {
        smartsheet.resetCounters();
        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("sheet_id", Long.toString(bigSheet), "max_chars", 2000));

        assertThat(answer.path("total_matched").asInt()).isEqualTo(BIG_ROWS);
        assertThat(answer.path("returned").asInt()).isBetween(1, 20);
        assertThat(answer.path("cursor").asText()).isNotBlank();
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).isEqualTo(1);
    }

    @Test
    void theBudgetHoldsForRowsWithFourThousandCharacterCellsAndCutsNeverSplitACharacter() {
        String story = "a".repeat(999) + "😀".repeat(1500);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) rows.add(Map.of("Name", "Long " + i, "Story", story, "Other", "é".repeat(4000)));
        long sheetId = smartsheet.createSheet(null, "Long cells",
                List.of(ColumnSpec.primary("Name"), ColumnSpec.text("Story"), ColumnSpec.text("Other")), rows);
        Map<String, Object> arguments = call("sheet_id", Long.toString(sheetId), "max_chars", 6000);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> next = new LinkedHashMap<>(arguments);
            if (cursor != null) next.put("cursor", cursor);
            String text = ToolCalls.text(ToolCalls.call(client, "get_sheet", next));
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(6000);
            assertThat(text.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).as("no half of a surrogate pair").isZero();
            JsonNode answer = ToolCalls.ok(client, "get_sheet", next);
            for (JsonNode row : answer.path("rows")) {
                seen.add(row.path("row_id").asText());
                String cut = row.path("cells").path("Story").asText();
                assertThat(cut).startsWith("a".repeat(999) + "😀").endsWith("… [cut: 1499 more characters]");
                assertThat(row.path("cells").path("Other").asText()).endsWith("… [cut: 3000 more characters]");
            }
            cursor = answer.path("cursor").asText(null);
        } while (cursor != null);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void idsAboveTwoToThe53SurviveAsStringsAndSelectRows() {
        List<Long> ids = smartsheet.rowIds(bigSheet);
        List<String> wanted = List.of(Long.toString(ids.get(19_999)), Long.toString(ids.get(3)));

        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("sheet_id", Long.toString(bigSheet), "row_ids", wanted));

        assertThat(bigSheet).isGreaterThan(TWO_TO_THE_53);
        assertThat(answer.path("sheet_id").asText()).isEqualTo(Long.toString(bigSheet));
        assertThat(rowIds(answer)).containsExactly(wanted.get(1), wanted.get(0));
        assertThat(rowIds(answer)).allSatisfy(id -> assertThat(Long.parseLong(id)).isGreaterThan(TWO_TO_THE_53));
        assertThat(answer.path("rows").get(0).path("row_id").isTextual()).isTrue();
        assertThat(answer.path("total_matched").asInt()).isEqualTo(2);
    }

    @Test
    void findsTheSheetByTheLinkPeopleCopy() {
        long sheetId = smartsheet.createSheet(null, "Linked", List.of(ColumnSpec.primary("Name")), List.of(Map.of("Name", "only")));

        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("url", smartsheet.permalink(sheetId) + "?view=grid"));

        assertThat(answer.path("sheet_id").asText()).isEqualTo(Long.toString(sheetId));
        assertThat(answer.path("sheet_name").asText()).isEqualTo("Linked");
        assertThat(answer.path("rows").get(0).path("cells").path("Name").asText()).isEqualTo("only");
        assertThat(ToolCalls.error(client, "get_sheet", call("url", "https://app.smartsheet.com/sheets/zzzzzzzzzzzz")))
                .contains("'url'").contains("no sheet you can see has this link");
        assertThat(ToolCalls.error(client, "get_sheet", call("url", "https://example.com/x"))).contains("'url'")
                .contains("not a Smartsheet sheet link");
    }

    @Test
    void aCursorContinuesAPagedReadByLinkWithoutLookingTheLinkUpAgain() {
        long sheetId = smartsheet.createSheet(null, "Linked and long", bigColumns(), bigRows(300, 0));
        Map<String, Object> arguments = call("url", smartsheet.permalink(sheetId), "max_chars", 2000);
        JsonNode first = ToolCalls.ok(client, "get_sheet", arguments);
        smartsheet.resetCounters();
        Map<String, Object> next = new LinkedHashMap<>(arguments);
        next.put("cursor", first.path("cursor").asText());

        JsonNode second = ToolCalls.ok(client, "get_sheet", next);

        assertThat(second.path("rows").get(0).path("row_number").asInt())
                .isEqualTo(first.path("rows").get(first.path("returned").asInt() - 1).path("row_number").asInt() + 1);
        assertThat(smartsheet.requestCount("GET /sheets")).isZero();
    }

    @Test
    void showsParentsRawValuesAndDiscussionAndAttachmentCounts() {
        long sheetId = smartsheet.createSheet(null, "Structure", List.of(ColumnSpec.primary("Name"), ColumnSpec.of("Owner", "CONTACT_LIST"),
                        ColumnSpec.multiPicklist("Tags", "a", "b", "c")),
                List.of(Map.of("Name", "parent", "Owner", Map.of("email", "ann@example.com", "name", "Ann")),
                        Map.of("Name", "child", "Tags", List.of("a", "c"))));
        List<Long> ids = smartsheet.rowIds(sheetId);
        smartsheet.indent(sheetId, ids.get(0), ids.get(1));
        smartsheet.addRowDiscussion(sheetId, ids.get(1), "Is this done?");
        smartsheet.addRowAttachment(sheetId, ids.get(1), "plan.pdf", "application/pdf", 12);
        smartsheet.addRowAttachment(sheetId, ids.get(1), "photo.png", "image/png", 40);

        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("sheet_id", Long.toString(sheetId),
                "include", List.of("discussions", "attachments")));

        JsonNode parent = answer.path("rows").get(0);
        JsonNode child = answer.path("rows").get(1);
        assertThat(parent.has("parent_id")).isFalse();
        assertThat(parent.path("cells").path("Owner").asText()).isEqualTo("Ann");
        assertThat(parent.path("values").path("Owner").asText()).isEqualTo("ann@example.com");
        assertThat(child.path("parent_id").asText()).isEqualTo(Long.toString(ids.get(0)));
        assertThat(child.path("values").path("Tags")).hasSize(2);
        assertThat(child.path("discussion_count").asInt()).isEqualTo(1);
        assertThat(child.path("attachment_count").asInt()).isEqualTo(2);
        assertThat(parent.path("attachment_count").asInt()).isZero();
    }

    @Test
    void badFiltersAndColumnsAreRefusedNamingTheFieldBeforeAnyRowIsRead() {
        String sheet = Long.toString(bigSheet);
        smartsheet.resetCounters();
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", sheet, "filter",
                List.of(Map.of("column", "Nope", "operator", "equals", "value", "x")))))
                .contains("'filter[0].column'").contains("no column titled 'Nope'");
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", sheet, "filter",
                List.of(Map.of("column", "Due", "operator", "greaterThan", "value", "soon")))))
                .contains("'filter[0].value'").contains("ISO 8601");
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", sheet, "filter",
                List.of(Map.of("column", "Notes", "operator", "contains")))))
                .contains("'filter[0].value'").contains("required");
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", sheet, "columns", List.of("Name", "Missing"))))
                .contains("'columns[1]'");
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", sheet, "url", "https://app.smartsheet.com/sheets/x")))
                .contains("either sheet_id or url");
        assertThat(ToolCalls.error(client, "get_sheet", call())).contains("either sheet_id or url");
        assertThat(smartsheet.requestCount("GET /sheets/{sheetId}")).isZero();
    }

    @Test
    void unknownAndUnsharedSheetsAreSmartsheetsErrors() {
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", "9007199254740995")))
                .contains("Smartsheet error 1006").contains("refId");
        long hidden = smartsheet.createSheet(null, "Not shared", List.of(ColumnSpec.primary("Name")), List.of());
        smartsheet.denyAccess(hidden);
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", Long.toString(hidden))))
                .contains("Smartsheet error 1004").contains("not authorized");
    }

    @Test
    void aCursorIsRefusedForOtherArgumentsAnotherToolOrOnceItsRowsAreGone() {
        long sheetId = smartsheet.createSheet(null, "Vanishing", bigColumns(), bigRows(200, 0));
        Map<String, Object> arguments = call("sheet_id", Long.toString(sheetId), "max_chars", 1500);
        JsonNode first = ToolCalls.ok(client, "get_sheet", arguments);
        String cursor = first.path("cursor").asText();

        Map<String, Object> otherColumns = call("sheet_id", Long.toString(sheetId), "max_chars", 1500, "columns", List.of("Name"),
                "cursor", cursor);
        assertThat(ToolCalls.error(client, "get_sheet", otherColumns)).contains("'cursor'").contains("other arguments");
        assertThat(ToolCalls.error(client, "get_report", call("report_id", "9007199254740995", "cursor", cursor)))
                .contains("'cursor'").contains("another tool");
        assertThat(ToolCalls.error(client, "get_sheet", call("sheet_id", Long.toString(sheetId), "max_chars", 1500, "cursor", "garbage")))
                .contains("'cursor'");

        int returned = first.path("returned").asInt();
        List<Long> ids = smartsheet.rowIds(sheetId);
        smartsheet.deleteRows(sheetId, List.copyOf(ids.subList(0, returned)));
        Map<String, Object> next = new LinkedHashMap<>(arguments);
        next.put("cursor", cursor);
        assertThat(ToolCalls.error(client, "get_sheet", next)).contains("'cursor'").contains("stale");
    }

    @Test
    void anEmptySheetAnswersNoRows() {
        long sheetId = smartsheet.createSheet(null, "Empty", List.of(ColumnSpec.primary("Name")), List.of());

        JsonNode answer = ToolCalls.ok(client, "get_sheet", call("sheet_id", Long.toString(sheetId)));

        assertThat(answer.path("rows")).isEmpty();
        assertThat(answer.path("total_matched").asInt()).isZero();
        assertThat(answer.has("cursor")).isFalse();
    }
}
