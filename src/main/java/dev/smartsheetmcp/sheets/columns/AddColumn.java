package dev.smartsheetmcp.sheets.columns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smartsheetmcp.sheets.SheetColumns;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.toolkit.ToolArguments;
import dev.smartsheetmcp.toolkit.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/** Steps of {@code smartsheet_add_column}: read the arguments, check them against the sheet's columns, answer. */
public final class AddColumn {

    static final Set<String> TYPES = Set.of("TEXT_NUMBER", "DATE", "CHECKBOX", "PICKLIST", "MULTI_PICKLIST", "CONTACT_LIST");
    private static final ObjectMapper JSON = Json.MAPPER;

    /** The column asked for; {@code index} null means after the last column. */
    public record Request(long sheetId, String title, String type, Integer index, Boolean validation,
                          String formula, List<String> options) {
    }

    private int maxColumns = 400;

    public void setMaxColumns(int maxColumns) { this.maxColumns = maxColumns; }

    public Request read(@Body Map<String, Object> arguments) {
        ToolArguments args = ToolArguments.of(arguments);
        long sheetId = args.id("sheet_id");
        String title = args.nonBlankText("title").strip();
        String type = args.text("type");
        if (!TYPES.contains(type)) throw ToolException.invalidArgument("type", "must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
        Integer index = args.optionalInt("index").orElse(null);
        if (index != null && index < 0) throw ToolException.invalidArgument("index", "must be 0 or more");
        Boolean validation = args.has("validation") ? args.flag("validation", false) : null;
        String formula = args.optionalText("formula").map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        if (formula != null && !formula.startsWith("=")) throw ToolException.invalidArgument("formula", "must start with '='");
        return new Request(sheetId, title, type, index, validation, formula, options(args, type));
    }

    private static List<String> options(ToolArguments args, String type) {
        boolean picklist = type.endsWith("PICKLIST");
        if (!args.has("options")) {
            if (picklist) throw ToolException.invalidArgument("options", "is required for a " + type + " column (its choices)");
            return List.of();
        }
        if (!picklist) throw ToolException.invalidArgument("options", "only PICKLIST and MULTI_PICKLIST columns take options, not " + type);
        List<?> given = args.list("options");
        if (given.isEmpty()) throw ToolException.invalidArgument("options", "must list at least one choice for a " + type + " column");
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (!(given.get(i) instanceof String option) || option.isBlank()) {
                throw ToolException.invalidArgument("options[" + i + "]", "must be a non-empty string");
            }
            if (!seen.add(option)) throw ToolException.invalidArgument("options[" + i + "]", "repeats '" + option + "'");
            options.add(option);
        }
        return options;
    }

    /** The Add Columns request body, after the checks only the sheet's columns can answer. */
    public String requestBody(@Variable("request") Request request, @Body JsonNode columnsAnswer) throws JsonProcessingException {
        SheetColumns columns = SheetColumns.of(columnsAnswer);
        int count = columns.all().size();
        for (SheetColumns.Column column : columns.all()) {
            if (column.title().equalsIgnoreCase(request.title())) {
                throw ToolException.invalidArgument("title", "the sheet already has a column titled '" + column.title()
                        + "' (id " + column.id() + "); column titles must be unique (ignoring case, as formulas do)");
            }
        }
        if (count >= maxColumns) {
            throw new ToolException("Sheet " + request.sheetId() + " already has " + count
                    + " columns, Smartsheet's maximum of " + maxColumns + "; nothing was added");
        }
        if (request.index() != null && request.index() > count) {
            throw ToolException.invalidArgument("index", "is " + request.index() + " but the sheet has " + count
                    + " columns; use 0 to " + count + " (" + count + " appends at the end)");
        }
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("title", request.title());
        column.put("type", request.type());
        // Smartsheet requires an index when adding columns: append unless told otherwise.
        column.put("index", request.index() == null ? count : request.index());
        if (!request.options().isEmpty()) column.put("options", request.options());
        if (request.validation() != null) column.put("validation", request.validation());
        if (request.formula() != null) column.put("formula", request.formula());
        return JSON.writeValueAsString(List.of(column));
    }

    public Map<String, Object> answer(@Variable("request") Request request, @Body JsonNode added) {
        JsonNode result = added.path("result");
        JsonNode column = result.isArray() ? result.path(0) : result;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Successfully added column");
        answer.put("sheet_id", Long.toString(request.sheetId()));
        answer.put("column", ColumnDescription.of(column));
        return answer;
    }
}
