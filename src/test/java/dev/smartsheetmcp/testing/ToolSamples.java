package dev.smartsheetmcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A representative successful call of every tool, against the sandbox: each sample prepares what
 * its call needs (a sheet of its own, a job, a schedule) and answers the call's arguments.
 * A tool without a sample here has no representative call, and the tests that go through every
 * tool of the catalog fail naming it: add one line to {@link #samples()}.
 */
public final class ToolSamples {

    private static final List<ColumnSpec> COLUMNS = List.of(ColumnSpec.primary("Name"), ColumnSpec.text("Notes"),
            ColumnSpec.text("Result"), ColumnSpec.picklist("Status", "Open", "Closed"));

    private final SandboxApp app;
    private final McpSyncClient client;
    private final AtomicInteger names = new AtomicInteger();
    private final Map<String, Supplier<Map<String, Object>>> samples;

    public ToolSamples(SandboxApp app, McpSyncClient client) {
        this.app = app;
        this.client = client;
        this.samples = samples();
    }

    /** The arguments of a successful call of {@code tool}, with what it needs prepared; fails for a tool without a sample. */
    public Map<String, Object> arguments(String tool) {
        Supplier<Map<String, Object>> sample = samples.get(tool);
        if (sample == null) {
            throw new AssertionError("no representative call of " + tool + ": add one to " + ToolSamples.class.getName());
        }
        return sample.get();
    }

    private Map<String, Supplier<Map<String, Object>>> samples() {
        Map<String, Supplier<Map<String, Object>>> all = new HashMap<>();
        all.put("cancel_batch_analysis", () -> Map.of("jobId", startJob()));
        all.put("copy_sheet", () -> Map.of("sheet_id", id(sheet()), "new_name", unique("Copy")));
        all.put("create_folder", () -> Map.of("name", unique("Folder"), "workspace_id", id(demo().workspaceId())));
        all.put("create_schedule", () -> schedule(unique("nightly")));
        all.put("create_sheet", () -> Map.of("name", unique("Sheet"), "columns", List.of(
                Map.of("title", "Task", "type", "TEXT_NUMBER", "primary", true), Map.of("title", "Due", "type", "DATE"))));
        all.put("create_sheet_in_workspace", () -> Map.of("workspace_id", id(demo().workspaceId()), "name", unique("Sheet"),
                "columns", List.of(Map.of("title", "Task", "type", "TEXT_NUMBER"))));
        all.put("create_workspace", () -> Map.of("name", unique("Workspace")));
        all.put("delete_schedule", () -> Map.of("name", createSchedule()));
        all.put("get_all_row_ids", () -> Map.of("sheet_id", id(sheet())));
        all.put("get_column_map", () -> Map.of("sheet_id", id(sheet())));
        all.put("get_current_user", Map::of);
        all.put("get_folder", () -> Map.of("folder_id", id(folder())));
        all.put("get_job_status", () -> Map.of("jobId", startJob()));
        all.put("get_report", () -> Map.of("report_id", id(smartsheet().createReport(unique("Report"), List.of(sheet()),
                List.of("Name", "Notes")))));
        all.put("get_row", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "row_id", id(smartsheet().rowIds(sheet).get(0)));
        });
        all.put("get_sheet", () -> Map.of("sheet_id", id(sheet())));
        all.put("get_sheet_info", () -> Map.of("sheet_id", id(sheet())));
        all.put("get_sheet_summary", () -> Map.of("sheet_id", id(sheetWithSummary())));
        all.put("get_sheet_version", () -> Map.of("sheet_id", id(sheet())));
        all.put("get_user", () -> Map.of("user_id", id(smartsheet().ownerUserId())));
        all.put("get_workspace", () -> Map.of("workspace_id", id(demo().workspaceId())));
        all.put("list_jobs", () -> {
            startJob();
            return Map.of();
        });
        all.put("list_reports", () -> {
            smartsheet().createReport(unique("Report"), List.of(sheet()), List.of("Name"));
            return Map.of();
        });
        all.put("list_schedules", () -> {
            createSchedule();
            return Map.of();
        });
        all.put("list_users", Map::of);
        all.put("list_workspace_sheets", () -> Map.of("workspace_id", id(demo().workspaceId())));
        all.put("list_workspaces", Map::of);
        all.put("run_schedule_now", () -> Map.of("name", createSchedule()));
        all.put("search", () -> Map.of("query", "alpha"));
        all.put("smartsheet_add_column", () -> Map.of("sheet_id", id(sheet()), "title", "Priority", "type", "PICKLIST",
                "options", List.of("High", "Low")));
        all.put("smartsheet_add_comment", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "discussion_id", id(rowDiscussion(sheet)), "comment_text", "Not yet");
        });
        all.put("smartsheet_bulk_update", () -> {
            long sheet = sheet();
            Map<String, Object> columns = columnMap(sheet);
            return Map.of("sheet_id", id(sheet), "rules", List.of(Map.of(
                    "conditions", List.of(Map.of("columnId", columns.get("Status"), "operator", "equals", "value", "Open")),
                    "updates", List.of(Map.of("columnId", columns.get("Notes"), "value", "checked")))));
        });
        all.put("smartsheet_create_cross_reference", () -> crossReference(sheet(), sheet()));
        all.put("smartsheet_create_discussion", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "discussion_type", "row", "target_id", id(smartsheet().rowIds(sheet).get(0)),
                    "comment_text", "Is this done?", "title", "Status");
        });
        all.put("smartsheet_delete", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "row_ids", List.of(id(smartsheet().rowIds(sheet).get(0))));
        });
        all.put("smartsheet_delete_column", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "column_id", columnMap(sheet).get("Result"));
        });
        all.put("smartsheet_delete_attachment", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "attachment_id", id(rowAttachment(sheet)));
        });
        all.put("smartsheet_delete_comment", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "comment_id", firstComment(sheet, rowDiscussion(sheet)));
        });
        all.put("smartsheet_download_attachment", () -> {
            long sheet = sheet();
            String attachment = ToolCalls.ok(client, "smartsheet_upload_attachment", upload(sheet)).path("attachment").path("id").asText();
            return Map.of("sheet_id", id(sheet), "attachment_id", attachment);
        });
        all.put("smartsheet_find_sheet_references", () -> {
            long workspace = smartsheet().createWorkspace(unique("Workspace"));
            long source = smartsheet().createSheet(workspace, unique("Source"), COLUMNS, List.of(Map.of("Name", "alpha")));
            long sheet = smartsheet().createSheet(workspace, unique("Referencing"), COLUMNS, List.of(Map.of("Name", "alpha")));
            ToolCalls.ok(client, "smartsheet_create_cross_reference", crossReference(sheet, source));
            return Map.of("target_sheet_id", id(source), "workspace_id", id(workspace));
        });
        all.put("smartsheet_get_attachments", () -> {
            long sheet = sheet();
            rowAttachment(sheet);
            return Map.of("sheet_id", id(sheet), "attachment_type", "sheet");
        });
        all.put("smartsheet_get_cell_history", () -> {
            long sheet = sheet();
            long row = editedRow(sheet);
            return Map.of("sheet_id", id(sheet), "row_id", id(row), "column_id", "Status");
        });
        all.put("smartsheet_get_comments", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "discussion_id", id(rowDiscussion(sheet)));
        });
        all.put("smartsheet_get_discussions", () -> {
            long sheet = sheet();
            rowDiscussion(sheet);
            return Map.of("sheet_id", id(sheet), "discussion_type", "sheet", "include_comments", true);
        });
        all.put("smartsheet_get_row_history", () -> {
            long sheet = sheet();
            long row = editedRow(sheet);
            return Map.of("sheet_id", id(sheet), "row_id", id(row), "column_ids", List.of("Name", "Status"));
        });
        all.put("smartsheet_get_sheet_cross_references", () -> Map.of("sheet_id", id(sheetWithCrossReference())));
        all.put("smartsheet_rename_column", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "column_id", columnMap(sheet).get("Notes"), "new_title", "Comments");
        });
        all.put("smartsheet_search", () -> Map.of("sheet_id", id(sheet()), "pattern", "alpha"));
        all.put("smartsheet_upload_attachment", () -> upload(sheet()));
        all.put("smartsheet_validate_cross_references", () -> Map.of("sheet_id", id(sheetWithCrossReference())));
        all.put("smartsheet_update", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "column_map", columnMap(sheet), "updates", List.of(
                    Map.of("row_id", id(smartsheet().rowIds(sheet).get(0)), "data", Map.of("Notes", "updated"))));
        });
        all.put("smartsheet_write", () -> {
            long sheet = sheet();
            return Map.of("sheet_id", id(sheet), "column_map", columnMap(sheet),
                    "row_data", List.of(Map.of("Name", "gamma", "Status", "Open")));
        });
        all.put("start_batch_analysis", () -> analysis(sheet()));
        all.put("update_sheet_summary", () -> Map.of("sheet_id", id(sheet()), "add_fields", List.of(
                Map.of("title", "Status", "type", "PICKLIST", "options", List.of("On track", "Late"), "value", "On track"))));
        return all;
    }

    /** A sheet of its own with two rows, so a sample that writes or deletes disturbs no other. */
    public long sheet() {
        return smartsheet().createSheet(demo().workspaceId(), unique("Sample"), COLUMNS, List.of(
                Map.of("Name", "alpha", "Notes", "first alpha row", "Status", "Open"),
                Map.of("Name", "beta", "Notes", "second row", "Status", "Closed")));
    }

    public Map<String, Object> columnMap(long sheetId) {
        JsonNode map = ToolCalls.ok(client, "get_column_map", Map.of("sheet_id", id(sheetId))).path("column_map");
        Map<String, Object> columnMap = new LinkedHashMap<>();
        map.fields().forEachRemaining(entry -> columnMap.put(entry.getKey(), entry.getValue().asText()));
        return columnMap;
    }

    private long sheetWithSummary() {
        long sheet = sheet();
        ToolCalls.ok(client, "update_sheet_summary", Map.of("sheet_id", id(sheet), "add_fields", List.of(
                Map.of("title", "Budget", "value", 1200))));
        return sheet;
    }

    /** A discussion on the sheet's first row, with one comment; its id. */
    public long rowDiscussion(long sheet) {
        return smartsheet().addRowDiscussion(sheet, smartsheet().rowIds(sheet).get(0), "Is this done? It was due on Friday");
    }

    /** The id of the first comment of a discussion. */
    public String firstComment(long sheet, long discussion) {
        return ToolCalls.ok(client, "smartsheet_get_comments", Map.of("sheet_id", id(sheet), "discussion_id", id(discussion)))
                .path("comments").get(0).path("id").asText();
    }

    /** A small file attached to the sheet's first row; its id. */
    public long rowAttachment(long sheet) {
        return smartsheet().addRowAttachment(sheet, smartsheet().rowIds(sheet).get(0), "minutes.pdf", "application/pdf", 1);
    }

    private Map<String, Object> upload(long sheet) {
        return Map.of("sheet_id", id(sheet), "attachment_type", "row", "target_id", id(smartsheet().rowIds(sheet).get(0)),
                "content_base64", Base64.getEncoder().encodeToString("hello, attachments\n".getBytes(StandardCharsets.UTF_8)),
                "file_name", "hello.txt");
    }

    /** The first row, with its Status edited twice by a person, so its cells have history. */
    private long editedRow(long sheet) {
        long row = smartsheet().rowIds(sheet).get(0);
        smartsheet().editCellAsPerson(sheet, row, "Status", "Closed");
        smartsheet().editCellAsPerson(sheet, row, "Status", "Open");
        return row;
    }

    /** An INDEX/MATCH of the source's Notes into the sheet's Result, by Name. */
    private Map<String, Object> crossReference(long sheet, long source) {
        return Map.of("sheet_id", id(sheet), "target_sheet_id", id(source), "formula_config", Map.of(
                "source_column_id", id(smartsheet().columnId(source, "Notes")),
                "target_column_id", id(smartsheet().columnId(sheet, "Result")), "formula_type", "INDEX_MATCH"));
    }

    private long sheetWithCrossReference() {
        long sheet = sheet();
        ToolCalls.ok(client, "smartsheet_create_cross_reference", crossReference(sheet, sheet()));
        return sheet;
    }

    private long folder() {
        long folder = smartsheet().createFolder(null, demo().workspaceId(), unique("Folder"));
        smartsheet().createSheetInFolder(folder, unique("In folder"), List.of(ColumnSpec.primary("Item")));
        return folder;
    }

    private String startJob() {
        return ToolCalls.ok(client, "start_batch_analysis", analysis(sheet())).path("jobId").asText();
    }

    private Map<String, Object> analysis(long sheet) {
        return Map.of("sheet_id", id(sheet), "type", "sentiment", "sourceColumns", List.of("Notes"), "targetColumn", "Result");
    }

    private String createSchedule() {
        String name = unique("nightly");
        ToolCalls.ok(client, "create_schedule", schedule(name));
        return name;
    }

    private Map<String, Object> schedule(String name) {
        Map<String, Object> schedule = new HashMap<>(analysis(sheet()));
        schedule.put("name", name);
        schedule.put("cron", "0 0 2 * * ?");
        return schedule;
    }

    private String unique(String prefix) {
        return prefix.toLowerCase() + "-" + names.incrementAndGet();
    }

    private SmartsheetEmulator smartsheet() {
        return app.sandbox().smartsheet();
    }

    private SmartsheetEmulator.SeededDemo demo() {
        return app.sandbox().demo();
    }

    private static String id(long id) {
        return Long.toString(id);
    }
}
