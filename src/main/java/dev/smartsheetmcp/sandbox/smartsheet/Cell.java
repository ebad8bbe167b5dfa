package dev.smartsheetmcp.sandbox.smartsheet;

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

    void clear() {
        value = null;
        displayValue = null;
        objectValue = null;
        formula = null;
    }
}
