package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.ArrayList;
import java.util.List;

/** A sheet column. Mutable; guarded by its sheet's lock. */
final class Column {

    final long id;
    String title;
    String type;
    final boolean primary;
    List<String> options;
    final String systemColumnType;
    String formula;
    boolean validation;
    boolean hidden;
    String description;

    Column(long id, ColumnSpec spec) {
        this.id = id;
        this.title = spec.title();
        this.type = spec.type();
        this.primary = spec.primary();
        this.options = new ArrayList<>(spec.options());
        this.systemColumnType = spec.systemColumnType();
        this.formula = spec.formula();
    }

    boolean isSystem() {
        return systemColumnType != null;
    }

    /** Smartsheet's column "version": 2 for MULTI_PICKLIST, 1 for MULTI_CONTACT_LIST, else 0. */
    int level() {
        return switch (type) {
            case "MULTI_PICKLIST" -> 2;
            case "MULTI_CONTACT_LIST" -> 1;
            default -> 0;
        };
    }
}
