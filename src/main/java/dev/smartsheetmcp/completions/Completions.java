package dev.smartsheetmcp.completions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.analysis.prompts.AnalysisType;
import dev.smartsheetmcp.sheets.SheetColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The steps of {@code direct:completion} (routes/completions.yaml). The argument's name is in
 * header {@value #ARGUMENT_HEADER}, what the user typed so far in {@value #VALUE_HEADER}, the
 * arguments already given in the body. Answers {@code values}, {@code total} and {@code has_more}.
 */
public final class Completions {

    public static final String ARGUMENT_HEADER = "CompletionArgument";
    public static final String VALUE_HEADER = "CompletionValue";

    private static final List<String> COLUMN_ARGUMENTS = List.of("source_column", "target_column");
    private static final Map<String, List<String>> CHOICES = Map.of(
            "type", Arrays.stream(AnalysisType.values()).map(AnalysisType::wireName).toList(),
            "project_type", List.of("software", "marketing", "event", "construction", "research", "general"),
            "focus_area", List.of("schedule", "resources", "risks", "budget", "overall"),
            "workflow_type", List.of("approval", "intake", "project", "support", "general"),
            "insight_type", List.of("trends", "distribution", "anomalies", "performance", "summary"),
            "summary_focus", List.of("executive", "progress", "risks", "workload"),
            "formatting_goal", List.of("status", "deadlines", "priority", "progress", "ownership"));

    private final long cacheNanos;
    private final int maxValues;
    private final int pageSize;
    private final LongSupplier clock;
    private volatile Directory sheets;
    private volatile Directory workspaces;

    public Completions(long cacheSeconds, int maxValues, int pageSize, LongSupplier clock) {
        this.cacheNanos = TimeUnit.SECONDS.toNanos(cacheSeconds);
        this.maxValues = maxValues;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    public boolean sheetsStale() {
        return sheets == null || sheets.olderThan(cacheNanos, clock.getAsLong());
    }

    public boolean workspacesStale() {
        return workspaces == null || workspaces.olderThan(cacheNanos, clock.getAsLong());
    }

    public SheetListing sheetListing() {
        return new SheetListing(pageSize);
    }

    public void takeSheetsPage(@Variable("listing") SheetListing listing, @Body JsonNode page) {
        listing.take(page);
    }

    public void sheetsListed(@Variable("listing") SheetListing listing) {
        sheets = new Directory(List.copyOf(listing.entries()), clock.getAsLong());
    }

    /** Get Workspaces with includeAll: every workspace's id and name. */
    public void workspacesListed(@Body JsonNode answer) {
        List<Directory.Entry> entries = new ArrayList<>();
        JsonNode list = answer.isArray() ? answer : answer.path("data");
        list.forEach(workspace -> entries.add(new Directory.Entry(workspace.path("id").asText(), workspace.path("name").asText())));
        workspaces = new Directory(entries, clock.getAsLong());
    }

    public Map<String, Object> sheetIds(@Header(VALUE_HEADER) String value) {
        return answer(sheets.matching(value));
    }

    public Map<String, Object> workspaceIds(@Header(VALUE_HEADER) String value) {
        return answer(workspaces.matching(value));
    }

    public boolean columnOfKnownSheet(@Header(ARGUMENT_HEADER) String argument, @Body Map<String, Object> context) {
        return columnSheet(argument, context) != null;
    }

    /** A column-title argument with the sheet already chosen: its sheet id, else null. */
    public Long columnSheet(@Header(ARGUMENT_HEADER) String argument, @Body Map<String, Object> context) {
        if (!COLUMN_ARGUMENTS.contains(argument) || context == null) return null;
        Object sheetId = context.get("sheet_id");
        return sheetId != null && sheetId.toString().matches("[0-9]{1,19}") ? Long.valueOf(sheetId.toString()) : null;
    }

    public Map<String, Object> columnTitles(@Header(VALUE_HEADER) String value, @Body JsonNode columns) {
        return answer(prefixed(SheetColumns.of(columns).all().stream().map(SheetColumns.Column::title).toList(), value));
    }

    /** A fixed choice (analysis types, the prompts' optional arguments), or nothing. */
    public Map<String, Object> choices(@Header(ARGUMENT_HEADER) String argument, @Header(VALUE_HEADER) String value) {
        return answer(prefixed(Optional.ofNullable(CHOICES.get(argument)).orElse(List.of()), value));
    }

    private static List<String> prefixed(List<String> options, String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return options.stream().filter(option -> option.toLowerCase(Locale.ROOT).startsWith(wanted)).toList();
    }

    private Map<String, Object> answer(List<String> matches) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("values", matches.subList(0, Math.min(matches.size(), maxValues)));
        answer.put("total", matches.size());
        answer.put("has_more", matches.size() > maxValues);
        return answer;
    }
}
