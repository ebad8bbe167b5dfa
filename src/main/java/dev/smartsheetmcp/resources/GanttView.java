package dev.smartsheetmcp.resources;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code smartsheet://{sheet_id}/gantt-data}: every row as a task with its dates, duration,
 * progress, parent and predecessors, and the project's span over every row.
 */
final class GanttView extends SheetView {

    private final ItemList tasks;
    private long dated;
    private long milestones;
    private long complete;
    private LocalDate projectStart;
    private LocalDate projectEnd;

    GanttView(long sheetId, int pageSize, int maxChars) {
        super(sheetId, pageSize, maxChars);
        this.tasks = items();
    }

    @Override
    void accept(RowCells row) {
        LocalDate start = row.date(project.id(project.start())).orElse(null);
        LocalDate end = row.date(project.id(project.end())).orElse(null);
        if (start != null || end != null) dated++;
        if (start != null && (projectStart == null || start.isBefore(projectStart))) projectStart = start;
        if (end != null && (projectEnd == null || end.isAfter(projectEnd))) projectEnd = end;
        Double duration = row.durationDays(project.id(project.duration())).orElse(null);
        if (duration != null && duration == 0) milestones++;
        if (project.complete(row)) complete++;
        tasks.add(task(row, start, end, duration));
    }

    private Map<String, Object> task(RowCells row, LocalDate start, LocalDate end, Double duration) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("row_id", Long.toString(row.id()));
        task.put("row_number", row.rowNumber());
        task.put("name", row.text(project.id(project.name())).orElse(""));
        if (row.parentId() != null) task.put("parent_row_id", Long.toString(row.parentId()));
        if (start != null) task.put("start", start.toString());
        if (end != null) task.put("end", end.toString());
        if (duration != null) task.put("duration_days", duration);
        project.percent(row).ifPresent(percent -> task.put("percent_complete", percent));
        row.text(project.id(project.status())).ifPresent(status -> task.put("status", status));
        row.text(project.id(project.assignee())).ifPresent(assignee -> task.put("assigned_to", assignee));
        row.text(project.id(project.predecessors())).ifPresent(predecessors -> task.put("predecessors", predecessors));
        return task;
    }

    @Override
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("project_columns", project.roles());
        figures.put("task_count", rowsRead);
        figures.put("tasks_with_dates", dated);
        figures.put("tasks_without_dates", rowsRead - dated);
        figures.put("milestones", milestones);
        figures.put("tasks_complete", complete);
        if (projectStart != null) figures.put("project_start", projectStart.toString());
        if (projectEnd != null) figures.put("project_end", projectEnd.toString());
        if (projectStart != null && projectEnd != null) {
            figures.put("span_days", ChronoUnit.DAYS.between(projectStart, projectEnd) + 1);
        }
        if (project.start() == null && project.end() == null) {
            figures.put("note", "no start or end date column found (a DATE column titled Start, End, Finish or Due)");
        }
        return figures;
    }

    @Override
    Map<String, ItemList> lists() {
        return Map.of("tasks", tasks);
    }
}
