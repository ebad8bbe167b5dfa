package dev.smartsheetmcp.resources;

import dev.smartsheetmcp.sheets.SheetColumns;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Running figures of one column over every row: how full it is and what it holds, by its type. */
final class ColumnFigures {

    private static final int MAX_TRACKED_VALUES = 1_000;
    private static final int TOP_VALUES = 10;
    private static final List<String> COUNTED_TYPES = List.of("PICKLIST", "CHECKBOX", "MULTI_PICKLIST", "CONTACT_LIST");

    private final SheetColumns.Column column;
    private long filled;
    private long numbers;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private LocalDate earliest;
    private LocalDate latest;
    private final Map<String, Long> values = new HashMap<>();
    private boolean tooManyValues;

    ColumnFigures(SheetColumns.Column column) {
        this.column = column;
    }

    void accept(RowCells row) {
        var text = row.text(column.id());
        if ("CHECKBOX".equals(column.type())) {
            count(row.checked(column.id()) ? "checked" : "unchecked");
            if (row.checked(column.id())) filled++;
            return;
        }
        if (text.isEmpty()) return;
        filled++;
        count(text.get());
        row.date(column.id()).ifPresent(this::date);
        if (!column.type().startsWith("DATE") && !column.type().contains("DATETIME")) row.number(column.id()).ifPresent(this::number);
    }

    private void count(String value) {
        if (values.containsKey(value) || values.size() < MAX_TRACKED_VALUES) values.merge(value, 1L, Long::sum);
        else tooManyValues = true;
    }

    private void date(LocalDate day) {
        if (earliest == null || day.isBefore(earliest)) earliest = day;
        if (latest == null || day.isAfter(latest)) latest = day;
    }

    private void number(double value) {
        numbers++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    Map<String, Object> view(long rows) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", column.title());
        view.put("type", column.type());
        if (column.primary()) view.put("primary", true);
        if (column.systemColumnType() != null) view.put("system_type", column.systemColumnType());
        if (column.formula() != null) view.put("formula", column.formula());
        view.put("filled", filled);
        view.put("filled_percent", rows == 0 ? 0 : Math.round(filled * 1000.0 / rows) / 10.0);
        view.put("distinct_values", tooManyValues ? "over " + MAX_TRACKED_VALUES : values.size());
        if (COUNTED_TYPES.contains(column.type()) || !tooManyValues && values.size() <= TOP_VALUES && filled > values.size()) {
            view.put("top_values", topValues());
        }
        if (numbers > 0 && numbers * 2 >= filled) {
            view.put("number", Map.of("count", numbers, "sum", sum, "min", min, "max", max, "mean", sum / numbers));
        }
        if (earliest != null) view.put("dates", Map.of("earliest", earliest.toString(), "latest", latest.toString()));
        return view;
    }

    private Map<String, Long> topValues() {
        Map<String, Long> top = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_VALUES)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
