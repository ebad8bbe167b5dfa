package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a row holds in one column. Mutable; guarded by its sheet's lock. */
final class Cell {

    Object value;
    String displayValue;
    /** MULTI_PICKLIST or CONTACT objectValue, as a JSON-ready map. */
    Map<String, Object> objectValue;
    String formula;
    /** How many API calls wrote this cell; a person's edits do not count. */
    int apiWrites;

    /** Every value the cell held, oldest first, as List Cell History answers them (newest first). */
    final List<Map<String, Object>> history = new ArrayList<>();

    /** Records the value just written, when and by whom, as a cell history entry. */
    void recordVersion(long columnId, String modifiedAt, Map<String, Object> modifiedBy) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("columnId", columnId);
        if (value != null) entry.put("value", value);
        if (displayValue != null) entry.put("displayValue", displayValue);
        if (objectValue != null) entry.put("objectValue", objectValue);
        if (formula != null) entry.put("formula", formula);
        entry.put("modifiedAt", modifiedAt);
        entry.put("modifiedBy", modifiedBy);
        history.add(entry);
    }

    void clear() {
        value = null;
        displayValue = null;
        objectValue = null;
        formula = null;
    }
}
