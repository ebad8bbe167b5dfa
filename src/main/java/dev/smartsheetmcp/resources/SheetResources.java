package dev.smartsheetmcp.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.smartsheet.PagedRead;
import dev.smartsheetmcp.toolkit.ToolArguments;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The steps of {@code direct:resource-sheet} (routes/resources.yaml): the view a template names,
 * for the sheet its URI names, planned on the sheet's columns, fed every page, answered as JSON.
 */
public final class SheetResources {

    public static final String VIEW_HEADER = "ResourceView";

    private final int pageSize;
    private final int maxChars;
    private final Clock clock;

    public SheetResources(int pageSize, int maxChars, Clock clock) {
        this.pageSize = pageSize;
        this.maxChars = maxChars;
        this.clock = clock;
    }

    /** A view of the sheet in variable {@code sheet_id}: summary, gantt-data, dependencies or health-report. */
    public PagedRead start(@Header(VIEW_HEADER) String view, @Body Map<String, Object> variables) {
        long sheetId = ToolArguments.of(variables).id("sheet_id");
        return switch (view) {
            case "summary" -> new SummaryView(sheetId, pageSize, maxChars);
            case "gantt-data" -> new GanttView(sheetId, pageSize, maxChars);
            case "dependencies" -> new DependencyView(sheetId, pageSize, maxChars);
            case "health-report" -> new HealthView(sheetId, pageSize, maxChars, clock);
            default -> throw new IllegalArgumentException("no sheet resource view " + view);
        };
    }

    public long sheetId(@Variable(PagedRead.VARIABLE) PagedRead view) {
        return ((SheetView) view).sheetId;
    }

    public void plan(@Variable(PagedRead.VARIABLE) PagedRead view, @Body JsonNode columns) {
        ((SheetView) view).plan(columns);
    }

    public Map<String, Object> answer(@Variable(PagedRead.VARIABLE) PagedRead view) {
        return ((SheetView) view).answer();
    }
}
