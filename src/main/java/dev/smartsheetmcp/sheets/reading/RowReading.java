package dev.smartsheetmcp.sheets.reading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.toolkit.AnswerBudget;
import dev.smartsheetmcp.toolkit.TextCut;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * get_row: one row with every cell, each with its column's title, id and type (Get Row with
 * {@code include=columns}), and optionally its discussions and attachments, as counts or as lists.
 * Long text is cut so the answer stays within {@code max_chars}; a list that does not fit is
 * shortened and says how many items it left out.
 */
public final class RowReading {

    /** One get_row call, checked. */
    public record RowRequest(long sheetId, long rowId, Set<String> include, boolean lists, int maxChars) {

        /** The Get Row query. */
        public String query() {
            StringBuilder query = new StringBuilder("include=columns,objectValue");
            include.forEach(word -> query.append(',').append(word));
            return query.append("&level=2").toString();
        }
    }

    /** Room for {@code "…s_left_out":N} and the other list's count. */
    private static final int LEFT_OUT_NOTE = 60;

    private final ReadLimits limits;

    public RowReading(ReadLimits limits) {
        this.limits = limits;
    }

    public RowRequest read(Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        long rowId = args.id("row_id");
        Set<String> include = SheetReading.include(args);
        String details = args.optionalText("details").orElse("counts");
        if (!details.equals("counts") && !details.equals("lists")) {
            throw ToolException.invalidArgument("details", "must be counts or lists");
        }
        return new RowRequest(sheetId, rowId, include, details.equals("lists"), limits.maxChars(args));
    }

    public Map<String, Object> answer(RowRequest request, JsonNode row) {
        SheetColumns columns = SheetColumns.of(row.path("columns"));
        int cellChars = limits.cellChars(request.maxChars(), columns.all().size());
        List<RowView.OutputColumn> shown = columns.all().stream().map(column -> new RowView.OutputColumn(column.id(), column.title())).toList();
        RowView view = new RowView(shown, "columnId", cellChars, Set.of());
        Map<Long, JsonNode> cells = view.cells(row);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sheet_id", Long.toString(request.sheetId()));
        answer.put("row_id", row.path("id").asText());
        answer.put("row_number", row.path("rowNumber").asLong());
        if (row.hasNonNull("parentId")) answer.put("parent_id", row.path("parentId").asText());
        answer.put("modified_at", row.path("modifiedAt").asText(null));
        List<Map<String, Object>> cellViews = new ArrayList<>();
        for (SheetColumns.Column column : columns.all()) {
            JsonNode cell = cells.get(column.id());
            Map<String, Object> cellView = new LinkedHashMap<>();
            cellView.put("column", column.title());
            cellView.put("column_id", Long.toString(column.id()));
            cellView.put("type", column.systemColumnType() != null ? column.systemColumnType() : column.type());
            Object display = view.display(cell);
            cellView.put("value", display);
            Object raw = display == null ? null : view.raw(cell, display);
            if (raw != null) cellView.put("raw_value", raw);
            if (cell != null && cell.hasNonNull("formula")) cellView.put("formula", TextCut.cut(cell.path("formula").asText(), cellChars));
            cellViews.add(cellView);
        }
        answer.put("cells", cellViews);
        if (request.include().contains("discussions")) {
            put(answer, "discussion", row.path("discussions"), request.lists(), request.maxChars(),
                    discussion -> discussion(discussion, cellChars));
        }
        if (request.include().contains("attachments")) {
            put(answer, "attachment", row.path("attachments"), request.lists(), request.maxChars(), RowReading::attachment);
        }
        return answer;
    }

    /** Counts, and with {@code lists} the items that fit what is left of max_chars (unlike rows, none is forced in). */
    private static void put(Map<String, Object> answer, String name, JsonNode items, boolean lists, int maxChars,
                            java.util.function.Function<JsonNode, Map<String, Object>> render) {
        answer.put(name + "_count", items.size());
        if (!lists) return;
        List<Map<String, Object>> views = new ArrayList<>();
        answer.put(name + "s", views);
        int used = AnswerBudget.jsonLength(answer) + LEFT_OUT_NOTE;
        for (JsonNode item : items) {
            Map<String, Object> rendered = render.apply(item);
            int size = AnswerBudget.jsonLength(rendered) + 1;
            if (used + size > maxChars) break;
            used += size;
            views.add(rendered);
        }
        if (views.size() < items.size()) answer.put(name + "s_left_out", items.size() - views.size());
    }

    private static Map<String, Object> discussion(JsonNode discussion, int textChars) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", discussion.path("id").asText());
        view.put("title", TextCut.cut(discussion.path("title").asText(""), textChars));
        view.put("comment_count", discussion.path("commentCount").asInt(discussion.path("comments").size()));
        if (discussion.hasNonNull("lastCommentedAt")) view.put("last_commented_at", discussion.path("lastCommentedAt").asText());
        if (discussion.path("lastCommentedUser").hasNonNull("email")) {
            view.put("last_commented_by", discussion.path("lastCommentedUser").path("email").asText());
        }
        return view;
    }

    private static Map<String, Object> attachment(JsonNode attachment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", attachment.path("id").asText());
        view.put("name", attachment.path("name").asText());
        view.put("attachment_type", attachment.path("attachmentType").asText());
        if (attachment.hasNonNull("mimeType")) view.put("mime_type", attachment.path("mimeType").asText());
        if (attachment.hasNonNull("sizeInKb")) view.put("size_in_kb", attachment.path("sizeInKb").asLong());
        if (attachment.hasNonNull("createdAt")) view.put("created_at", attachment.path("createdAt").asText());
        return view;
    }
}
